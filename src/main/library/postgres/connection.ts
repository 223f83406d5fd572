// The pool every query of the desk store goes through, and transactions on it.
import type { Pool, PoolClient, QueryResultRow } from 'pg'

export interface Db {
  query<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>
  /** Runs `work` in one transaction on one connection: all of it commits, or none of it. */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>
}

function onClient(client: Pool | PoolClient): Db['query'] {
  return async (sql, params) => (await client.query(sql, params)).rows
}

export function createDb(pool: Pool): Db {
  return {
    query: onClient(pool),
    async transaction(work) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const tx: Db = {
          query: onClient(client),
          transaction: (inner) => inner(tx)
        }
        const result = await work(tx)
        await client.query('COMMIT')
        return result
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      } finally {
        client.release()
      }
    }
  }
}
