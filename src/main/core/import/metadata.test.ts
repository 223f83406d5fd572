import { describe, expect, it } from 'vitest'
import { findDate, normalizeDate } from './dates'
import { extractTextMeta, parseBylineLine, parseDateLine } from './metadata'

const body = [
  'The port reopened on Monday after a week-long closure caused by the storm, the harbour authority said.',
  'Shipping companies said delays would continue into next month.'
]

describe('parseBylineLine', () => {
  it.each([
    ['By Jane Doe', { name: 'Jane Doe', date: null }],
    ['BY MARÍA JOSÉ GARCÍA', { name: 'MARÍA JOSÉ GARCÍA', date: null }],
    ['By Jan van der Berg and Ana Lima', { name: 'Jan van der Berg and Ana Lima', date: null }],
    ['Written by J. R. Smith | Published 3 March 2023', { name: 'J. R. Smith', date: '2023-03-03' }],
    ['by Olena Kovalenko March 2, 2023 11:30 AM', { name: 'Olena Kovalenko', date: '2023-03-02T11:30' }],
    ['By Sam Lee, 14 Feb 2022 09:00 GMT', { name: 'Sam Lee', date: '2022-02-14T09:00Z' }]
  ])('reads "%s"', (line, expected) => {
    expect(parseBylineLine(line)).toEqual(expected)
  })

  it.each(['By Tuesday, the ministry had issued new guidance.', "By Ukraine's count, 300 were killed.", 'by the river bank', 'Byline'])('rejects prose "%s"', (line) => {
    expect(parseBylineLine(line)).toBeNull()
  })
})

describe('parseDateLine', () => {
  it('reads a line that is only a date, with or without a time and zone', () => {
    expect(parseDateLine('Published 16 November 2024')).toBe('2024-11-16')
    expect(parseDateLine('Updated: Saturday 16 Nov 2024 14:00 +0200')).toBe('2024-11-16T14:00+02:00')
  })

  it('does not take sentences that contain a date, or dates without a year', () => {
    expect(parseDateLine('Russia invaded Ukraine on 24 February 2022.')).toBeNull()
    expect(parseDateLine('November 16')).toBeNull()
  })
})

describe('dates', () => {
  it('keeps ISO metadata as written and parses prose', () => {
    expect(normalizeDate('2024-11-16T19:06:00+02:00')).toBe('2024-11-16T19:06:00+02:00')
    expect(normalizeDate('2024-11-16')).toBe('2024-11-16')
    expect(normalizeDate('Nov. 16, 2024')).toBe('2024-11-16')
    expect(normalizeDate('2024-13-45')).toBeNull()
    expect(normalizeDate('soon')).toBeNull()
  })

  it('finds only dates that state their year', () => {
    expect(findDate('on Nov. 16 the minister')).toBeNull()
    expect(findDate('on Nov. 16, 2024 the minister')?.iso).toBe('2024-11-16')
  })
})

describe('extractTextMeta', () => {
  it('takes a headline first line as the title and keeps it out of the paragraphs', () => {
    const result = extractTextMeta(['Port reopens after storm', ...body], {})
    expect(result.meta.title).toBe('Port reopens after storm')
    expect(result.paragraphs).toEqual(body)
    expect(result.removed).toEqual([])
  })

  it('does not take a first sentence, or a lone line, as a title', () => {
    expect(extractTextMeta(body, {}).meta.title).toBeNull()
    expect(extractTextMeta(['Port reopens after storm'], {}).paragraphs).toEqual(['Port reopens after storm'])
  })

  it('keeps a standfirst after the headline as a paragraph', () => {
    const standfirst = 'Authorities say the harbour is safe again after repairs'
    const result = extractTextMeta(['Port reopens after storm', standfirst, ...body], {})
    expect(result.paragraphs).toEqual([standfirst, ...body])
  })

  it('moves byline, date and URL lines from the header into the metadata', () => {
    const result = extractTextMeta(['Port reopens after storm', 'By Jane Doe', 'Published 3 March 2023', 'https://news.example.com/port-reopens', ...body], {})
    expect(result.meta).toEqual({
      title: 'Port reopens after storm',
      outlet: null,
      byline: 'Jane Doe',
      publishedAt: '2023-03-03',
      url: 'https://news.example.com/port-reopens'
    })
    expect(result.paragraphs).toEqual(body)
    expect(result.removed.map((r) => r.reason)).toEqual(['byline', 'date line', 'source URL line'])
  })

  it('reads a year-bearing dateline without altering the paragraph', () => {
    const first = 'ODESA, Ukraine, March 2, 2023 (Example News) — The port reopened on Monday.'
    const result = extractTextMeta([first, ...body], {})
    expect(result.meta.publishedAt).toBe('2023-03-02')
    expect(result.paragraphs[0]).toBe(first)
  })

  it('lets facts from the container win, and drops a body headline equal to the known title', () => {
    const result = extractTextMeta(['Port reopens after storm', 'By Someone Else', ...body], { title: 'Port Reopens After Storm', byline: 'Jane Doe', publishedAt: '2023-03-03T10:00:00Z' })
    expect(result.meta.title).toBe('Port Reopens After Storm')
    expect(result.meta.byline).toBe('Jane Doe')
    expect(result.meta.publishedAt).toBe('2023-03-03T10:00:00Z')
    expect(result.paragraphs).toEqual(body)
  })
})
