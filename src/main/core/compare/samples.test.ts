// The claim engine on the five real sample articles: every problem the sample notes list must
// surface as a flagged claim with evidence, and claims that agree must not be called conflicting.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CheckResult, CheckedClaim } from '../../../shared/check'
import { checkStory, type CheckSource } from './check-story'

const DIR = join(__dirname, '../../../../resources/samples/iwaya-kyiv-2024')
const files = readdirSync(DIR).sort()
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((text, index) => ({ index, text }))
const read = (name: string) => readFileSync(join(DIR, name), 'utf8')

const storyFile = files.find((f) => f.startsWith('000_'))!
const sources: CheckSource[] = files
  .filter((f) => f !== storyFile)
  .map((f, i) => ({
    id: i + 2,
    title: f,
    outlet: null,
    // Only the Kyiv Independent piece carries a dateline; the others give no publication date.
    publishedAt: f.startsWith('004_') ? '2024-11-16' : null,
    url: null,
    paragraphs: paragraphs(read(f))
  }))
const sourceId = (prefix: string) => sources.find((s) => s.title!.startsWith(prefix))!.id
const story = { id: 1, title: null, text: read(storyFile), publishedAt: '2024-11-16' }

let result: CheckResult
const claimAt = (text: string, kind?: string): CheckedClaim => {
  const found = result.claims.find((c) => c.text === text && (!kind || c.kind === kind))
  if (!found) throw new Error(`no claim “${text}”: ${result.claims.map((c) => c.text).join(' | ')}`)
  return found
}

beforeAll(() => {
  // No source spells the previous minister's name, so the newsroom's house list supplies it.
  result = checkStory({ story, sources, houseNames: ['Yoko Kamikawa'] })
})

describe('checking 000 against the other four samples', () => {
  it('flags “Kakmikawa” as a spelling to check, suggesting the house-list spelling', () => {
    const person = claimAt('Yoko Kakmikawa', 'person')
    expect(person.status).toBe('spelling-to-check')
    expect(person.flags.find((f) => f.kind === 'spelling-to-check')?.message).toContain('Kamikawa')
  })

  it('flags “Zelenskyy” as spelled differently across the sources, with the evidence', () => {
    const person = claimAt('Volodymyr Zelenskyy', 'person')
    const variant = person.flags.find((f) => f.kind === 'spelling-variant')
    expect(variant?.message).toContain('“Zelensky”')
    expect(person.evidence.length).toBeGreaterThan(0)
  })

  it('finds the invasion date only partly supported (“February 2022”)', () => {
    const date = claimAt('Feb. 22, 2022', 'date')
    const evidence = date.evidence.filter((e) => e.relation === 'partial')
    expect(evidence.map((e) => e.sourceId)).toContain(sourceId('004_'))
    expect(evidence[0]!.text).toContain('February 2022')
    expect(date.status).toBe('partly-corroborated')
  })

  it('flags “more than 10,000 troops” against “up to 12,000” as a hedged difference', () => {
    const troops = claimAt('more than 10,000 troops', 'quantity')
    expect(troops.flags.map((f) => f.kind)).toContain('hedged-difference')
    const scmp = troops.evidence.filter((e) => e.sourceId === sourceId('002_'))
    expect(scmp.some((e) => e.text.includes('up to 12,000'))).toBe(true)
    expect(troops.evidence.every((e) => e.relation !== 'supports')).toBe(true)
  })

  it('treats the visit date, written four ways, as one corroborated fact with no conflict', () => {
    const saturday = claimAt('Saturday', 'date')
    expect(saturday.normalized).toMatchObject({ value: '2024-11-16', relative: true })
    expect(saturday.status).toBe('corroborated')
    expect(saturday.evidence.filter((e) => e.relation === 'contradicts')).toEqual([])
    const supporting = new Set(
      saturday.evidence.filter((e) => e.relation === 'supports').map((e) => e.sourceId)
    )
    // 002 carries no publication date: its "on Saturday" is read by the weekday it names.
    expect(supporting).toEqual(
      new Set([sourceId('001_'), sourceId('002_'), sourceId('003_'), sourceId('004_')])
    )
    // Each source's own way of writing the day is among the evidence.
    const quoted = saturday.evidence.map((e) => e.text).join(' | ')
    for (const form of ['November 16', '16 November', 'Nov. 16']) expect(quoted).toContain(form)
    // No date claim in the story is called conflicting: the sources agree with it or are silent.
    for (const claim of result.claims.filter((c) => c.kind === 'date'))
      expect(claim.evidence.filter((e) => e.relation === 'contradicts'), claim.text).toEqual([])
  })

  it('finds a near-miss from the sources alone, with no house list', () => {
    // The story misspells the Ukrainian minister (two letters swapped); four sources spell him right.
    const misspelt = { ...story, text: story.text.replace('Andrii Sybiha', 'Andrii Sybhia') }
    const checked = checkStory({ story: misspelt, sources, houseNames: [] })
    const person = checked.claims.find((c) => c.kind === 'person' && c.text === 'Andrii Sybhia')!
    expect(person.status).toBe('spelling-to-check')
    const message = person.flags.find((f) => f.kind === 'spelling-to-check')!.message
    expect(message).toContain('“Sybiha”')
    expect(message).toContain('004_')
  })

  it('gives every evidence span exactly as it stands in its source paragraph', () => {
    for (const claim of result.claims) {
      expect(story.text.slice(claim.start, claim.end)).toBe(claim.text)
      for (const e of claim.evidence) {
        const paragraph = sources.find((s) => s.id === e.sourceId)!.paragraphs[e.paragraphIndex]!.text
        expect(paragraph.slice(e.start, e.end)).toBe(e.text)
      }
    }
  })

  it('lists the sources that say nothing about a claim as silent', () => {
    const kakmikawa = claimAt('Yoko Kakmikawa', 'person')
    expect(kakmikawa.silent.sort()).toEqual(sources.map((s) => s.id).sort())
  })

  it('contradicts the invasion date when a source gives another day', () => {
    const extra: CheckSource = {
      id: 99,
      title: 'Timeline',
      outlet: null,
      publishedAt: '2024-02-24',
      url: null,
      paragraphs: [
        {
          index: 0,
          text: 'Russia launched its full-scale invasion of Ukraine on 24 February 2022, two years ago today.'
        }
      ]
    }
    const withTimeline = checkStory({ story, sources: [...sources, extra], houseNames: ['Yoko Kamikawa'] })
    const date = withTimeline.claims.find((c) => c.text === 'Feb. 22, 2022')!
    expect(date.evidence.find((e) => e.sourceId === 99)?.relation).toBe('contradicts')
    expect(date.status).toBe('conflicting')
  })
})
