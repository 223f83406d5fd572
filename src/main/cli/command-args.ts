// What every command does with its arguments and its refusals, in one place: a usage error
// exits 2 with the command's usage, --help prints it, and an ApiError is the user's sentence.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { ApiError } from '../../shared/errors'
import type { CliIo } from './io'

type Options = NonNullable<ParseArgsConfig['options']>
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>

export function usageError(io: CliIo, usage: string, message: string): number {
  io.stderr(`${message}\n\n${usage}`)
  return 2
}

/**
 * Parses `args` strictly (with --help / -h added); returns the parsed arguments, or the exit
 * code when there is nothing more to do: 2 after a usage error, 0 after printing the help.
 */
export function parseCommandArgs<O extends Options>(
  args: string[],
  options: O,
  usage: string,
  io: CliIo
): Parsed<O> | number {
  let parsed: Parsed<O>
  try {
    parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
      strict: true
    }) as Parsed<O>
  } catch (error) {
    return usageError(io, usage, (error as Error).message)
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(usage)
    return 0
  }
  return parsed
}

/** Exit 1 with the refusal's code and sentence; anything but an ApiError is a bug and goes on up. */
export function refused(io: CliIo, error: unknown): number {
  if (!(error instanceof ApiError)) throw error
  io.stderr(`${error.code}: ${error.message}`)
  return 1
}
