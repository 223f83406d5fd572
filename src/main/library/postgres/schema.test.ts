// The desk store's upgrade to decision versions (schema 2), on the database at
// FACTDESK_TEST_DATABASE_URL; reported skipped without one.
import { afterAll, describe, expect, it } from 'vitest'
import { checkOfStory } from '../../../test-support/library/check-result'
import { clusterUrl as url, onCluster } from '../../../test-support/library/cluster'
import { TEST_DATABASE_VARIABLE } from '../../../test-support/library/stores'
import { openPostgresLibrary } from './index'

const schema = `factdesk_schema_test_${process.pid}`
const suite = url ? describe : describe.skip

suite(`the desk store's schema${url ? '' : ` (skipped: ${TEST_DATABASE_VARIABLE} is not set)`}`, () => {
  afterAll(() => onCluster(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))

  it('gives each decision of a schema-1 database its version: one per history entry of its claim', async () => {
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
    await library.close()
    // As schema 1 left it: no versions, and none of the later schemas' members, sessions, actors,
    // assignments or review steps.
    await onCluster(
      `ALTER TABLE ${schema}.decisions DROP COLUMN version, DROP COLUMN actor;
       ALTER TABLE ${schema}.decision_history DROP COLUMN actor;
       DROP TABLE ${schema}.sessions, ${schema}.members;
       DROP TABLE ${schema}.assignments, ${schema}.review_history;
       UPDATE ${schema}.schema_version SET version = 1`
    )

    const upgraded = await openPostgresLibrary(url!, { schema })
    try {
      expect((await upgraded.checks.decisions(check.id)).map((d) => [d.claimId, d.version])).toEqual([
        ['a', 3],
        ['b', 1]
      ])
    } finally {
      await upgraded.close()
    }
  })
})
