import { describe, expect, it } from 'vitest'
import { parseDocument } from '../index'
import type { ParsedDocument } from '../../../../shared/domain'

async function parseMd(text: string, name = 'notes.md'): Promise<ParsedDocument> {
  const result = await parseDocument({ name, bytes: new TextEncoder().encode(text) })
  if (!result.ok) throw new Error(result.message)
  return result.doc
}

describe('Markdown import', () => {
  it('turns Markdown into plain paragraphs, with the leading # heading as the title', async () => {
    const doc = await parseMd(
      [
        '# Council *approves* new bus routes',
        '',
        'The council **voted 7–2** on [Tuesday](https://example.com/vote) to add `40` routes,',
        'a plan officials said would cost &euro;12m &amp; take two years.',
        '',
        '## Reaction',
        '',
        '> “It is long overdue,” said one resident.',
        '',
        '- Route 12 extended to the hospital',
        '- Night buses every 30 minutes',
        '',
        '1. First phase in spring',
        '',
        '![photo of a bus](bus.jpg)',
        '',
        '| Route | Start |',
        '| --- | --- |',
        '| 12 | May |',
        '',
        '---',
        '',
        '<div class="note">Embedded <em>HTML</em> note.</div>'
      ].join('\n')
    )
    expect(doc.format).toBe('md')
    expect(doc.title).toBe('Council approves new bus routes')
    expect(doc.paragraphs).toEqual([
      'The council voted 7–2 on Tuesday to add 40 routes, a plan officials said would cost &euro;12m & take two years.',
      'Reaction',
      '“It is long overdue,” said one resident.',
      'Route 12 extended to the hospital',
      'Night buses every 30 minutes',
      'First phase in spring',
      'Route | Start',
      '12 | May',
      'Embedded HTML note.'
    ])
    expect(doc.cleanedText).not.toMatch(/[*#`[\]]|https?:|bus\.jpg/)
  })

  it('reads bibliographic front matter', async () => {
    const doc = await parseMd(
      ['---', 'title: "Bus routes approved"', 'author: Jane Doe', 'date: 2024-05-02', 'url: https://example.com/buses', '---', '', 'Body paragraph one.', '', 'Body paragraph two.'].join('\n')
    )
    expect(doc).toMatchObject({ title: 'Bus routes approved', byline: 'Jane Doe', publishedAt: '2024-05-02', url: 'https://example.com/buses' })
    expect(doc.paragraphs).toEqual(['Body paragraph one.', 'Body paragraph two.'])
  })

  it('accepts the .markdown extension and keeps scripts out of the text', async () => {
    const doc = await parseMd('Paragraph before.\n\n<script>alert("x")</script>\n\nParagraph after.', 'notes.markdown')
    expect(doc.paragraphs).toEqual(['Paragraph before.', 'Paragraph after.'])
  })
})
