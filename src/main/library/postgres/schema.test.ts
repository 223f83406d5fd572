// The desk store's upgrades of a schema-1 database: decision versions (schema 2) and the texts'
// bodies in a table of their own (schema 4), on the database at FACTDESK_TEST_DATABASE_URL;
// reported skipped without one.
import { afterAll, describe, expect, it } from 'vitest'
import { checkOfStory } from '../../../test-support/library/check-result'
import { clusterUrl as url, onCluster } from '../../../test-support/library/cluster'
import { TEST_DATABASE_VARIABLE } from '../../../test-support/library/stores'
import { openPostgresLibrary } from './index'

const schema = `factdesk_schema_test_${process.pid}`
const suite = url ? describe : describe.skip

suite(`the desk store's schema${url ? '' : ` (skipped: ${TEST_DATABASE_VARIABLE} is not set)`}`, () => {
  afterAll(() => onCluster(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))

  it('gives each decision of a schema-1 database its version, and keeps its texts as they were', async () => {
    const library = await openPostgresLibrary(url!, { schema })
    const check = await checkOfStory(library, ['a', 'b'])
    const decide = (claimId: string, status: 'verified' | 'disputed') =>
      library.checks.decide({
        checkId: check.id,
        claimId,
        status,
        correctedText: null,
        note: null,
        pinned: []
      })
    await decide('a', 'verified')
    await decide('a', 'disputed')
    await decide('a', 'verified')
    await decide('b', 'verified')
    const story = (await library.get(check.storyId))!
    await library.close()
    // As schema 1 left it: no versions, none of the later schemas' members, sessions, actors,
    // assignments, review steps, BRIN indexes or word counts, and the texts' bodies in texts.
    await onCluster(
      `ALTER TABLE ${schema}.decisions DROP COLUMN version, DROP COLUMN actor;
       ALTER TABLE ${schema}.decision_history DROP COLUMN actor;
       DROP TABLE ${schema}.sessions, ${schema}.members;
       DROP TABLE ${schema}.assignments, ${schema}.review_history;
       DROP INDEX ${schema}.paragraphs_id_brin, ${schema}.texts_id_brin;
       DROP TABLE ${schema}.search_words;
       DROP FUNCTION ${schema}.search_words_added, ${schema}.search_words_removed,
         ${schema}.search_words_retitled CASCADE;
       ALTER TABLE ${schema}.texts ADD COLUMN original_bytes bytea, ADD COLUMN original_text text,
         ADD COLUMN cleaned_text text;
       UPDATE ${schema}.texts t SET original_bytes = b.original_bytes, original_text = b.original_text,
         cleaned_text = b.cleaned_text FROM ${schema}.text_bodies b WHERE b.text_id = t.id;
       ALTER TABLE ${schema}.texts DROP COLUMN original_length;
       DROP TABLE ${schema}.text_bodies;
       UPDATE ${schema}.schema_version SET version = 1`
    )

    const upgraded = await openPostgresLibrary(url!, { schema })
    try {
      expect((await upgraded.checks.decisions(check.id)).map((d) => [d.claimId, d.version])).toEqual([
        ['a', 3],
        ['b', 1]
      ])
      expect(await upgraded.get(check.storyId)).toEqual(story)
      const page = (await upgraded.read(check.storyId, 0, 1, 5))!
      expect([page.originalText, page.originalLength]).toEqual([
        story.originalText.slice(0, 5),
        story.originalText.length
      ])
      expect(new TextDecoder().decode((await upgraded.originalBytes(check.storyId))!)).toBe(
        story.originalText
      )
      const indexes = await onCluster<{ indexname: string }>(
        `SELECT indexname FROM pg_indexes WHERE schemaname = '${schema}' AND indexname LIKE '%brin' ORDER BY 1`
      )
      expect(indexes.map((row) => row.indexname)).toEqual(['paragraphs_id_brin', 'texts_id_brin'])
      // The words counted from the texts already there: "Story", its headline and first paragraph.
      expect(await upgraded.vocabulary.wordsStartingWith('s', 1, 40)).toContainEqual({
        term: 'story',
        rows: 2
      })
    } finally {
      await upgraded.close()
    }
  })
})
