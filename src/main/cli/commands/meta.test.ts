import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../library/sqlite'
import { seedDemoLibrary } from '../../services/importer'
import { main } from '../index'
import { runMeta } from './meta'

const SAMPLES = resolve(__dirname, '../../../../resources/samples')

let dir: string
let lib: string
let storyId: number
let sourceId: number
let out: string[]
let err: string[]
const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factdesk-cli-meta-'))
  lib = join(dir, 'lib.sqlite')
  const library = openLibrary(lib)
  await seedDemoLibrary(library, SAMPLES)
  storyId = (await library.checks.list())[0]!.storyId
  sourceId = (await library.list({ role: 'source', limit: 1, offset: 0 })).texts[0]!.id
  await library.close()
  out = []
  err = []
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A detail as printed: quoted, or (none). */
const q = (value: string | null) => (value === null ? '(none)' : `“${value}”`)

/** The text's details and its check as the library has them now. */
async function stored(id: number) {
  const library = openLibrary(lib)
  try {
    return { text: (await library.summary(id))!, check: (await library.checks.list())[0]! }
  } finally {
    await library.close()
  }
}

describe('factdesk meta', () => {
  it('changes a story’s headline, outlet and date, prints each change, and checks it again', async () => {
    const before = await stored(storyId)
    const args = [String(storyId), '--library', lib, '--title', '  Iwaya visits Kyiv  ', '--outlet', 'Wire']
    expect(await runMeta([...args, '--date', '2024-11-17', '--author', before.text.byline ?? ''], io)).toBe(0)
    expect(err).toEqual([])
    expect(out[0]).toBe(
      `Text #${storyId} “${before.text.title ?? before.text.fileName}” (${before.text.fileName})`
    )
    expect(out).toContain(`  headline ${q(before.text.title)} → “Iwaya visits Kyiv”`)
    expect(out).toContain(`  outlet   ${q(before.text.outlet)} → “Wire”`)
    expect(out).toContain(`  date     ${q(before.text.publishedAt)} → “2024-11-17”`)
    // The byline given is the one it had: not a change.
    expect(out.some((l) => l.includes('byline'))).toBe(false)
    expect(out.at(-1)).toBe(`Checked again: #${before.check.id} “Iwaya visits Kyiv”`)
    const after = await stored(storyId)
    expect(after.text).toMatchObject({
      title: 'Iwaya visits Kyiv',
      outlet: 'Wire',
      publishedAt: '2024-11-17'
    })
    expect(after.check.title).toBe('Iwaya visits Kyiv')
  })

  it('clears a detail given empty, and says when nothing changes', async () => {
    expect(await runMeta([String(sourceId), '--library', lib, '--outlet', ''], io)).toBe(0)
    expect(out.some((l) => /^ {2}outlet {3}“.+” → \(none\)$/.test(l))).toBe(true)
    expect((await stored(sourceId)).text.outlet).toBeNull()
    out = []
    const check = (await stored(sourceId)).check
    expect(await runMeta([String(sourceId), '--library', lib, '--outlet', ''], io)).toBe(0)
    expect(out.at(-1)).toBe('Nothing changed: the text already has these details.')
    expect((await stored(sourceId)).check.updatedAt).toBe(check.updatedAt)
  })

  it('prints the details without any to change, and lists the texts with --list', async () => {
    const { text } = await stored(sourceId)
    expect(await runMeta([String(sourceId), '--library', lib], io)).toBe(0)
    expect(out.slice(1)).toEqual([
      `  headline ${q(text.title)}`,
      `  outlet   ${q(text.outlet)}`,
      `  byline   ${q(text.byline)}`,
      `  date     ${q(text.publishedAt)}`,
      `  address  ${q(text.url)}`
    ])
    out = []
    expect(await runMeta(['--library', lib, '--list'], io)).toBe(0)
    expect(out).toHaveLength(5)
    const story = (await stored(storyId)).text
    expect(out).toContain(`${storyId}\tstory\t${story.title ?? story.fileName}`)
  })

  it.each([
    [['--date', '2024-02-30'], '--date: There is no such day or time'],
    [['--date', '16/11/2024'], '--date: Give the date as YYYY-MM-DD'],
    [['--url', 'ftp://files.example.org/a'], '--url: Give the address as http:// or https://'],
    [['--title', 'x'.repeat(501)], '--title: '],
    [['--outlet', 'Wire', '--date', '2024-13-01', '--url', 'example.org'], '--date: There is no such day']
  ])('refuses %j with the flag and the reason, exit 2, changing nothing', async (flags, message) => {
    const before = await stored(storyId)
    expect(await runMeta([String(storyId), '--library', lib, ...flags], io)).toBe(2)
    expect(err.join('\n')).toContain(message)
    expect(err.join('\n')).toContain('Usage: factdesk meta')
    expect(out).toEqual([])
    expect(await stored(storyId)).toEqual(before)
  })

  it('names both refused values when two are wrong', async () => {
    expect(
      await runMeta([String(storyId), '--library', lib, '--date', '2024-13-01', '--url', 'example.org'], io)
    ).toBe(2)
    expect(err[0]).toMatch(/^--date: .+\n--url: /)
  })

  it.each([
    [['1'], 2, /needs --library FILE/],
    [['--library', 'l.sqlite'], 2, /Name one text by its id/],
    [['first', '--library', 'l.sqlite'], 2, /a whole number, not “first”/],
    [['1', '--library', 'l.sqlite', '--list'], 2, /--list takes no text/],
    [['1', '--library', 'l.sqlite', '--byline', 'A'], 2, /Unknown option '--byline'/]
  ])('exits %#: %j', async (args, code, message) => {
    expect(await runMeta(args, io)).toBe(code)
    expect(err.join('\n')).toMatch(message)
  })

  it('exits 1 for a text or a library that is not there, creating no library', async () => {
    expect(await runMeta(['9999', '--library', lib, '--title', 'T'], io)).toBe(1)
    expect(err.at(-1)).toBe('NOT_FOUND: There is no text with id 9999 in the library.')
    const missing = join(dir, 'missing.sqlite')
    expect(await runMeta(['1', '--library', missing, '--title', 'T'], io)).toBe(1)
    expect(err.at(-1)).toBe(`NOT_FOUND: There is no library ${missing}.`)
    expect(existsSync(missing)).toBe(false)
  })

  it('is a command of factdesk, listed in its usage', async () => {
    expect(await main(['meta', String(sourceId), '--library', lib, '--title', 'From main'], io)).toBe(0)
    expect((await stored(sourceId)).text.title).toBe('From main')
    out = []
    await main(['--help'], io)
    expect(out.join('\n')).toContain('factdesk meta TEXT --library FILE')
  })
})
