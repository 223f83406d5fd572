// Search on a large desk (library.ts, searchedMatches): the newest rows are searched first, and
// older ones, window by window, only for a word too rare there. Made small here (recentRows) so a few texts
// have old rows. On the database at FACTDESK_TEST_DATABASE_URL; reported skipped without one.
import { afterAll, describe, expect, it } from 'vitest'
import { addSource } from '../../../test-support/library/docs'
import { clusterUrl as url, onCluster } from '../../../test-support/library/cluster'
import { TEST_DATABASE_VARIABLE } from '../../../test-support/library/stores'
import { openPostgresLibrary } from './index'

const schema = `factdesk_search_window_${process.pid}`
const suite = url ? describe : describe.skip

const add = addSource

suite(`search on a large desk${url ? '' : ` (skipped: ${TEST_DATABASE_VARIABLE} is not set)`}`, () => {
  afterAll(() => onCluster(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))

  it('ranks a common word among the newest rows, and finds a rare word in the oldest', async () => {
    const library = await openPostgresLibrary(url!, { schema, recentRows: { texts: 3, paragraphs: 30 } })
    try {
      // The oldest text: the best match for "harbour" of all, and the only one for "lighthouse".
      const old = await add(library, 'Harbour lighthouse', [
        'Harbour, harbour, harbour: the harbour again.',
        'The old lighthouse stands.'
      ])
      for (let t = 0; t < 10; t++)
        await add(
          library,
          `Report ${t}`,
          Array.from({ length: 10 }, (_, i) => `Report ${t}-${i}: ships left the harbour at dawn.`)
        )
      const hits = await library.search('harbour', 20)
      // 20 places, 4 at most for headlines. Paragraphs: "harbour" is in all of the newest 30, so
      // those are ranked and the old text's better one is not. Headlines: none of the newest three
      // has it, too few for the list, so all are searched: the old text's is found.
      expect(hits.map((h) => h.field)).toEqual(['headline', ...Array<string>(19).fill('paragraph')])
      expect(hits[0]).toMatchObject({ textId: old.id })
      expect(hits.slice(1).some((h) => h.textId === old.id)).toBe(false)
      // A word with too few matches among the newest rows is looked for everywhere.
      expect((await library.search('lighthouse', 20)).map((h) => [h.field, h.textId])).toEqual([
        ['headline', old.id],
        ['paragraph', old.id]
      ])
      // Where the newest rows hold fewer matches than a list needs, the whole table is searched.
      const many = await library.search('harbour', 200, { headlines: false })
      expect(many.map((h) => h.textId)).toContain(old.id)
      expect(many[0]).toMatchObject({ textId: old.id }) // the best match of all, ranked with the rest
    } finally {
      await library.close()
    }
  })

  it('reaches back window by window, and stops at the first that holds a list', async () => {
    // Windows of the newest 10, 40 and 160 paragraphs.
    const library = await openPostgresLibrary(url!, {
      schema: `${schema}_steps`,
      recentRows: { texts: 1, paragraphs: 10 }
    })
    try {
      const old = await add(library, 'Old', ['The lighthouse, the lighthouse, the lighthouse.'])
      const middle = await add(
        library,
        'Middle',
        Array.from({ length: 60 }, (_, i) => (i >= 55 ? `A lighthouse, line ${i}.` : `Filler line ${i}.`))
      )
      await add(
        library,
        'New',
        Array.from({ length: 10 }, (_, i) => `Newest line ${i}.`)
      )
      // None among the newest 10; five in the next window, enough for a list of five.
      const five = await library.search('lighthouse', 5, { headlines: false })
      expect(five.map((h) => h.textId)).toEqual(Array<number>(5).fill(middle.id))
      // A list of six needs the next window too, which reaches the oldest (and best) match.
      const six = await library.search('lighthouse', 6, { headlines: false })
      expect(six.map((h) => h.textId)).toEqual([old.id, ...Array<number>(5).fill(middle.id)])
    } finally {
      await library.close()
      await onCluster(`DROP SCHEMA IF EXISTS ${schema}_steps CASCADE`)
    }
  })
})
