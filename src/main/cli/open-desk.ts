// A desk's database a command works on: named without its password, and a plain reason when it
// cannot be reached or a newer build migrated it.
import { databaseLabel, openDesk, type OpenDesk } from '../library/postgres'
import type { CliIo } from './io'

/** Where a desk's database is named when --database is not given. */
export const DATABASE_VARIABLE = 'FACTDESK_DATABASE_URL'

/** Exit 1 with why the desk's database could not be opened: refused as too new, or not reached. */
export function cannotOpen(io: CliIo, label: string, error: unknown): number {
  const code = (error as { code?: unknown }).code
  const reason = error instanceof Error ? error.message : String(error)
  io.stderr(
    code === 'LIBRARY_TOO_NEW'
      ? `${code}: ${reason}`
      : `DATABASE_UNAVAILABLE: Cannot open ${label}: ${reason}`
  )
  return 1
}

/**
 * Opens the desk at `url`, runs `work` with it and closes it. Exit 1 with the reason when it cannot
 * be opened (DATABASE_UNAVAILABLE, or LIBRARY_TOO_NEW as the refusal says).
 */
export async function withDesk(
  io: CliIo,
  url: string,
  work: (desk: OpenDesk, label: string) => Promise<number>
): Promise<number> {
  const label = databaseLabel(url)
  let desk: OpenDesk
  try {
    desk = await openDesk(url)
  } catch (error) {
    return cannotOpen(io, label, error)
  }
  try {
    return await work(desk, label)
  } finally {
    await desk.close()
  }
}
