// What every store promises, through the Library interface only: the same file runs against each
// implementation (src/test-support/library/stores.ts), so a behaviour the app relies on is proven
// on SQLite and on PostgreSQL alike. A store that cannot run here is reported skipped, with why.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TextRole } from '../../shared/domain'
import type { DecisionInput } from '../../shared/workbench'
import { resultWithClaims } from '../../test-support/library/check-result'
import { bytesOf, makeDoc } from '../../test-support/library/docs'
import { storeHarnesses } from '../../test-support/library/stores'
import { SEARCH_CANDIDATES } from './search-limits'
import type { Library } from './store'
import { ORIGINAL_HEAD_CHARS } from './text-facts'

const decision = (checkId: number, claimId: string, status: DecisionInput['status']): DecisionInput => ({
  checkId,
  claimId,
  status,
  correctedText: null,
  note: null,
  pinned: []
})

for (const harness of storeHarnesses()) {
  const suite = harness.unavailable ? describe.skip : describe
  const title = harness.unavailable
    ? `the ${harness.name} store (skipped: ${harness.unavailable})`
    : `the ${harness.name} store`

  suite(title, () => {
    let library: Library

    beforeEach(async () => {
      library = await harness.open()
    })
    afterEach(async () => {
      await library.close()
    })
    afterAll(() => harness.dispose())

    const add = async (
      paragraphs: string[],
      meta: { title?: string | null; role?: TextRole; publishedAt?: string | null } = {}
    ) => {
      const doc = makeDoc(paragraphs, { title: meta.title ?? null, publishedAt: meta.publishedAt ?? null })
      return library.importDocument({
        fileName: `${paragraphs[0]?.slice(0, 12) ?? 'empty'}.txt`,
        bytes: bytesOf(doc.cleanedText),
        doc,
        role: meta.role ?? 'source'
      })
    }

    describe('importing', () => {
      it('stores a text with its paragraphs, and reports the same content again as a duplicate', async () => {
        const first = await add(['Iwaya arrived in Kyiv on Saturday.', 'He met Sybiha.'], {
          title: 'Iwaya visits Kyiv',
          role: 'story'
        })
        expect(first).toEqual({ status: 'imported', id: expect.any(Number), title: 'Iwaya visits Kyiv' })
        const again = await add(['Iwaya arrived in Kyiv on Saturday.', 'He met Sybiha.'], {
          title: 'Other name'
        })
        expect(again).toEqual({ status: 'duplicate', id: first.id, title: 'Iwaya visits Kyiv' })
        const other = await add(['A different text.'])
        expect(other.status).toBe('imported')
        expect(other.id).not.toBe(first.id)
        expect(await library.count()).toBe(2)

        const text = (await library.get(first.id))!
        expect(text).toMatchObject({
          role: 'story',
          title: 'Iwaya visits Kyiv',
          paragraphCount: 2,
          wordCount: 9
        })
        expect(text.paragraphs.map((p) => [p.index, p.text, p.start])).toEqual([
          [0, 'Iwaya arrived in Kyiv on Saturday.', 0],
          [1, 'He met Sybiha.', 36]
        ])
        expect(new TextDecoder().decode((await library.originalBytes(first.id))!)).toBe(text.cleanedText)
        expect(await library.get(9999)).toBeNull()
        expect(await library.originalBytes(9999)).toBeNull()
      })
    })

    describe('listing and reading', () => {
      it('lists newest first, filters by role, pages, and counts the total', async () => {
        const ids: number[] = []
        for (const [i, w] of ['one', 'two', 'three'].entries())
          ids.push((await add([`Paragraph ${w}.`], { role: i === 0 ? 'story' : 'source' })).id)
        const page = await library.list({ limit: 2, offset: 0 })
        expect(page.total).toBe(3)
        expect(page.texts.map((t) => t.id)).toEqual([ids[2], ids[1]])
        expect((await library.list({ limit: 2, offset: 2 })).texts.map((t) => t.id)).toEqual([ids[0]])
        const stories = await library.list({ role: 'story', limit: 10, offset: 0 })
        expect(stories).toMatchObject({ total: 1, texts: [{ id: ids[0], role: 'story' }] })
        expect((await library.summary(ids[1]!))?.paragraphCount).toBe(1)
        expect(await library.summary(9999)).toBeNull()
      })

      it('reads a page of paragraphs and the start of the original', async () => {
        const paragraphs = Array.from({ length: 7 }, (_, i) => `Paragraph number ${i}.`)
        const { id } = await add(paragraphs)
        const page = (await library.read(id, 2, 3, 10))!
        expect(page.offset).toBe(2)
        expect(page.paragraphs.map((p) => p.index)).toEqual([2, 3, 4])
        expect(page.paragraphs[0]!.text).toBe('Paragraph number 2.')
        expect(page.originalText).toBe(paragraphs.join('\n\n').slice(0, 10))
        expect(page.originalLength).toBe(paragraphs.join('\n\n').length)
        expect((await library.read(id, 6, 10, 10))!.paragraphs.map((p) => p.index)).toEqual([6])
        expect(await library.read(9999, 0, 10, 10)).toBeNull()
      })

      it('reads the paragraphs of given indexes, in order, skipping those the text lacks', async () => {
        const { id } = await add(['Zero.', 'One.', 'Two.', 'Three.'])
        expect(await library.paragraphsAt(id, [3, 0, 9, 2])).toEqual([
          { index: 0, text: 'Zero.' },
          { index: 2, text: 'Two.' },
          { index: 3, text: 'Three.' }
        ])
        expect(await library.paragraphsAt(id, [])).toEqual([])
        expect(await library.paragraphsAt(9999, [0])).toBeNull()
      })

      it('reads the start of a long original from its stored head, and past the head from the whole', async () => {
        // Characters, not UTF-16 units or bytes: an astral letter and an accent on each side of the head's end.
        const paragraph = `Épée 𝒜 ${'word '.repeat(40)}`.trim()
        const paragraphs = Array.from(
          { length: Math.ceil((ORIGINAL_HEAD_CHARS * 1.2) / paragraph.length) },
          () => paragraph
        )
        const whole = paragraphs.join('\n\n')
        const { id } = await add(paragraphs)
        const characters = [...whole]
        const head = (await library.read(id, 0, 1, ORIGINAL_HEAD_CHARS))!
        expect(head.originalLength).toBe(characters.length)
        expect(head.originalText).toBe(characters.slice(0, ORIGINAL_HEAD_CHARS).join(''))
        const more = (await library.read(id, 0, 1, ORIGINAL_HEAD_CHARS + 1000))!
        expect(more.originalText).toBe(characters.slice(0, ORIGINAL_HEAD_CHARS + 1000).join(''))
        expect((await library.get(id))!.originalText).toBe(whole)
      })
    })

    describe('search', () => {
      it('puts matching headlines first and ranks paragraphs by how well they match', async () => {
        const once = await add(['The minister spoke about the harbour and many other matters today.'])
        const often = await add(['Harbour, harbour: the harbour again.'])
        const titled = await add(['Nothing of the kind here.'], { title: 'Harbour news' })
        const hits = await library.search('harbour', 10)
        expect(hits[0]).toMatchObject({ field: 'headline', textId: titled.id })
        const paragraphs = hits.filter((h) => h.field === 'paragraph').map((h) => h.textId)
        expect(paragraphs).toEqual([often.id, once.id])
        const ranks = hits.filter((h) => h.field === 'paragraph').map((h) => h.rank)
        expect(ranks[0]).toBeLessThan(ranks[1]!)
        expect(await library.search('harbour', 10, { headlines: false })).toHaveLength(2)
      })

      it('ranks only the newest SEARCH_CANDIDATES matches of a very common word, and all of a rarer one', async () => {
        const old = await add(['Kyiv, Kyiv, Kyiv.'], { title: 'Old report' }) // the best match, but old
        for (let t = 0; t * 1000 < SEARCH_CANDIDATES; t++) {
          await add(
            Array.from(
              { length: 1000 },
              (_, i) => `Filler ${t}-${i}: officials in Kyiv met again on a quiet day of routine talks.`
            ),
            { title: `Filler ${t}` }
          )
        }
        const newest = await add(['Kyiv and Kyiv again.'], { title: 'New report' }) // the best of the newest
        const hits = await library.search('kyiv', 50, { headlines: false })
        expect(hits).toHaveLength(50)
        expect(hits[0]).toMatchObject({ textId: newest.id })
        expect(hits.some((h) => h.textId === old.id)).toBe(false)
        expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => a - b))
        for (const hit of hits)
          expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toContain('Kyiv')
        // A rarer query still finds the old text.
        expect((await library.search('"Kyiv, Kyiv, Kyiv"', 5)).map((h) => h.textId)).toContain(old.id)
      })

      it('marks the matched words in a snippet of plain segments', async () => {
        const { id } = await add(['Iwaya met the foreign minister in Kyiv on Saturday.'])
        const [hit] = await library.search('minister', 10)
        expect(hit).toMatchObject({ field: 'paragraph', textId: id, paragraphIndex: 0 })
        const marked = hit!.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())
        expect(marked).toEqual(['minister'])
        expect(hit!.snippet.map((s) => s.text).join('')).toContain('foreign minister in Kyiv')
      })

      it('reads the query syntax: prefixes, every word, quoted phrases, OR, and nothing else', async () => {
        const a = await add(['Troops crossed the border near Kraków.'])
        const b = await add(['The foreign minister visited Tokyo.'])
        const c = await add(['The minister of foreign trade went to Kyiv.'])
        const found = async (query: string) =>
          (await library.search(query, 10, { headlines: false })).map((h) => h.textId).sort((x, y) => x - y)
        expect(await found('troop')).toEqual([a.id])
        expect(await found('krakow')).toEqual([a.id])
        expect(await found('foreign minister')).toEqual([b.id, c.id])
        expect(await found('"foreign minister"')).toEqual([b.id])
        expect(await found('"foreign min"*')).toEqual([b.id])
        expect(await found('Tokyo OR Kyiv')).toEqual([b.id, c.id])
        expect(await found('minister Tokyo OR troops')).toEqual([a.id, b.id])
        expect(await found('minister AND Kyiv')).toEqual([c.id])
        expect(await found('Tokyo Kyiv')).toEqual([])
        for (const query of ['', '"', '()', 'NOT', 'NEAR(a b)', '-:^*', 'O\'Brien "unclosed'])
          await expect(library.search(query, 10), query).resolves.toBeInstanceOf(Array)
      })

      it('finds passages with any of the terms, leaving out the texts and roles not asked for', async () => {
        const story = await add(['The harbour closed on Monday.'], { role: 'story' })
        const source = await add(['Ships waited outside the harbour.'])
        const other = await add(['Flights were cancelled.'])
        const passages = await library.searchPassages(['harbour', 'flights were'], { limit: 10 })
        expect(passages.map((p) => p.textId).sort()).toEqual([story.id, source.id, other.id].sort())
        const sources = await library.searchPassages(['harbour'], {
          limit: 10,
          roles: ['source'],
          excludeTextIds: [other.id]
        })
        expect(sources).toEqual([
          {
            textId: source.id,
            paragraphId: expect.any(Number),
            index: 0,
            text: 'Ships waited outside the harbour.',
            start: 0
          }
        ])
      })

      it('offers the indexed words for spelling suggestions, as texts write them', async () => {
        await add(['Kakmikawa spoke in Kyiv.'], { title: 'Kakmikawa in Kyiv' })
        const words = await library.vocabulary.wordsStartingWith('k', 4, 9)
        expect(words.map((w) => w.term).sort()).toEqual(['kakmikawa', 'kyiv'])
        expect(words.find((w) => w.term === 'kyiv')?.rows).toBe(2)
        expect(await library.vocabulary.hasPrefix('kakm')).toBe(true)
        expect(await library.vocabulary.hasPrefix('kam')).toBe(false)
        expect(await library.vocabulary.spelling('kakmikawa')).toBe('Kakmikawa')
        expect(await library.vocabulary.spelling('nowhere')).toBeNull()
      })
    })

    describe('changing texts', () => {
      it('sets details given, clears those given null, and keeps the rest', async () => {
        const { id } = await add(['Text.'], { title: 'Old title', publishedAt: '2024-01-01' })
        const changed = await library.setMeta(id, {
          title: 'New title',
          outlet: 'Coast Daily',
          publishedAt: null
        })
        expect(changed).toMatchObject({ id, title: 'New title', outlet: 'Coast Daily', publishedAt: null })
        expect((await library.search('new title', 10))[0]).toMatchObject({ field: 'headline', textId: id })
        expect(await library.search('old', 10)).toEqual([])
        expect(await library.setMeta(9999, { title: 'x' })).toBeNull()
      })

      it('changes a role, and deletes a text with its paragraphs and index entries', async () => {
        const { id } = await add(['Harbour closed.'])
        expect(await library.setRole(id, 'story')).toMatchObject({ id, role: 'story' })
        expect(await library.setRole(9999, 'story')).toBeNull()
        expect(await library.delete(id)).toBe(true)
        expect(await library.get(id)).toBeNull()
        expect(await library.search('harbour', 10)).toEqual([])
        expect(await library.delete(id)).toBe(false)
        expect(await library.count()).toBe(0)
      })
    })

    describe('house names', () => {
      it('keeps the list sorted regardless of case, refuses empty and repeated names, removes', async () => {
        const yoko = await library.addHouseName('  Yoko Kamikawa ', 'minister')
        expect(yoko).toEqual({
          id: expect.any(Number),
          name: 'Yoko Kamikawa',
          note: 'minister',
          addedAt: expect.any(String)
        })
        await library.addHouseName('andrii Sybiha')
        expect((await library.listHouseNames()).map((n) => n.name)).toEqual([
          'andrii Sybiha',
          'Yoko Kamikawa'
        ])
        await expect(library.addHouseName('Yoko Kamikawa')).rejects.toMatchObject({ code: 'CONFLICT' })
        await expect(library.addHouseName('   ')).rejects.toMatchObject({ code: 'BAD_REQUEST' })
        expect(await library.removeHouseName(yoko.id)).toBe(true)
        expect(await library.removeHouseName(yoko.id)).toBe(false)
        expect((await library.listHouseNames()).map((n) => n.name)).toEqual(['andrii Sybiha'])
      })
    })

    describe('preferences', () => {
      it('starts unset, sets and clears what is given, and refuses an invalid value changing nothing', async () => {
        expect(await library.preferences.get()).toEqual({
          newsroom: null,
          newsroomUrl: null,
          checkedBy: null
        })
        expect(await library.preferences.set({ newsroom: 'Example Desk', checkedBy: 'A. Editor' })).toEqual({
          newsroom: 'Example Desk',
          newsroomUrl: null,
          checkedBy: 'A. Editor'
        })
        await library.preferences.set({ checkedBy: null })
        await expect(
          library.preferences.set({ newsroom: 'Other', newsroomUrl: 'javascript:alert(1)' })
        ).rejects.toMatchObject({ code: 'BAD_REQUEST' })
        expect(await library.preferences.get()).toEqual({
          newsroom: 'Example Desk',
          newsroomUrl: null,
          checkedBy: null
        })
      })
    })

    describe('checks', () => {
      const storyAndCheck = async () => {
        const story = await add(['A story. It has claims.'], { role: 'story', title: 'Story' })
        const check = await library.checks.create({
          storyId: story.id,
          title: 'Story',
          sourceIds: null,
          result: resultWithClaims(['date-0', 'date-5'])
        })
        return { storyId: story.id, check }
      }

      it('creates, lists, re-titles, replaces results and sources, and deletes checks', async () => {
        const { storyId, check } = await storyAndCheck()
        expect(check).toMatchObject({ storyId, title: 'Story', sourceIds: null, total: 2, decided: 0 })
        expect(await library.checks.list()).toEqual([check])
        expect((await library.checks.get(check.id))?.result.claims.map((c) => c.id)).toEqual([
          'date-0',
          'date-5'
        ])
        await library.checks.retitle(storyId, 'Renamed')
        expect((await library.checks.get(check.id))?.summary.title).toBe('Renamed')
        expect(await library.checks.replaceResult(check.id, resultWithClaims(['date-0']))).toMatchObject({
          total: 1
        })
        const source = await add(['A source.'])
        expect(
          await library.checks.replaceSources(
            check.id,
            [source.id],
            resultWithClaims(['date-0', 'date-5', 'date-9'])
          )
        ).toMatchObject({ sourceIds: [source.id], total: 3 })
        expect(await library.checks.replaceResult(9999, resultWithClaims([]))).toBeNull()
        expect(await library.checks.get(9999)).toBeNull()
        expect(await library.checks.delete(check.id)).toBe(true)
        expect(await library.checks.list()).toEqual([])
        expect(await library.checks.delete(check.id)).toBe(false)
      })

      it('knows which claims a check has, as its result is now, without reading the result', async () => {
        const { check } = await storyAndCheck()
        expect(await library.checks.hasClaim(check.id, 'date-5')).toBe(true)
        expect(await library.checks.hasClaim(check.id, 'date-9')).toBe(false)
        // Not a claim id: a field of a claim, and a claim's text, are not claims.
        expect(await library.checks.hasClaim(check.id, 'unsupported')).toBe(false)
        expect(await library.checks.hasClaim(check.id, 'x')).toBe(false)
        expect(await library.checks.hasClaim(check.id, "date-0' OR '1")).toBe(false)
        await library.checks.replaceResult(check.id, resultWithClaims(['date-9']))
        expect(await library.checks.hasClaim(check.id, 'date-9')).toBe(true)
        expect(await library.checks.hasClaim(check.id, 'date-5')).toBe(false)
        expect(await library.checks.hasClaim(9999, 'date-0')).toBeNull()
      })

      it('saves each decision with its history entry, and counts the decided claims', async () => {
        const { check } = await storyAndCheck()
        const first = await library.checks.decide(decision(check.id, 'date-0', 'verified'))
        expect(first?.decision).toMatchObject({ claimId: 'date-0', status: 'verified', publish: false })
        expect(first?.entry).toMatchObject({ claimId: 'date-0', before: null, after: { status: 'verified' } })
        const second = await library.checks.decide({
          ...decision(check.id, 'date-0', 'corrected'),
          correctedText: 'on Sunday',
          publish: true,
          publicExplanation: 'The visit was on Sunday.'
        })
        expect(second?.entry.before).toMatchObject({ status: 'verified' })
        const third = await library.checks.decide(decision(check.id, 'date-0', 'disputed'))
        // Left out, publish and the explanation stay as decided before.
        expect(third?.decision).toMatchObject({
          publish: true,
          publicExplanation: 'The visit was on Sunday.'
        })
        expect((await library.checks.decisions(check.id)).map((d) => [d.claimId, d.status])).toEqual([
          ['date-0', 'disputed']
        ])
        expect((await library.checks.history(check.id)).map((e) => e.after.status)).toEqual([
          'verified',
          'corrected',
          'disputed'
        ])
        expect(await library.checks.history(check.id, 'date-5')).toEqual([])
        expect((await library.checks.get(check.id))?.summary.decided).toBe(1)
        expect(await library.checks.decide(decision(9999, 'date-0', 'verified'))).toBeNull()
      })

      it('undoes and redoes from the stored history, each step an entry naming the one it reverses', async () => {
        const { check } = await storyAndCheck()
        expect(await library.checks.undoState(check.id)).toMatchObject({ canUndo: false, canRedo: false })
        expect(await library.checks.undo(check.id)).toBeNull()
        const made = await library.checks.decide(decision(check.id, 'date-5', 'verified'))
        expect(await library.checks.undoState(check.id)).toMatchObject({ canUndo: true, canRedo: false })
        const undone = await library.checks.undo(check.id)
        expect(undone?.entry).toMatchObject({ undoes: made!.entry.id, after: { status: 'open' } })
        expect(await library.checks.undoState(check.id)).toMatchObject({ canUndo: false, canRedo: true })
        const redone = await library.checks.redo(check.id)
        expect(redone?.entry).toMatchObject({ redoes: made!.entry.id, after: { status: 'verified' } })
        expect(await library.checks.undoState(check.id)).toMatchObject({ canUndo: true, canRedo: false })
        expect((await library.checks.history(check.id)).map((e) => e.after.status)).toEqual([
          'verified',
          'open',
          'verified'
        ])
        expect(await library.checks.redo(check.id)).toBeNull()
        expect(await library.checks.undo(9999)).toBeNull()
      })

      it("records an editor's claim once per span and kind", async () => {
        const { check } = await storyAndCheck()
        const added = await library.checks.addEditorClaim(check.id, { kind: 'person', start: 2, end: 7 })
        expect(added).toEqual({
          rowId: expect.any(Number),
          kind: 'person',
          start: 2,
          end: 7,
          addedAt: expect.any(String)
        })
        expect(await library.checks.addEditorClaim(check.id, { kind: 'person', start: 2, end: 7 })).toBeNull()
        expect(await library.checks.editorClaims(check.id)).toEqual([added])
      })

      it('records who made each decision and history entry, undo and redo included', async () => {
        const { check } = await storyAndCheck()
        const made = await library.checks.decide(decision(check.id, 'date-0', 'verified'), 'Ana Novak')
        expect(made?.decision.actor).toBe('Ana Novak')
        expect(made?.entry.actor).toBe('Ana Novak')
        await library.checks.decide(decision(check.id, 'date-5', 'disputed'))
        await library.checks.undo(check.id, undefined, 'Ben Ode')
        await library.checks.redo(check.id, undefined, 'Cleo Park')
        expect((await library.checks.history(check.id)).map((e) => e.actor)).toEqual([
          'Ana Novak',
          null,
          'Ben Ode',
          'Cleo Park'
        ])
        expect((await library.checks.decisions(check.id)).map((d) => [d.claimId, d.actor])).toEqual([
          ['date-0', 'Ana Novak'],
          ['date-5', 'Cleo Park']
        ])
      })

      it('goes with its story: deleting the story deletes its checks, decisions and history', async () => {
        const { storyId, check } = await storyAndCheck()
        await library.checks.decide(decision(check.id, 'date-0', 'verified'))
        await library.delete(storyId)
        expect(await library.checks.get(check.id)).toBeNull()
        expect(await library.checks.decisions(check.id)).toEqual([])
        expect(await library.checks.history(check.id)).toEqual([])
      })

      describe('assignment and review', () => {
        it('assigns the check and its claims, clears an assignment, and keeps who did each', async () => {
          const { check } = await storyAndCheck()
          expect(await library.reviews.assignments(check.id)).toEqual([])
          expect(
            await library.reviews.assign({ checkId: check.id, claimId: null, assignee: 'Ana' }, 'Rui')
          ).toBe(true)
          await library.reviews.assign({ checkId: check.id, claimId: 'date-5', assignee: 'Ben' }, 'Ana')
          await library.reviews.assign({ checkId: check.id, claimId: 'date-0', assignee: 'Ben' }, 'Ana')
          const listed = await library.reviews.assignments(check.id)
          expect(listed.map((a) => [a.claimId, a.assignee, a.assignedBy])).toEqual([
            [null, 'Ana', 'Rui'],
            ['date-0', 'Ben', 'Ana'],
            ['date-5', 'Ben', 'Ana']
          ])
          expect(listed[0]!.assignedAt).toEqual(expect.any(String))
          // Reassigning replaces; clearing removes it from the list.
          await library.reviews.assign({ checkId: check.id, claimId: null, assignee: 'Ben' }, 'Ben')
          await library.reviews.assign({ checkId: check.id, claimId: 'date-5', assignee: null }, 'Rui')
          expect((await library.reviews.assignments(check.id)).map((a) => [a.claimId, a.assignee])).toEqual([
            [null, 'Ben'],
            ['date-0', 'Ben']
          ])
          expect(await library.reviews.assign({ checkId: 9999, claimId: null, assignee: 'Ana' }, 'Rui')).toBe(
            false
          )
        })

        it('records each review step with who, when, the comment and the last decision entry', async () => {
          const { check } = await storyAndCheck()
          expect(await library.reviews.history(check.id)).toEqual([])
          const first = await library.checks.decide(decision(check.id, 'date-0', 'verified'), 'Ana')
          const ready = await library.reviews.record(
            { checkId: check.id, from: 'in_progress', to: 'ready', comment: null },
            'Ana'
          )
          expect(ready).toMatchObject({
            state: 'ready',
            actor: 'Ana',
            comment: null,
            decisionEntry: first!.entry.id
          })
          const returned = await library.reviews.record(
            { checkId: check.id, from: 'ready', to: 'returned', comment: 'Source date-5.' },
            'Rui'
          )
          expect(returned).toMatchObject({ state: 'returned', actor: 'Rui', comment: 'Source date-5.' })
          expect(await library.reviews.history(check.id)).toEqual([ready, returned])
          expect(returned!.id).toBeGreaterThan(ready!.id)
          expect(
            await library.reviews.record(
              { checkId: 9999, from: 'in_progress', to: 'ready', comment: null },
              'Ana'
            )
          ).toBeNull()
        })

        it('refuses a step from a state the check is no longer in, writing nothing', async () => {
          const { check } = await storyAndCheck()
          await expect(
            library.reviews.record({ checkId: check.id, from: 'ready', to: 'approved', comment: null }, 'Rui')
          ).rejects.toMatchObject({ code: 'CONFLICT', details: { state: 'in_progress' } })
          await library.reviews.record(
            { checkId: check.id, from: 'in_progress', to: 'ready', comment: null },
            'Ana'
          )
          const other = await harness.reopen()
          try {
            // Two reviewers on two servers act on the same "ready": one approves, one is refused.
            const outcomes = await Promise.allSettled([
              library.reviews.record(
                { checkId: check.id, from: 'ready', to: 'approved', comment: null },
                'Rui'
              ),
              other.reviews.record(
                { checkId: check.id, from: 'ready', to: 'returned', comment: 'No.' },
                'Eva'
              )
            ])
            expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
            expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
              reason: { code: 'CONFLICT' }
            })
          } finally {
            await other.close()
          }
          expect(await library.reviews.history(check.id)).toHaveLength(2)
        })

        it('names the claims changed after a decision entry', async () => {
          const { check } = await storyAndCheck()
          const first = await library.checks.decide(decision(check.id, 'date-0', 'verified'))
          expect(await library.reviews.claimsChangedAfter(check.id, null)).toEqual(['date-0'])
          expect(await library.reviews.claimsChangedAfter(check.id, first!.entry.id)).toEqual([])
          await library.checks.decide(decision(check.id, 'date-5', 'disputed'))
          await library.checks.undo(check.id)
          await library.checks.decide(decision(check.id, 'date-0', 'dismissed'))
          expect(await library.reviews.claimsChangedAfter(check.id, first!.entry.id)).toEqual([
            'date-0',
            'date-5'
          ])
        })

        it("tells the check's review watchers of each step and assignment, on this server and others", async () => {
          const { check } = await storyAndCheck()
          // SQLite's watchers are of its own process; a desk's servers hear each other's steps.
          const other = harness.name === 'PostgreSQL' ? await harness.reopen() : library
          try {
            const heard: number[] = []
            const heardDecisions: unknown[] = []
            const stop = await other.reviews.watch(check.id, (change) => heard.push(change.checkId))
            const ignored = await other.reviews.watch(check.id + 1, (change) => heard.push(change.checkId))
            // Decisions share the desk's notice channel: each store hears only its own.
            const decisions = await other.checks.watch(check.id, (change) => heardDecisions.push(change))
            await library.reviews.record(
              { checkId: check.id, from: 'in_progress', to: 'ready', comment: null },
              'Ana'
            )
            await expect(
              library.reviews.record(
                { checkId: check.id, from: 'in_progress', to: 'ready', comment: null },
                'Ana'
              )
            ).rejects.toMatchObject({ code: 'CONFLICT' })
            await library.reviews.assign({ checkId: check.id, claimId: null, assignee: 'Ana' }, 'Rui')
            await expect.poll(() => heard, { timeout: 3000 }).toEqual([check.id, check.id])
            await library.checks.decide(decision(check.id, 'date-0', 'verified'))
            await expect.poll(() => heardDecisions.length, { timeout: 3000 }).toBe(1)
            stop()
            ignored()
            decisions()
            await library.reviews.record(
              { checkId: check.id, from: 'ready', to: 'approved', comment: null },
              'Rui'
            )
            await new Promise((resolve) => setTimeout(resolve, 200))
            expect(heard).toHaveLength(2)
          } finally {
            if (other !== library) await other.close()
          }
        })

        it('lists the state and assignee of every check assigned or reviewed, and only those', async () => {
          const { check } = await storyAndCheck()
          const { check: assigned } = await storyAndCheck()
          const { check: untouched } = await storyAndCheck()
          const { check: cleared } = await storyAndCheck()
          expect(await library.reviews.overview()).toEqual([])
          await library.reviews.record(
            { checkId: check.id, from: 'in_progress', to: 'ready', comment: null },
            'Ana'
          )
          await library.reviews.record(
            { checkId: check.id, from: 'ready', to: 'returned', comment: 'x' },
            'Rui'
          )
          await library.reviews.assign({ checkId: assigned.id, claimId: null, assignee: 'Ben' }, 'Rui')
          await library.reviews.assign({ checkId: untouched.id, claimId: 'date-0', assignee: 'Ben' }, 'Rui')
          await library.reviews.assign({ checkId: cleared.id, claimId: null, assignee: 'Ben' }, 'Rui')
          await library.reviews.assign({ checkId: cleared.id, claimId: null, assignee: null }, 'Rui')
          expect(await library.reviews.overview()).toEqual([
            { checkId: check.id, state: 'returned', assignee: null },
            { checkId: assigned.id, state: 'in_progress', assignee: 'Ben' }
          ])
        })

        it('goes with its check', async () => {
          const { check } = await storyAndCheck()
          await library.reviews.assign({ checkId: check.id, claimId: null, assignee: 'Ana' }, 'Rui')
          await library.reviews.record(
            { checkId: check.id, from: 'in_progress', to: 'ready', comment: null },
            'Ana'
          )
          await library.checks.delete(check.id)
          expect(await library.reviews.assignments(check.id)).toEqual([])
          expect(await library.reviews.history(check.id)).toEqual([])
        })
      })

      describe('concurrent editing', () => {
        it('counts a version per change of a claim, undo and redo included', async () => {
          const { check } = await storyAndCheck()
          const first = await library.checks.decide(decision(check.id, 'date-0', 'verified'))
          expect(first?.decision.version).toBe(1)
          const second = await library.checks.decide({
            ...decision(check.id, 'date-0', 'disputed'),
            version: 1
          })
          expect(second?.decision.version).toBe(2)
          expect((await library.checks.undo(check.id))?.decision).toMatchObject({
            status: 'verified',
            version: 3
          })
          expect((await library.checks.redo(check.id))?.decision).toMatchObject({
            status: 'disputed',
            version: 4
          })
          expect(await library.checks.decisions(check.id)).toEqual([expect.objectContaining({ version: 4 })])
          expect((await library.checks.history(check.id)).map((e) => e.after.version)).toEqual([1, 2, 3, 4])
        })

        it('refuses a decide made on a stale version with CONFLICT and the current decision, writing nothing', async () => {
          const { check } = await storyAndCheck()
          await library.checks.decide({
            ...decision(check.id, 'date-0', 'verified'),
            note: 'A saw it',
            version: 0
          })
          // B's screen still showed the claim undecided (version 0).
          const stale = library.checks.decide({ ...decision(check.id, 'date-0', 'disputed'), version: 0 })
          await expect(stale).rejects.toMatchObject({
            code: 'CONFLICT',
            details: {
              current: expect.objectContaining({ status: 'verified', note: 'A saw it', version: 1 })
            }
          })
          expect(await library.checks.decisions(check.id)).toEqual([
            expect.objectContaining({ status: 'verified', version: 1 })
          ])
          expect(await library.checks.history(check.id)).toHaveLength(1)
          // A decision on a version ahead of the store's is as stale: it was not made on what is there.
          await expect(
            library.checks.decide({ ...decision(check.id, 'date-5', 'verified'), version: 3 })
          ).rejects.toMatchObject({ code: 'CONFLICT', details: { current: null } })
          // Made on the current version, it goes through.
          expect(
            (await library.checks.decide({ ...decision(check.id, 'date-0', 'disputed'), version: 1 }))
              ?.decision
          ).toMatchObject({ status: 'disputed', version: 2 })
        })

        it('undoes or redoes only the entry the editor saw next', async () => {
          const { check } = await storyAndCheck()
          const mine = await library.checks.decide(decision(check.id, 'date-0', 'verified'))
          expect(await library.checks.undoState(check.id)).toEqual({
            canUndo: true,
            canRedo: false,
            nextUndo: mine!.entry.id,
            nextRedo: null
          })
          // Someone else decides meanwhile: Undo as the editor saw it would now reverse theirs.
          const theirs = await library.checks.decide(decision(check.id, 'date-5', 'disputed'))
          await expect(library.checks.undo(check.id, mine!.entry.id)).rejects.toMatchObject({
            code: 'CONFLICT',
            details: { undo: { canUndo: true, canRedo: false, nextUndo: theirs!.entry.id, nextRedo: null } }
          })
          expect(await library.checks.history(check.id)).toHaveLength(2)
          const undone = await library.checks.undo(check.id, theirs!.entry.id)
          expect(undone?.entry.undoes).toBe(theirs!.entry.id)
          await expect(library.checks.redo(check.id, mine!.entry.id)).rejects.toMatchObject({
            code: 'CONFLICT'
          })
          expect((await library.checks.redo(check.id, theirs!.entry.id))?.entry.redoes).toBe(theirs!.entry.id)
          // Nothing left to redo: one that names an entry is refused, as that entry is not next.
          await expect(library.checks.redo(check.id, theirs!.entry.id)).rejects.toMatchObject({
            code: 'CONFLICT'
          })
        })

        it('lets exactly one of many decides on one version through, from two handles at once', async () => {
          const { check } = await storyAndCheck()
          const other = await harness.reopen()
          try {
            const attempts = Array.from({ length: 12 }, (_, i) =>
              (i % 2 ? other : library).checks.decide({
                ...decision(check.id, 'date-0', i % 3 ? 'verified' : 'disputed'),
                note: `attempt ${i}`,
                version: 0
              })
            )
            const outcomes = await Promise.allSettled(attempts)
            const won = outcomes.filter((o) => o.status === 'fulfilled')
            expect(won).toHaveLength(1)
            for (const lost of outcomes.filter((o) => o.status === 'rejected'))
              expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' })
            const winner = (won[0] as PromiseFulfilledResult<Awaited<(typeof attempts)[number]>>).value
            expect(await library.checks.decisions(check.id)).toEqual([winner!.decision])
            expect(await library.checks.history(check.id)).toHaveLength(1)
          } finally {
            await other.close()
          }
        })

        it("tells the check's watchers of every decision, undo and redo, and stops when asked", async () => {
          const { check } = await storyAndCheck()
          const heard: string[] = []
          const stop = await library.checks.watch(check.id, (change) =>
            heard.push(
              `${change.checkId} ${change.decision.claimId} ${change.decision.status} v${change.decision.version}`
            )
          )
          await library.checks.decide(decision(check.id, 'date-0', 'verified'))
          await library.checks.undo(check.id)
          await expect(
            library.checks.decide({ ...decision(check.id, 'date-0', 'disputed'), version: 0 })
          ).rejects.toThrow()
          await expect
            .poll(() => heard, { timeout: 3000 })
            .toEqual([`${check.id} date-0 verified v1`, `${check.id} date-0 open v2`])
          stop()
          await library.checks.decide(decision(check.id, 'date-5', 'verified'))
          await new Promise((resolve) => setTimeout(resolve, 200))
          expect(heard).toHaveLength(2)
        })

        // SQLite's watchers are of its own process (one editor's app or serve); a desk's servers
        // share a PostgreSQL database and hear each other's decisions through it.
        const acrossServers = harness.name === 'PostgreSQL' ? it : it.skip
        acrossServers(
          'tells a watcher on another server of a decision written through this one',
          async () => {
            const { check } = await storyAndCheck()
            const other = await harness.reopen()
            try {
              const heard: unknown[] = []
              const stop = await other.checks.watch(check.id, (change) => heard.push(change))
              const ignored = await other.checks.watch(check.id + 1, (change) => heard.push(change))
              const saved = await library.checks.decide({
                ...decision(check.id, 'date-5', 'corrected'),
                correctedText: 'x'
              })
              await expect.poll(() => heard, { timeout: 3000 }).toEqual([{ checkId: check.id, ...saved }])
              stop()
              ignored()
            } finally {
              await other.close()
            }
          }
        )
      })
    })

    describe('members and sessions', () => {
      const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()

      it('adds members with unique names whatever their case, lists them by name, and finds one by name', async () => {
        const ana = await library.members.add({ name: ' Ana ', role: 'admin', passwordHash: 'scrypt$hash-a' })
        expect(ana).toEqual({
          id: expect.any(Number),
          name: 'Ana',
          role: 'admin',
          createdAt: expect.any(String),
          disabledAt: null
        })
        await expect(
          library.members.add({ name: 'ANA', role: 'checker', passwordHash: 'x' })
        ).rejects.toMatchObject({ code: 'CONFLICT' })
        await library.members.add({ name: 'Łukasz', role: 'checker', passwordHash: 'scrypt$hash-l' })
        await expect(
          library.members.add({ name: 'łUKASZ', role: 'checker', passwordHash: 'x' })
        ).rejects.toMatchObject({ code: 'CONFLICT' })
        await library.members.add({ name: 'ben', role: 'reviewer', passwordHash: 'scrypt$hash-b' })
        expect((await library.members.list()).map((m) => m.name)).toEqual(['Ana', 'ben', 'Łukasz'])
        expect(await library.members.byName('aNa')).toMatchObject({
          id: ana.id,
          passwordHash: 'scrypt$hash-a'
        })
        expect(await library.members.byName('nobody')).toBeNull()
        expect(await library.members.countActive('admin')).toBe(1)
        expect(await library.members.countActive('checker')).toBe(1)
      })

      it('keeps a session until it expires, its member is disabled, or it is deleted', async () => {
        const ana = await library.members.add({ name: 'Ana', role: 'checker', passwordHash: 'h' })
        const ben = await library.members.add({ name: 'Ben', role: 'admin', passwordHash: 'h' })
        const now = new Date().toISOString()
        await library.sessions.create({
          idHash: 'ana-1',
          memberId: ana.id,
          csrfToken: 'c1',
          expiresAt: later(60)
        })
        await library.sessions.create({
          idHash: 'ana-old',
          memberId: ana.id,
          csrfToken: 'c0',
          expiresAt: later(-1)
        })
        await library.sessions.create({
          idHash: 'ben-1',
          memberId: ben.id,
          csrfToken: 'c2',
          expiresAt: later(60)
        })
        expect(await library.sessions.get('ana-1', now)).toMatchObject({
          member: { id: ana.id, name: 'Ana', role: 'checker' },
          csrfToken: 'c1'
        })
        expect(await library.sessions.get('ana-old', now)).toBeNull()
        expect(await library.sessions.get('unknown', now)).toBeNull()
        expect(await library.sessions.deleteExpired(now)).toBe(1)

        const disabled = await library.members.disable(ana.id)
        expect(disabled?.disabledAt).toEqual(expect.any(String))
        expect(await library.sessions.get('ana-1', now)).toBeNull()
        // Disabling again keeps the first date.
        expect((await library.members.disable(ana.id))?.disabledAt).toBe(disabled?.disabledAt)
        expect(await library.members.disable(9999)).toBeNull()
        expect(await library.members.countActive('checker')).toBe(0)

        await library.sessions.delete('ben-1')
        expect(await library.sessions.get('ben-1', now)).toBeNull()
      })

      it('enables a disabled member again, with the password they had and no session back', async () => {
        const ana = await library.members.add({ name: 'Ana', role: 'checker', passwordHash: 'h-ana' })
        await library.sessions.create({
          idHash: 'ana-1',
          memberId: ana.id,
          csrfToken: 'c',
          expiresAt: later(60)
        })
        await library.members.disable(ana.id)
        expect(await library.members.countActive('checker')).toBe(0)
        expect(await library.members.enable(ana.id)).toEqual({ ...ana, disabledAt: null })
        expect(await library.members.byName('Ana')).toMatchObject({ disabledAt: null, passwordHash: 'h-ana' })
        expect(await library.members.countActive('checker')).toBe(1)
        // The sessions disabling ended stay ended.
        expect(await library.sessions.get('ana-1', new Date().toISOString())).toBeNull()
        // Enabling an active member changes nothing.
        expect(await library.members.enable(ana.id)).toEqual({ ...ana, disabledAt: null })
        expect(await library.members.enable(9999)).toBeNull()
      })

      it('sets a new password, ending the member’s sessions but the one kept, and no one else’s', async () => {
        const ana = await library.members.add({ name: 'Ana', role: 'checker', passwordHash: 'h-old' })
        const ben = await library.members.add({ name: 'Ben', role: 'admin', passwordHash: 'h-ben' })
        const session = (idHash: string, memberId: number) =>
          library.sessions.create({ idHash, memberId, csrfToken: 'c', expiresAt: later(60) })
        await session('ana-here', ana.id)
        await session('ana-phone', ana.id)
        await session('ben-1', ben.id)
        const alive = async (idHash: string) =>
          (await library.sessions.get(idHash, new Date().toISOString())) !== null

        expect(await library.members.setPassword(ana.id, 'h-new', 'ana-here')).toEqual(ana)
        expect((await library.members.byName('Ana'))?.passwordHash).toBe('h-new')
        expect(await alive('ana-here')).toBe(true)
        expect(await alive('ana-phone')).toBe(false)
        expect(await alive('ben-1')).toBe(true)
        expect((await library.members.byName('Ben'))?.passwordHash).toBe('h-ben')

        // Without a session to keep (an admin's reset), every session of the member ends.
        expect(await library.members.setPassword(ana.id, 'h-reset')).toEqual(ana)
        expect((await library.members.byName('Ana'))?.passwordHash).toBe('h-reset')
        expect(await alive('ana-here')).toBe(false)
        expect(await alive('ben-1')).toBe(true)
        expect(await library.members.setPassword(9999, 'h')).toBeNull()
      })
    })

    describe('schema versions', () => {
      it('refuses a store a newer build wrote', async () => {
        await expect(harness.openWrittenByNewerBuild()).rejects.toMatchObject({
          code: 'LIBRARY_TOO_NEW',
          message: expect.stringMatching(
            /written by a newer version of Factdesk \(schema \d+; this version reads up to \d+\)/
          )
        })
      })
    })
  })
}
