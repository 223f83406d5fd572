// factdesk meta: a text's headline, outlet, byline, date and address, shown or changed. Values
// are checked by the same rules as the app's "Edit details" (library.setMeta in the contract), all
// before anything is written; the checks using the text run again, as they do in the app.
import { contract } from '../../../shared/contract'
import type { TextMeta, TextSummary } from '../../../shared/domain'
import type { Library } from '../../library'
import { setTextMeta } from '../../services/checks'
import { parseCommandArgs, usageError } from '../command-args'
import { withExistingLibrary } from '../existing-library'
import type { CliIo } from '../io'

export const META_USAGE = `Usage: factdesk meta TEXT --library FILE [--title T] [--outlet O] [--author A]
                     [--date YYYY-MM-DD] [--url U]
       factdesk meta --library FILE --list

Changes the details of text TEXT (its id: "factdesk import" prints it, --list lists every text)
and prints what changed. --author is the byline; --date the publication date, with a time if
known (YYYY-MM-DDTHH:MM); --url an http:// or https:// address. An empty value ("") clears a
detail. Without any of them, prints the text's details. Every check that uses the text runs
again, its decisions kept. A value that is not accepted changes nothing.

Exit status: 0 when the details were shown or saved, 1 when there is no such library or text,
2 for a usage error or a value that is not accepted.`

/** Each detail: its flag, its name in the library, and how it is printed. */
const FIELDS = [
  { flag: 'title', key: 'title', label: 'headline' },
  { flag: 'outlet', key: 'outlet', label: 'outlet' },
  { flag: 'author', key: 'byline', label: 'byline' },
  { flag: 'date', key: 'publishedAt', label: 'date' },
  { flag: 'url', key: 'url', label: 'address' }
] as const satisfies ReadonlyArray<{ flag: string; key: keyof TextMeta; label: string }>

const shown = (value: string | null) => (value === null ? '(none)' : `“${value}”`)

type Values = Partial<Record<(typeof FIELDS)[number]['flag'], string>>

/**
 * The details given, checked by the contract's rules: an empty value clears one (null). A usage
 * error (the flag and what is wrong with it) when one is not accepted.
 */
function checkedDetails(id: number, values: Values): Partial<TextMeta> | string {
  const given = FIELDS.filter((f) => values[f.flag] !== undefined)
  const checked = contract['library.setMeta'].input.safeParse({
    id,
    ...Object.fromEntries(given.map((f) => [f.key, values[f.flag]]))
  })
  if (!checked.success)
    return checked.error.issues
      .map((issue) => {
        const field = FIELDS.find((f) => f.key === issue.path[0])
        return field ? `--${field.flag}: ${issue.message}` : issue.message
      })
      .join('\n')
  return Object.fromEntries(given.map((f) => [f.key, checked.data[f.key] || null]))
}

/** Prints the details that differ, old → new, and the checks that ran again; or shows them all. */
async function changeDetails(
  library: Library,
  before: TextSummary,
  wanted: Partial<TextMeta>,
  io: CliIo
): Promise<void> {
  io.stdout(`Text #${before.id} ${shown(before.title ?? before.fileName)} (${before.fileName})`)
  const given = FIELDS.filter((f) => f.key in wanted)
  if (given.length === 0) {
    for (const f of FIELDS) io.stdout(`  ${f.label.padEnd(8)} ${shown(before[f.key])}`)
    return
  }
  const changed = given.filter((f) => wanted[f.key] !== before[f.key])
  if (changed.length === 0) {
    io.stdout('Nothing changed: the text already has these details.')
    return
  }
  const { text, rerun } = await setTextMeta(
    library,
    before.id,
    Object.fromEntries(changed.map((f) => [f.key, wanted[f.key]]))
  )
  for (const f of changed) io.stdout(`  ${f.label.padEnd(8)} ${shown(before[f.key])} → ${shown(text[f.key])}`)
  for (const check of rerun) io.stdout(`Checked again: #${check.id} ${shown(check.title)}`)
}

export async function runMeta(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(
    args,
    {
      library: { type: 'string' },
      list: { type: 'boolean', default: false },
      title: { type: 'string' },
      outlet: { type: 'string' },
      author: { type: 'string' },
      date: { type: 'string' },
      url: { type: 'string' }
    },
    META_USAGE,
    io
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  if (!values.library) return usageError(io, META_USAGE, 'factdesk meta needs --library FILE.')
  const id = Number(positionals[0])
  if (!values.list) {
    if (positionals.length !== 1) return usageError(io, META_USAGE, 'Name one text by its id (see --list).')
    if (!Number.isSafeInteger(id) || id <= 0)
      return usageError(io, META_USAGE, `A text is named by its id, a whole number, not “${positionals[0]}”.`)
  } else if (positionals.length > 0 || FIELDS.some((f) => values[f.flag] !== undefined)) {
    return usageError(io, META_USAGE, '--list takes no text and no details.')
  }
  // Every value is checked before the library is opened, so a refused one changes nothing.
  const wanted = values.list ? {} : checkedDetails(id, values)
  if (typeof wanted === 'string') return usageError(io, META_USAGE, wanted)

  return withExistingLibrary(io, values.library, async (library) => {
    if (values.list) {
      for (const t of (await library.list({ limit: 1_000_000, offset: 0 })).texts)
        io.stdout(`${t.id}\t${t.role}\t${t.title ?? t.fileName}`)
      return 0
    }
    const before = await library.summary(id)
    if (!before) {
      io.stderr(`NOT_FOUND: There is no text with id ${id} in the library.`)
      return 1
    }
    await changeDetails(library, before, wanted, io)
    return 0
  })
}
