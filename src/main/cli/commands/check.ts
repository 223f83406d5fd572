import type { CliIo } from '../io'

// Replaced by the claim engine's command.
export async function runCheck(_args: string[], io: CliIo): Promise<number> {
  io.stderr('factdesk check is not available in this build yet.')
  return 1
}
