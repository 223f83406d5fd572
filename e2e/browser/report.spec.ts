// Exporting the verification report from a running factdesk serve, as the app does: decide a few
// claims, export PDF, JSON and ClaimReview, and check each the way a reader (or a parser) would.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import { expect, test } from '@playwright/test'
import { ROOT, startServe, type ServeProcess } from '../support/serve'

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

let serve: ServeProcess
test.beforeAll(async () => {
  serve = await startServe()
})
test.afterAll(async () => {
  await serve?.stop()
})

const call = <T>(method: string, input: unknown): Promise<T> => serve.call<T>(method, input)

interface Claim {
  id: string
  text: string
  priority?: string
}

test('the report of the demo check exports as PDF, JSON and ClaimReview with the decisions in it', async () => {
  test.setTimeout(90_000)
  const { checks } = await call<{ checks: { id: number }[] }>('checks.list', {})
  const checkId = checks[0]!.id
  const detail = await call<{ result: { claims: Claim[] } }>('checks.get', { id: checkId })
  const claim = (text: string) => detail.result.claims.find((c) => c.text === text)!
  await call('checks.decide', {
    checkId,
    claimId: claim('Yoko Kakmikawa').id,
    status: 'corrected',
    correctedText: 'Yoko Kamikawa',
    note: 'House list.',
    publish: true,
    publicExplanation: 'The foreign minister at the time was Yoko Kamikawa.'
  })
  await call('checks.decide', {
    checkId,
    claimId: claim('Saturday').id,
    status: 'verified',
    note: 'Three outlets agree.',
    publish: true
  })
  // Decided, but not for publication.
  await call('checks.decide', {
    checkId,
    claimId: claim('more than 10,000 troops').id,
    status: 'disputed',
    note: 'SCMP: up to 12,000.'
  })
  // Seven more, as a desk would decide a story's claims: ten in all.
  const named = new Set(['Yoko Kakmikawa', 'Saturday', 'more than 10,000 troops'])
  const more = detail.result.claims
    .filter((c) => c.priority !== 'background' && !named.has(c.text))
    .slice(0, 7)
  for (const c of more)
    await call('checks.decide', {
      checkId,
      claimId: c.id,
      status: 'verified',
      note: 'Matches the wire.',
      publish: true
    })

  // In the test's own output folder (Playwright empties it at each run), not left in the system's.
  const dir = test.info().outputPath('pdf')
  mkdirSync(dir, { recursive: true })
  const pdf = await call<{ fileName: string; base64: string; mimeType: string }>('checks.export', {
    id: checkId,
    format: 'pdf',
    newsroom: 'E2E Desk'
  })
  expect(pdf.mimeType).toBe('application/pdf')
  const pdfPath = join(dir, pdf.fileName)
  writeFileSync(pdfPath, Buffer.from(pdf.base64, 'base64'))
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', pdfPath, join(dir, 'page')])
  expect(existsSync(join(dir, 'page-1.png')) || existsSync(join(dir, 'page-01.png'))).toBe(true)
  const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })
  expect(text).toContain('Verification report')
  expect(text).toContain('Yoko Kamikawa')
  expect(text).toContain('E2E Desk')
  // Ten decisions fit on a few pages, numbered, the summary and the corrections on the first.
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  expect(pages).toBeGreaterThanOrEqual(1)
  expect(pages).toBeLessThanOrEqual(4)
  expect(/^Title:\s+(.*)$/m.exec(info)?.[1]).not.toMatch(/\.(?:txt|html?|md|docx|pdf)\b/)
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdfPath, '-'], { encoding: 'utf8' })
  for (const expected of [
    'Claims',
    'Corrections and disputes',
    'Yoko Kamikawa',
    'more than 10,000 troops',
    `Page 1 of ${pages}`
  ])
    expect(first).toContain(expected)
  expect(first).toContain('16 November 2024')
  expect(text).not.toMatch(/spelling-to-check|partly-corroborated|\(quantity|suggested:/)

  const json = await call<{ base64: string }>('checks.export', { id: checkId, format: 'json' })
  const exported = JSON.parse(Buffer.from(json.base64, 'base64').toString('utf8')) as { decisions: unknown[] }
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'check-result.schema.json'), 'utf8')) as object
  const validate = new Ajv2020({ strict: false }).compile(schema)
  expect(validate(exported), JSON.stringify(validate.errors)).toBe(true)
  expect(exported.decisions).toHaveLength(10)

  // ClaimReview is published under the newsroom's name and address: refused, saying so, without them.
  await expect(
    call('checks.export', { id: checkId, format: 'claimreview', newsroom: 'E2E Desk' })
  ).rejects.toThrow(/its web address is not set/)
  await call('preferences.set', { newsroom: 'E2E Desk', newsroomUrl: 'https://desk.example/' })
  const ld = await call<{ base64: string }>('checks.export', {
    id: checkId,
    format: 'claimreview',
    newsroom: 'E2E Desk'
  })
  const ldText = Buffer.from(ld.base64, 'base64').toString('utf8')
  const reviews = JSON.parse(ldText) as ClaimReviewJson[]
  // Ten decided, nine chosen for publishing; the desk's notes stay out.
  expect(reviews).toHaveLength(9)
  expect(reviews.map((r) => r.claimReviewed)).not.toContain('more than 10,000 troops')
  for (const note of ['House list.', 'Three outlets agree.', 'SCMP: up to 12,000.', 'Matches the wire.'])
    expect(ldText).not.toContain(note)
  expect(reviews.find((r) => r.claimReviewed === 'Yoko Kakmikawa')?.reviewBody).toBe(
    'The foreign minister at the time was Yoko Kamikawa.'
  )
  for (const r of reviews) {
    expect(r['@context']).toBe('https://schema.org')
    expect(r['@type']).toBe('ClaimReview')
    expect(typeof r['claimReviewed']).toBe('string')
    expect(r['reviewRating']['alternateName']).toBeTruthy()
    expect(r['itemReviewed']['@type']).toBe('Claim')
    expect(r['author']['name']).toBe('E2E Desk')
    expect(r['datePublished']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  }
})
