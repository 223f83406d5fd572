// The desk benchmark's bulk load writes what the import writes: the store reads its texts back
// whole, pages them, and finds them (on the database at FACTDESK_TEST_DATABASE_URL).
import { afterAll, describe, expect, it } from 'vitest'
import { openDesk, openPostgresLibrary } from '../../main/library/postgres'
import { bareInsertPostgres } from './bare-insert-postgres'
import { clusterUrl as url, onCluster } from './cluster'
import { TEST_DATABASE_VARIABLE } from './stores'

const schema = `factdesk_bare_insert_${process.pid}`
const suite = url ? describe : describe.skip

suite(`the desk's bulk load${url ? '' : ` (skipped: ${TEST_DATABASE_VARIABLE} is not set)`}`, () => {
  afterAll(() => onCluster(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))

  it('stores texts the library reads, pages and searches as imported ones', async () => {
    const desk = await openDesk(url!, { schema })
    const paragraphs = ['The harbour council met on Tuesday.', 'It approved a flood barrier.']
    try {
      const written = await bareInsertPostgres(desk.db, [
        { fileName: 'a.txt', title: 'Harbour council', paragraphs },
        { fileName: 'b.txt', title: 'The same again', paragraphs }
      ])
      expect(written).toBe(1)
    } finally {
      await desk.close()
    }
    const library = await openPostgresLibrary(url!, { schema })
    try {
      const [summary] = (await library.list({ limit: 10, offset: 0 })).texts
      const text = (await library.get(summary!.id))!
      expect(text).toMatchObject({
        title: 'Harbour council',
        cleanedText: paragraphs.join('\n\n'),
        paragraphCount: 2
      })
      expect(text.originalText).toBe(text.cleanedText)
      expect((await library.read(summary!.id, 1, 1, 10))!).toMatchObject({
        originalText: 'The harbou',
        originalLength: text.originalText.length,
        paragraphs: [{ index: 1, text: paragraphs[1] }]
      })
      expect((await library.search('barrier', 10)).map((hit) => hit.textId)).toEqual([summary!.id])
    } finally {
      await library.close()
    }
  })
})
