// schema.org ClaimReview JSON-LD: one review per claim the editor decided (verified, disputed or
// corrected; "not checkable" is no verdict to publish).
import type { DecisionStatus } from '../../../shared/workbench'
import type { ReportModel } from './report-model'

/** The rating scale: 1 (false) to 5 (true); alternateName is the words a reader sees. */
const RATING: Partial<Record<DecisionStatus, { value: number; name: string }>> = {
  verified: { value: 5, name: 'True' },
  corrected: { value: 3, name: 'Corrected' },
  disputed: { value: 1, name: 'Disputed' }
}

export function reportToClaimReview(report: ReportModel): object[] {
  const published = report.generatedAt.slice(0, 10)
  return report.claims.flatMap((claim) => {
    const rating = claim.decision ? RATING[claim.decision.status] : undefined
    if (!claim.decision || !rating) return []
    return [
      {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: claim.sentence,
        datePublished: published,
        author: {
          '@type': 'Organization',
          name: report.newsroom ?? 'Unnamed newsroom',
          ...(report.newsroomUrl ? { url: report.newsroomUrl } : {})
        },
        reviewRating: {
          '@type': 'Rating',
          ratingValue: rating.value,
          bestRating: 5,
          worstRating: 1,
          alternateName: rating.name
        },
        ...(claim.decision.note || claim.decision.correctedText
          ? {
              reviewBody: [
                claim.decision.correctedText ? `Correct: ${claim.decision.correctedText}` : null,
                claim.decision.note
              ]
                .filter(Boolean)
                .join(' — ')
            }
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
