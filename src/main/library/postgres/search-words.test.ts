// The desk's word counts for spelling suggestions (search_words, schema v7), kept by triggers:
// after imports, a bulk load, a headline edited and texts deleted, they are what ts_stat counts
// from every vector. On the database at FACTDESK_TEST_DATABASE_URL; reported skipped without one.
import { afterAll, describe, expect, it } from 'vitest'
import { clusterUrl as url, onCluster } from '../../../test-support/library/cluster'
import { addSource } from '../../../test-support/library/docs'
import { TEST_DATABASE_VARIABLE } from '../../../test-support/library/stores'
import { bareInsertPostgres } from '../../../test-support/library/bare-insert-postgres'
import { openDesk, openPostgresLibrary } from './index'

const schema = `factdesk_search_words_${process.pid}`
const suite = url ? describe : describe.skip

const add = addSource

type Counted = { word: string; rows: number }
const byWord = (a: Counted, b: Counted) => (a.word < b.word ? -1 : a.word > b.word ? 1 : 0)

suite(`the desk's word counts${url ? '' : ` (skipped: ${TEST_DATABASE_VARIABLE} is not set)`}`, () => {
  afterAll(() => onCluster(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))

  it('stay what ts_stat counts through imports, a bulk load, a headline edited and deletions', async () => {
    const library = await openPostgresLibrary(url!, { schema })
    const counted = async () => {
      const rows = await onCluster<Counted>(`SELECT word, rows FROM ${schema}.search_words WHERE rows > 0`)
      return rows.sort(byWord)
    }
    const fromVectors = async () => {
      const rows = await onCluster<Counted>(
        `SELECT word, ndoc AS rows FROM ts_stat('SELECT tsv FROM ${schema}.paragraphs
           UNION ALL SELECT title_tsv FROM ${schema}.texts')`
      )
      return rows.sort(byWord)
    }
    try {
      const harbour = await add(library, 'Harbour reopens', [
        'The harbour reopened on Monday.',
        'Ships came back.'
      ])
      const storm = await add(library, 'Storm closes harbour', [
        'A storm closed the harbour.',
        'Ships waited.'
      ])
      const desk = await openDesk(url!, { schema })
      try {
        await bareInsertPostgres(desk.db, [
          { fileName: 'bulk.txt', title: 'Bulk', paragraphs: ['Zyzzyva in bulk.', 'More zyzzyva.'] }
        ])
      } finally {
        await desk.close()
      }
      expect((await counted()).find((c) => c.word === 'harbour')).toEqual({ word: 'harbour', rows: 4 })
      expect((await counted()).find((c) => c.word === 'zyzzyva')).toEqual({ word: 'zyzzyva', rows: 2 })
      expect(await counted()).toEqual(await fromVectors())

      // An update that leaves the headline (a role) moves no count.
      const before = await counted()
      await library.setRole(storm.id, 'story')
      expect(await counted()).toEqual(before)

      await library.setMeta(storm.id, { title: 'Gale closes port' })
      expect(await counted()).toEqual(await fromVectors())
      expect((await counted()).find((c) => c.word === 'gale')).toEqual({ word: 'gale', rows: 1 })

      await library.delete(harbour.id)
      expect(await counted()).toEqual(await fromVectors())
      expect((await counted()).some((c) => c.word === 'reopens')).toBe(false)
      // What spelling suggestions read: a word gone with its text is no longer offered.
      expect(await library.vocabulary.wordsStartingWith('h', 5, 9)).toEqual([{ term: 'harbour', rows: 1 }])
      expect(await library.vocabulary.hasPrefix('reope')).toBe(false)
      expect(await library.vocabulary.spelling('reopened')).toBeNull()
      expect(await library.vocabulary.hasPrefix('harb')).toBe(true)
      expect(await library.vocabulary.spelling('harbour')).toBe('harbour')
      expect(await library.vocabulary.spelling('gale')).toBe('Gale')
    } finally {
      await library.close()
    }
  })

  it('lets two imports of texts with the same words run at once', async () => {
    const a = await openPostgresLibrary(url!, { schema: `${schema}_b` })
    const b = await openPostgresLibrary(url!, { schema: `${schema}_b` })
    try {
      // Each import counts the same 200 words: the second waits for the first's row locks, and
      // every count is right once all are in.
      const words = Array.from({ length: 200 }, (_, i) => `word${String(i).padStart(3, '0')}`)
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          add(i % 2 ? a : b, `Text ${i}`, [`${(i % 2 ? words : [...words].reverse()).join(' ')} text${i}`])
        )
      )
      expect(await a.vocabulary.wordsStartingWith('w', 7, 7)).toHaveLength(200)
      expect((await a.vocabulary.wordsStartingWith('w', 7, 7)).every((w) => w.rows === 6)).toBe(true)
    } finally {
      await a.close()
      await b.close()
      await onCluster(`DROP SCHEMA IF EXISTS ${schema}_b CASCADE`)
    }
  })
})
