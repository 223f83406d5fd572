// schema.org ClaimReview JSON-LD: one review per claim the editor decided (verified, disputed or
// corrected; "not checkable" is no verdict to publish). It is published: nothing private goes in —
// the editor's notes stay in the desk's own report — and it names the newsroom that reviewed.
import type { DecisionStatus } from '../../../shared/workbench'
import type { ReportModel } from './report-model'

/** The rating scale: 1 (false) to 5 (true); alternateName is the words a reader sees. */
const RATING: Partial<Record<DecisionStatus, { value: number; name: string }>> = {
  verified: { value: 5, name: 'True' },
  corrected: { value: 3, name: 'Corrected' },
  disputed: { value: 1, name: 'Disputed' }
}

/** What a ClaimReview cannot be published without, in words for the editor; null when nothing. */
export function missingPublisher(report: Pick<ReportModel, 'newsroom' | 'newsroomUrl'>): string | null {
  const missing = [
    report.newsroom ? null : 'the newsroom’s name',
    report.newsroomUrl ? null : 'its web address'
  ].filter(Boolean)
  return missing.length ? missing.join(' and ') : null
}

export function reportToClaimReview(report: ReportModel): object[] {
  const missing = missingPublisher(report)
  if (missing)
    throw new Error(`A ClaimReview names the newsroom that reviewed the claims; ${missing} is not set.`)
  const published = report.generatedAt.slice(0, 10)
  return report.claims.flatMap((claim) => {
    const rating = claim.decision ? RATING[claim.decision.status] : undefined
    if (!claim.decision || !rating) return []
    return [
      {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: claim.text,
        datePublished: published,
        author: { '@type': 'Organization', name: report.newsroom, url: report.newsroomUrl },
        reviewRating: {
          '@type': 'Rating',
          ratingValue: rating.value,
          bestRating: 5,
          worstRating: 1,
          alternateName: rating.name
        },
        // The corrected wording is what the story now says; the note is the desk's, never published.
        ...(claim.decision.correctedText
          ? { reviewBody: `Corrected to: ${claim.decision.correctedText}` }
          : {}),
        itemReviewed: {
          '@type': 'Claim',
          ...(report.story.publishedAt ? { datePublished: report.story.publishedAt } : {}),
          ...(report.story.outlet ? { author: { '@type': 'Organization', name: report.story.outlet } } : {}),
          appearance: {
            '@type': 'CreativeWork',
            headline: report.story.title,
            ...(report.story.url ? { url: report.story.url } : {})
          }
        }
      }
    ]
  })
}
