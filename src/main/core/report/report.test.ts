// Golden files for every report format on the demo check with decisions, plus the safety rules:
// markup in sources or notes stays text, spreadsheet formulas stay text. Regenerate the goldens
// after a deliberate change with UPDATE_GOLDEN=1 and read the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import type { ReviewEvent } from '../../../shared/review'
import type { Decision, HistoryEntry } from '../../../shared/workbench'
import { checkStory, type CheckSource } from '../compare/check-story'
import { csvCell } from './csv'
import { renderReport, TEXT_FORMATS } from './formats'
import { reportToHtml } from './html'
import { buildReport } from './report-model'

/** The fields of a ClaimReview this test reads. */
interface ClaimReviewJson {
  '@context': string
  '@type': string
  claimReviewed: string
  datePublished: string
  author: { '@type': string; name: string }
  reviewRating: { alternateName: string }
  reviewBody?: string
  itemReviewed: { '@type': string; appearance: { url?: string } }
}

const SAMPLES = join(__dirname, '../../../../resources/samples/iwaya-kyiv-2024')
const GOLDEN = join(__dirname, 'golden')
const NOW = new Date('2024-11-18T09:00:00.000Z')
const files = readdirSync(SAMPLES).sort()
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((t, index) => ({ index, text: t }))

/** What the demo's verified claim tells the public; its private note says something else. */
const PUBLIC_SATURDAY = 'Three outlets date the visit to Saturday, 16 November 2024.'

/** The demo's review: assigned to Ana, who marked it ready; Rui approved it. */
const REVIEW_STEPS: ReviewEvent[] = [
  {
    id: 1,
    state: 'ready',
    actor: 'Ana Checker',
    at: '2024-11-18T08:04:00.000Z',
    comment: null,
    decisionEntry: 3
  },
  {
    id: 2,
    state: 'approved',
    actor: 'Rui Reviewer',
    at: '2024-11-18T08:45:00.000Z',
    comment: 'Good.',
    decisionEntry: 3
  }
]

function demo(
  overrides: {
    note?: string
    sourceText?: string
    publish?: boolean
    publicExplanation?: string
    review?: { assignee: string | null; history: ReviewEvent[] } | null
    actors?: boolean
  } = {}
) {
  const storyText = readFileSync(join(SAMPLES, files[0]!), 'utf8')
  const sources: CheckSource[] = files.slice(1).map((f, i) => ({
    id: i + 2,
    title: f,
    outlet: `Outlet ${i + 2}`,
    publishedAt: null,
    url: `https://example.org/${i + 2}`,
    paragraphs: [
      ...paragraphs(readFileSync(join(SAMPLES, f), 'utf8')),
      ...(i === 0 && overrides.sourceText ? [{ index: 99, text: overrides.sourceText }] : [])
    ]
  }))
  const result = checkStory({
    story: { id: 1, title: 'Iwaya visits Kyiv', text: storyText, publishedAt: '2024-11-16' },
    sources,
    houseNames: ['Yoko Kamikawa'],
    now: NOW
  })
  const claim = (text: string) => result.claims.find((c) => c.text === text)!
  const at = (minute: number) => `2024-11-18T08:${String(minute).padStart(2, '0')}:00.000Z`
  const saturday = claim('Saturday')
  const decisions: Decision[] = [
    {
      claimId: saturday.id,
      status: 'verified',
      correctedText: null,
      note: 'Three outlets give 16 November.',
      pinned: [{ ...saturday.evidence[0]!, text: saturday.evidence[0]!.text }].map(
        ({ sourceId, paragraphIndex, start, end, text }) => ({ sourceId, paragraphIndex, start, end, text })
      ),
      publish: true,
      publicExplanation: PUBLIC_SATURDAY,
      updatedAt: at(1),
      version: 1,
      actor: overrides.actors === false ? null : 'Ana Checker'
    },
    {
      claimId: claim('Yoko Kakmikawa').id,
      status: 'corrected',
      correctedText: 'Yoko Kamikawa',
      note: overrides.note ?? 'House list spelling.',
      pinned: [],
      publish: true,
      publicExplanation: overrides.publicExplanation ?? null,
      updatedAt: at(2),
      version: 1,
      actor: overrides.actors === false ? null : 'Ana Checker'
    },
    {
      claimId: claim('more than 10,000 troops').id,
      status: 'disputed',
      correctedText: null,
      note: 'SCMP says up to 12,000.',
      pinned: [],
      publish: overrides.publish ?? false,
      publicExplanation: 'Reports of the troop numbers differ.',
      updatedAt: at(3),
      version: 1,
      actor: overrides.actors === false ? null : 'Ben Checker'
    }
  ]
  const history: HistoryEntry[] = decisions.map((d, i) => ({
    id: i + 1,
    claimId: d.claimId,
    at: d.updatedAt,
    before: null,
    after: d
  }))
  const report = buildReport({
    result,
    story: {
      title: 'Iwaya visits Kyiv',
      outlet: 'The Daily',
      publishedAt: '2024-11-16',
      url: 'https://example.org/story',
      text: storyText
    },
    decisions,
    history,
    newsroom: 'Example Newsroom',
    newsroomUrl: 'https://news.example/',
    checkedBy: 'A. Editor',
    review:
      overrides.review === undefined ? { assignee: 'Ana Checker', history: REVIEW_STEPS } : overrides.review,
    now: NOW
  })
  return { report, result, decisions, history }
}

/** The schema.org ClaimReview shape Google's fact-check markup documents: required fields and types. */
const CLAIM_REVIEW_SHAPE = {
  type: 'object',
  required: ['@context', '@type', 'claimReviewed', 'reviewRating', 'itemReviewed', 'author', 'datePublished'],
  properties: {
    '@context': { const: 'https://schema.org' },
    '@type': { const: 'ClaimReview' },
    claimReviewed: { type: 'string', minLength: 1 },
    datePublished: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    reviewBody: { type: 'string' },
    author: {
      type: 'object',
      required: ['@type', 'name', 'url'],
      properties: {
        '@type': { const: 'Organization' },
        name: { type: 'string', minLength: 1 },
        url: { type: 'string', pattern: '^https?://' }
      }
    },
    reviewRating: {
      type: 'object',
      required: ['@type', 'ratingValue', 'bestRating', 'worstRating', 'alternateName'],
      properties: {
        '@type': { const: 'Rating' },
        ratingValue: { type: 'number', minimum: 1, maximum: 5 },
        bestRating: { const: 5 },
        worstRating: { const: 1 },
        alternateName: { type: 'string', minLength: 1 }
      }
    },
    itemReviewed: {
      type: 'object',
      required: ['@type', 'appearance'],
      properties: {
        '@type': { const: 'Claim' },
        appearance: {
          type: 'object',
          required: ['@type', 'headline'],
          properties: {
            '@type': { const: 'CreativeWork' },
            headline: { type: 'string' },
            url: { type: 'string' },
            datePublished: { type: 'string' }
          }
        }
      }
    }
  }
}

const EXTENSION = { html: 'html', md: 'md', csv: 'csv', json: 'json', claimreview: 'jsonld' } as const

describe('report formats (golden files)', () => {
  const { report, result, decisions, history } = demo()
  for (const format of TEXT_FORMATS) {
    it(`${format} matches its golden file`, () => {
      const text = renderReport(report, format, {
        checkResult: result,
        decisions,
        history,
        reviewHistory: REVIEW_STEPS
      })
      const file = join(GOLDEN, `demo.${EXTENSION[format]}`)
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, text)
      expect(
        existsSync(file),
        `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run src/main/core/report`
      ).toBe(true)
      expect(text).toBe(readFileSync(file, 'utf8'))
    })
  }

  it('counts decisions and calls out the undecided claims', () => {
    expect(report.summary).toMatchObject({ decided: 3, undecided: report.summary.total - 3 })
    expect(report.summary.byDecision).toMatchObject({ verified: 1, corrected: 1, disputed: 1 })
    expect(reportToHtml(report)).toContain(`Not yet decided (${report.summary.undecided})`)
  })

  it('orders every format the same way: corrections and disputes, verified, then the undecided', () => {
    const order = ['Corrections and disputes', 'Verified (', 'Not yet decided (']
    for (const text of [reportToHtml(report), renderReport(report, 'md')]) {
      const at = order.map((heading) => text.indexOf(heading))
      expect(at.every((i) => i >= 0)).toBe(true)
      expect([...at].sort((a, b) => a - b)).toEqual(at)
    }
    const statuses = report.claims.map((c) => c.decision?.status ?? 'open')
    const rank = { corrected: 0, disputed: 0, verified: 1, dismissed: 2, open: 3 } as const
    expect(statuses.map((st) => rank[st])).toEqual([...statuses.map((st) => rank[st])].sort((a, b) => a - b))
  })

  it('says things in the interface’s words, not the engine’s', () => {
    // What a reader sees: the text, not the markup's class names.
    const html = reportToHtml(report)
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<[^>]+>/g, ' ')
    for (const internal of [
      'spelling-to-check',
      'partly-corroborated',
      'single-source',
      '(quantity',
      'dismissed',
      'suggested:'
    ])
      expect(html).not.toContain(internal)
    // Dates for people: "18 November 2024", not "2024-11-18".
    expect(html).toContain('18 November 2024')
  })

  it('produces one ClaimReview per claim chosen for publishing, with the required fields', () => {
    const reviews = JSON.parse(renderReport(report, 'claimreview')) as ClaimReviewJson[]
    // The disputed claim is decided but not chosen for publishing.
    expect(reviews.map((r) => r.claimReviewed).sort()).toEqual(['Saturday', 'Yoko Kakmikawa'])
    for (const r of reviews) {
      expect(r['@type']).toBe('ClaimReview')
      expect(r['reviewRating']['alternateName']).toMatch(/True|Corrected/)
      expect(r['itemReviewed']['@type']).toBe('Claim')
      expect(r['itemReviewed']['appearance']).toEqual({
        '@type': 'CreativeWork',
        headline: 'Iwaya visits Kyiv',
        url: 'https://example.org/story',
        datePublished: '2024-11-16'
      })
      expect(r['author']).toEqual({
        '@type': 'Organization',
        name: 'Example Newsroom',
        url: 'https://news.example/'
      })
      expect(r['datePublished']).toBe('2024-11-18')
    }
    const published = JSON.parse(
      renderReport(demo({ publish: true }).report, 'claimreview')
    ) as ClaimReviewJson[]
    expect(published.map((r) => r.claimReviewed)).toContain('more than 10,000 troops')
  })

  it('publishes the public explanation, never the desk’s private notes, in the schema.org ClaimReview shape', () => {
    const secret = 'Source is the minister’s aide, do not name'
    const { report } = demo({
      note: secret,
      publicExplanation: 'The minister is Yoko Kamikawa.',
      publish: true
    })
    const text = renderReport(report, 'claimreview')
    expect(text).not.toContain(secret)
    for (const d of report.claims.filter((c) => c.decision?.note))
      expect(text).not.toContain(d.decision!.note!)
    const reviews = JSON.parse(text) as ClaimReviewJson[]
    const body = (claimed: string) => reviews.find((r) => r.claimReviewed === claimed)?.reviewBody
    expect(body('Yoko Kakmikawa')).toBe('The minister is Yoko Kamikawa.')
    expect(body('Saturday')).toBe(PUBLIC_SATURDAY)
    expect(body('more than 10,000 troops')).toBe('Reports of the troop numbers differ.')
    const validate = new Ajv2020({ strict: false }).compile(CLAIM_REVIEW_SHAPE)
    for (const r of reviews) expect(validate(r), JSON.stringify(validate.errors)).toBe(true)
  })

  it('says what a correction now reads when the editor gave no public explanation, and nothing for another verdict', () => {
    const { report } = demo()
    const without = {
      ...report,
      claims: report.claims.map((c) =>
        c.decision ? { ...c, decision: { ...c.decision, publish: true, publicExplanation: null } } : c
      )
    }
    const reviews = JSON.parse(renderReport(without, 'claimreview')) as ClaimReviewJson[]
    const body = (claimed: string) => reviews.find((r) => r.claimReviewed === claimed)?.reviewBody
    expect(body('Yoko Kakmikawa')).toBe('Corrected to: Yoko Kamikawa')
    expect(reviews.find((r) => r.claimReviewed === 'Saturday')).not.toHaveProperty('reviewBody')
  })

  it('refuses an empty ClaimReview, saying how to choose claims', () => {
    const { report } = demo()
    const unpublished = {
      ...report,
      claims: report.claims.map((c) =>
        c.decision ? { ...c, decision: { ...c.decision, publish: false } } : c
      )
    }
    expect(() => renderReport(unpublished, 'claimreview')).toThrow(/No claim is chosen for the ClaimReview/)
  })

  it('marks the public explanation as public in the desk’s own reports', () => {
    const html = reportToHtml(report)
    expect(html).toContain(`Public explanation (published in ClaimReview):</strong> ${PUBLIC_SATURDAY}`)
    expect(html).toContain(
      'Public explanation (not published):</strong> Reports of the troop numbers differ.'
    )
    expect(renderReport(report, 'md')).toContain(
      `**Public explanation (published in ClaimReview):** ${PUBLIC_SATURDAY}`
    )
  })

  it('will not name an unnamed newsroom as the reviewer', () => {
    const { report } = demo()
    expect(() => renderReport({ ...report, newsroomUrl: null }, 'claimreview')).toThrow(
      /its web address is not set/
    )
    expect(() => renderReport({ ...report, newsroom: null }, 'claimreview')).toThrow(
      /the newsroom’s name is not set/
    )
  })
})

describe('who checked and who approved', () => {
  const exported = (r: ReturnType<typeof demo>, format: (typeof TEXT_FORMATS)[number]) =>
    renderReport(r.report, format, {
      checkResult: r.result,
      decisions: r.decisions,
      history: r.history,
      reviewHistory: REVIEW_STEPS
    })

  it('names the assignee, who decided, and the approver with the date in HTML, Markdown and CSV', () => {
    const r = demo()
    const html = exported(r, 'html').replace(/<[^>]+>/g, ' ')
    const md = exported(r, 'md')
    for (const text of [html, md]) {
      expect(text).toContain('Assigned to Ana Checker')
      expect(text).toContain('Decisions by Ana Checker, Ben Checker')
      expect(text).toContain('Approved by Rui Reviewer, 18 November 2024, 08:45')
      expect(text).toMatch(/Decided 18 November 2024, 08:03 by Ben Checker/)
    }
    const [header, ...rows] = exported(r, 'csv').replace('\ufeff', '').trim().split('\r\n')
    const columns = header!.split(',')
    // Counted from the end: earlier cells hold quoted commas, the review's never do.
    const cell = (row: string, name: string) => row.split(',').at(columns.indexOf(name) - columns.length)
    const disputed = rows.find((row) => row.includes('more than 10,000 troops'))!
    expect(cell(disputed, 'decided_by')).toBe('Ben Checker')
    for (const row of rows) {
      expect(cell(row, 'assigned_to')).toBe('Ana Checker')
      expect(cell(row, 'review_state')).toBe('Approved')
      expect(cell(row, 'approved_by')).toBe('Rui Reviewer')
      expect(cell(row, 'approved_at')).toBe('2024-11-18T08:45:00.000Z')
    }
  })

  it('gives the review, its steps and each decision’s maker in the JSON export', () => {
    const json = JSON.parse(exported(demo(), 'json')) as {
      review: Record<string, unknown>
      decisions: Array<{ actor: string }>
    }
    expect(json.review).toEqual({
      state: 'approved',
      assignee: 'Ana Checker',
      decidedBy: ['Ana Checker', 'Ben Checker'],
      approvedBy: 'Rui Reviewer',
      approvedAt: '2024-11-18T08:45:00.000Z',
      history: REVIEW_STEPS
    })
    expect(json.decisions.map((d) => d.actor)).toContain('Ben Checker')
  })

  it('claims no approval for a check reopened or returned after it was approved', () => {
    const reopened: ReviewEvent = { ...REVIEW_STEPS[1]!, id: 3, state: 'in_progress', actor: 'Rui Reviewer' }
    const { report } = demo({ review: { assignee: null, history: [...REVIEW_STEPS, reopened] } })
    expect(report.review).toMatchObject({ state: 'in_progress', approvedBy: null, approvedAt: null })
    expect(renderReport(report, 'md')).toContain('Review: in progress')
    expect(renderReport(report, 'md')).not.toContain('Approved by')
  })

  it('says nothing of review for a check no one was assigned, decided as no one, never reviewed', () => {
    const { report } = demo({ review: null, actors: false })
    expect(report.review.reported).toBe(false)
    for (const format of ['html', 'md'] as const) {
      const text = renderReport(report, format)
      for (const words of ['Assigned to', 'Decisions by', 'Approved by', 'Review:', ' by Ana']) {
        expect(text).not.toContain(words)
      }
    }
  })
})

describe('report safety', () => {
  it('shows HTML and script from a source or a note as text, never as markup', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'
    const { report } = demo({
      note: hostile,
      sourceText: `Officials said ${hostile} on Saturday, during the visit to Ukraine.`
    })
    const html = reportToHtml(report)
    // No live element: no script or img tag, no event handler or javascript: link inside any tag.
    expect(html).not.toMatch(/<script|<img/i)
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i)
    expect(html).not.toMatch(/<a[^>]*href="javascript:/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain("default-src 'none'")
  })

  it('neutralizes spreadsheet formulas in every CSV cell', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(csvCell(formula).replace(/^"/, '').startsWith("'")).toBe(true)
    }
    expect(csvCell('plain, with "quotes"')).toBe('"plain, with ""quotes"""')
    const { report } = demo({ note: '=1+2' })
    expect(renderReport(report, 'csv')).toContain(`'=1+2`)
  })
})
