// The factdesk command: one entry, a subcommand per job, each taking --library FILE.
import { processIo, type CliIo } from './io'
import { version } from './version'

export const USAGE = `factdesk ${version} — check a story against its sources

Usage:
  factdesk import PATH... --library FILE [--role story|source] [--json]
  factdesk check STORY --sources PATH... [--library FILE] [--names FILE] [--date YYYY-MM-DD] [--format json|md]
  factdesk report CHECK --library FILE --format html|pdf|md|csv|json|claimreview [--out FILE]
  factdesk meta TEXT --library FILE [--title T] [--outlet O] [--author A] [--date YYYY-MM-DD] [--url U]
  factdesk serve --library FILE [--port N]
  factdesk serve --database URL [--host H (--tls-cert F --tls-key F | --behind-proxy)]
  factdesk backup --library FILE | --database URL --out FILE [--force]
  factdesk restore BACKUP --library FILE | --database URL
  factdesk desk push --library FILE --database URL
  factdesk desk add-member|list-members|disable-member|enable-member|set-password (--database URL | --library FILE) [--name N] [--role R]
  factdesk --version | --help

Run "factdesk COMMAND --help" for a command's options.`

type Command = (args: string[], io: CliIo) => Promise<number>

const commands: Record<string, () => Promise<Command>> = {
  import: async () => (await import('./commands/import')).runImport,
  check: async () => (await import('./commands/check')).runCheckCommand,
  report: async () => (await import('./commands/report')).runReport,
  meta: async () => (await import('./commands/meta')).runMeta,
  serve: async () => (await import('./commands/serve')).runServe,
  backup: async () => (await import('./commands/backup')).runBackup,
  restore: async () => (await import('./commands/restore')).runRestore,
  desk: async () => (await import('./commands/desk')).runDesk
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE)
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    io.stdout(version)
    return 0
  }
  const load = commands[name]
  if (!load) {
    io.stderr(`Unknown command “${name}”.\n\n${USAGE}`)
    return 2
  }
  try {
    return await (
      await load()
    )(rest, io)
  } catch (error) {
    // Errors with a code (ApiError) carry a sentence meant for the user; anything else is a bug.
    const err = error as { code?: string; message?: string; stack?: string }
    io.stderr(err.code ? `${err.code}: ${err.message}` : `Unexpected error: ${err.stack ?? String(error)}`)
    return 1
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
if (invokedDirectly || process.env['FACTDESK_CLI_MAIN'] === '1') {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
