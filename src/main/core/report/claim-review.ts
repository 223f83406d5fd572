// schema.org ClaimReview JSON-LD: one review per claim the editor decided (verified, disputed or
// corrected; "not checkable" is no verdict to publish) and chose to publish. It is public: its
// reviewBody is the decision's public explanation, never the desk's private note, and it names
// the newsroom that reviewed.
import type { DecisionStatus } from '../../../shared/workbench'
import type { ReportClaim, ReportModel } from './report-model'

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

/** The claims a ClaimReview publishes: a verdict, and the editor's choice to publish it. */
export function publishedClaims(report: Pick<ReportModel, 'claims'>): ReportClaim[] {
  return report.claims.filter((c) => c.decision?.publish === true && RATING[c.decision.status] !== undefined)
}

export const NOTHING_TO_PUBLISH =
  'No claim is chosen for the ClaimReview: tick “Publish in ClaimReview” on a verified, disputed or corrected claim, then export again.'

/**
 * What a reader is told: the public explanation. Without one, a correction still says what the
 * story now says (the corrected wording is published with the story anyway); otherwise nothing.
 */
function reviewBody(decision: NonNullable<ReportClaim['decision']>): string | null {
  if (decision.publicExplanation) return decision.publicExplanation
  return decision.correctedText ? `Corrected to: ${decision.correctedText}` : null
}

export function reportToClaimReview(report: ReportModel): object[] {
  const missing = missingPublisher(report)
  if (missing)
    throw new Error(`A ClaimReview names the newsroom that reviewed the claims; ${missing} is not set.`)
  const claims = publishedClaims(report)
  // An empty file would publish nothing and look like a success.
  if (claims.length === 0) throw new Error(NOTHING_TO_PUBLISH)
  const published = report.generatedAt.slice(0, 10)
  return claims.map((claim) => {
    const decision = claim.decision!
    const rating = RATING[decision.status]!
    const body = reviewBody(decision)
    return {
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
      ...(body ? { reviewBody: body } : {}),
      itemReviewed: {
        '@type': 'Claim',
        ...(report.story.publishedAt ? { datePublished: report.story.publishedAt } : {}),
        ...(report.story.outlet ? { author: { '@type': 'Organization', name: report.story.outlet } } : {}),
        appearance: {
          '@type': 'CreativeWork',
          headline: report.story.title,
          ...(report.story.url ? { url: report.story.url } : {}),
          ...(report.story.publishedAt ? { datePublished: report.story.publishedAt } : {})
        }
      }
    }
  })
}
