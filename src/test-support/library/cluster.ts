// Tests on the throwaway PostgreSQL cluster npm test starts (FACTDESK_TEST_DATABASE_URL names its
// default database): a statement run there, and the address of another database in the cluster.
import pg from 'pg'
import { TEST_DATABASE_VARIABLE } from './stores'

export const clusterUrl = process.env[TEST_DATABASE_VARIABLE]

/** Runs `sql` on the cluster's database, on a connection of its own (CREATE DATABASE needs one); answers its rows. */
export async function onCluster<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: clusterUrl })
  await client.connect()
  try {
    return (await client.query<Row>(sql)).rows
  } finally {
    await client.end()
  }
}

/** The address of the database `name` in the cluster. */
export function databaseUrl(name: string): string {
  const url = new URL(clusterUrl!)
  url.pathname = `/${name}`
  return url.toString()
}
