// mayHoldDate lets extractDates skip chrono for sentences it could find nothing in. Read against
// chrono itself on every sentence of real news the project can read (the samples and the eval
// clusters), so a cue word missing from the list fails here rather than losing a date.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as chrono from 'chrono-node'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../import'
import { mayHoldDate } from './dates'
import { splitSentences } from './sentences'

const ROOTS = ['../../../../resources/samples', '../../../../../shared/eval/clusters'].map((r) =>
  fileURLToPath(new URL(r, import.meta.url))
)

function articles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? articles(join(dir, entry.name))
      : /\.(html?|txt|md)$/i.test(entry.name) && !/^(notes|readme|license)/i.test(entry.name)
        ? [join(dir, entry.name)]
        : []
  )
}

const chronoFinds = (sentence: string) =>
  chrono.parse(sentence, { instant: new Date('2020-06-15T12:00:00Z'), timezone: 0 }).length > 0

describe('mayHoldDate', () => {
  it('is true of every sentence of real news in which chrono finds a date or time', async () => {
    let sentences = 0
    let skipped = 0
    const missed: string[] = []
    for (const file of ROOTS.flatMap(articles)) {
      const parsed = await parseDocument({ name: file, bytes: readFileSync(file) })
      if (!parsed.ok) continue
      for (const paragraph of parsed.doc.paragraphs)
        for (const s of splitSentences(paragraph)) {
          const sentence = paragraph.slice(s.start, s.end)
          sentences++
          if (mayHoldDate(sentence)) continue
          skipped++
          if (chronoFinds(sentence)) missed.push(sentence)
        }
    }
    expect(missed).toEqual([])
    // Enough real text read, and the guard skipping a real share of it, for the check to mean something.
    expect(sentences).toBeGreaterThan(1000)
    expect(skipped).toBeGreaterThan(sentences / 5)
  })

  it('is true of the cue words of each kind of chrono parser, and false without them', () => {
    for (const text of [
      'They met on Sunday.',
      'Talks resumed in Sept. after a pause.',
      'It happened last night.',
      'The vote is due by the end of the month.',
      'Rescuers arrived three hours later.',
      'Prices rose this quarter.',
      'He left at noon.',
      'She is now in charge.',
      'Filed 2019/07/04.'
    ]) {
      expect(mayHoldDate(text)).toBe(true)
      expect(chronoFinds(text)).toBe(true)
    }
    expect(mayHoldDate('The council approved the plan after a long debate.')).toBe(false)
  })
})
