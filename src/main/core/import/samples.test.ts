// The five real web copies in resources/samples: furniture goes, every story paragraph stays.
// The phrase lists are hand-written test data: one distinctive phrase per story paragraph, in
// order, so a dropped, merged or extra paragraph fails the test.
// Tests may read their fixture files; the code under test never touches the file system.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseDocument } from './index'
import type { ParsedDocument } from '../../../shared/domain'

const SAMPLES = fileURLToPath(new URL('../../../../resources/samples/iwaya-kyiv-2024', import.meta.url))

interface Expectation {
  file: string
  title: string | null
  paragraphs: string[]
  absent: string[]
  once: string[]
}

const EXPECTED: Expectation[] = [
  {
    file: '000_e88434a1b6eaaa2a.txt',
    title: null,
    paragraphs: [
      'made a surprise visit to Ukraine on Saturday',
      'unannounced trip comes amid growing fears',
      'deploy more than 10,000 troops',
      'will not only lead to a further deterioration',
      'strengthen intelligence-sharing on security issues',
      'Japan stands with Ukraine',
      'watching closely how the direction of the war unfolds',
      'end the war in a single day',
      "Asked about Trump's potential impact",
      'billions of dollars in aid',
      'Ukraine today could be East Asia tomorrow',
      'will stand side by side with Ukraine',
      'Yoko Kakmikawa',
      'arrives in Ukraine on Saturday for a surprise visit'
    ],
    absent: ['| FOREIGN MINISTRY'],
    once: ['arrives in Ukraine on Saturday for a surprise visit']
  },
  {
    file: '001_1e9aa42e73f21370.txt',
    title: 'Japan to assist Ukraine in countering Russia-North Korea collaboration',
    paragraphs: [
      'paid respects at the Bucha memorial',
      'The Japanese Embassy in Ukraine reported the information.',
      'Church of St. Andrew the First-Called',
      'Iwaya planned to meet with his Ukrainian counterpart',
      'impose strict sanctions on Russia',
      'fair and lasting peace in Ukraine',
      'Conference on Mine Action in Ukraine',
      'Ukraine and Japan strengthen cooperation',
      'access to Russian missile, nuclear, and other military technologies',
      'the sides discussed the deployment of North Korean soldiers',
      'We are deeply concerned, as this will negatively impact',
      'high-level bilateral dialogue on security issues',
      'will advance more systematically through this dialogue',
      'became the first Japanese minister to visit Ukraine since Shigeru Ishiba'
    ],
    absent: ['- News'],
    once: []
  },
  {
    file: '002_9a41b40ebb447b2c.txt',
    title: 'Japan’s foreign minister visits Ukraine, stresses mutual concern over North Korean troops',
    paragraphs: [
      'counterpart to discuss North Korea’s deepening',
      'holds a press conference at his ministry in Tokyo on October 9',
      'arrived in Kyiv on Saturday to discuss',
      'to reaffirm Japan’s “strong support”',
      '“grave concern”',
      'up to 12,000 North Korean troops',
      'Defence Ministers Summit at the Palazzo Reale in Naples',
      'use all available means to provide immediate military assistance'
    ],
    absent: ['Advertisement', 'Reading Time', 'Why you can trust SCMP', 'Russia strikes Kyiv in a wave of drone attacks'],
    once: ['Defence Ministers Summit at the Palazzo Reale in Naples']
  },
  {
    file: '003_d0b03767b9ee34bf.txt',
    title: 'Japanese minister discusses North Korean troops in Russia during Ukraine talks',
    paragraphs: [
      'signed an information security deal, and pledged ongoing support',
      'discussed concerns over Russian-North Korean military cooperation',
      'the first member of Prime Minister Shigeru Ishiba’s Cabinet',
      'The security of Europe and that of the Indo-Pacific are inseparable',
      'signed on 13 June in Apulia',
      'facilitating the exchange of classified security information',
      '$3 billion, part of the G7’s $50 billion loan plan',
      'a candid exchange of views',
      'pledged generators and gas turbines'
    ],
    absent: ['Related:', 'Koksan', 'Forbes:', 'humanitarian demining', 'tomorrow’s East Asia', 'intelligence failures'],
    once: []
  },
  {
    file: '004_c1349b787287fdbb.txt',
    title: 'Zelensky, Japanese Foreign Minister Iwaya discuss North Korean troop presence, support for Ukraine, during surprise visit to Kyiv',
    paragraphs: [
      "during Iwaya's unannounced trip to the capital on Nov. 16, 2024",
      'Editor\'s note: This article has been updated',
      'marking his first trip to Ukraine since being appointed',
      "presence of North Korean troops along Ukraine's eastern front",
      'how to prevent further escalation by Russia',
      'reportedly came under fire on Nov. 4',
      'unwavering support for Ukraine for as long as it takes',
      'applying additional sanctions against Russia',
      'five-point victory plan',
      'as set out in the victory plan',
      'following a visit to Bucha',
      'poses a threat not only to Europe but to Southeast Asian countries',
      'In return, Moscow strengthens Tehran and Pyongyang',
      'No information was provided by either country',
      'Zelensky invited Ishiba to a visit of the country',
      '$6.3 billion in external budget financing',
      'foreign budget support surpasses $100 billion',
      'in February 2022, Ukraine has received over $100 billion'
    ],
    absent: [
      'Skip to content',
      'Edit post',
      'This audio is created with AI assistance',
      'News Feed',
      '3 killed, 3 injured',
      'How will Russia’s war end?',
      'Francis Farrell',
      'MORE NEWS',
      "Editors' Picks",
      'Enter your email',
      'enter correct email address',
      'indicates required',
      'Subscribe',
      'subscribed',
      'Kate Tsurkan',
      'Thank you for signing up',
      '3 min read',
      'Dmytro Basmat'
    ],
    once: []
  }
]

async function load(file: string): Promise<{ doc: ParsedDocument; raw: string }> {
  const bytes = new Uint8Array(readFileSync(join(SAMPLES, file)))
  const result = await parseDocument({ name: file, bytes })
  if (!result.ok) throw new Error(`${file} was rejected: ${result.message}`)
  return { doc: result.doc, raw: new TextDecoder().decode(bytes) }
}

const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1

describe.each(EXPECTED)('sample $file', (expected) => {
  it('keeps every story paragraph, once and in order', async () => {
    const { doc } = await load(expected.file)
    expect(doc.paragraphs).toHaveLength(expected.paragraphs.length)
    expected.paragraphs.forEach((phrase, i) => {
      expect(doc.paragraphs[i], `paragraph ${i}`).toContain(phrase)
    })
  })

  it('drops the page furniture and keeps repeated captions once', async () => {
    const { doc } = await load(expected.file)
    for (const phrase of expected.absent) expect(doc.cleanedText).not.toContain(phrase)
    for (const phrase of expected.once) expect(count(doc.cleanedText, phrase)).toBe(1)
    expect(doc.cleanedText).toBe(doc.paragraphs.join('\n\n'))
  })

  it('reads the headline as the title, outside the paragraphs', async () => {
    const { doc } = await load(expected.file)
    expect(doc.title).toBe(expected.title)
    if (expected.title) expect(doc.paragraphs).not.toContain(expected.title)
  })

  it('keeps the original text as imported', async () => {
    const { doc, raw } = await load(expected.file)
    expect(doc.originalText).toBe(raw.replace(/\r\n?/g, '\n').normalize('NFC'))
    expect(doc.format).toBe('txt')
    expect(doc.encoding).toBe('utf-8')
  })
})

describe('sample furniture is accounted for', () => {
  it('000: the credited caption repeat is listed as removed', async () => {
    const { doc } = await load('000_e88434a1b6eaaa2a.txt')
    expect(doc.removed).toEqual([expect.objectContaining({ reason: 'repeated paragraph', text: expect.stringContaining('| FOREIGN MINISTRY') })])
  })

  it('002: the lone share counter and markers are removed with reasons', async () => {
    const { doc } = await load('002_9a41b40ebb447b2c.txt')
    expect(doc.paragraphs).not.toContain('3')
    const reasons = doc.removed.map((r) => r.reason)
    expect(reasons.filter((r) => r === 'advertising marker')).toHaveLength(3)
    expect(reasons).toContain('reading time')
    expect(reasons).toContain('trust notice')
    expect(reasons).toContain('repeated paragraph')
  })

  it('003: the Related list goes as one block', async () => {
    const { doc } = await load('003_d0b03767b9ee34bf.txt')
    const related = doc.removed.find((r) => r.reason === 'related links')
    expect(related?.text.split('\n')).toHaveLength(8)
  })

  it('004: byline and date are extracted from the "by" line', async () => {
    const { doc } = await load('004_c1349b787287fdbb.txt')
    expect(doc.byline).toBe('Dmytro Basmat')
    // No zone in the text: local wall time, no offset.
    expect(doc.publishedAt).toBe('2024-11-16T19:06')
    expect(doc.removed.map((r) => r.reason)).toEqual(expect.arrayContaining(['site navigation', 'audio player notice', 'news feed and page tail', 'byline and date line']))
  })
})
