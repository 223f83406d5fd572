// The verification report's one model: every export format is a rendering of this.
import type { CheckResult, ClaimKind, Relation, SuggestedStatus } from '../../../shared/check'
import type { Decision, DecisionStatus, HistoryEntry } from '../../../shared/workbench'
import { KIND_LABELS, RELATION_LABELS, SUGGESTED_LABELS } from '../../../shared/labels'
import type { ReviewEvent } from '../../../shared/review'
import { REVIEW_STATE_LABELS, type ReviewState } from '../../../shared/review-rules'

/** Passages printed per claim: enough to show why, not every sentence that agrees. */
export const EVIDENCE_SHOWN = 2
const EVIDENCE_ORDER: Record<Relation, number> = { contradicts: 0, partial: 1, supports: 2, mentions: 3 }

export interface ReportSource {
  id: number
  title: string | null
  outlet: string | null
  publishedAt: string | null
  url: string | null
}

export interface ReportClaim {
  id: string
  kind: ClaimKind
  /** The kind and the engine's suggestion in the interface's words ("Title or role", "One source"). */
  kindLabel: string
  suggestedLabel: string
  text: string
  /** The story sentence the claim stands in: what a reader needs to know what was claimed. */
  sentence: string
  suggested: SuggestedStatus
  flags: string[]
  /** The editor's decision; null while undecided. */
  decision:
    | (Pick<Decision, 'status' | 'correctedText' | 'note' | 'publish' | 'publicExplanation' | 'updatedAt'> & {
        /** Who made the decision; null when no one was recorded. */
        decidedBy: string | null
      })
    | null
  /**
   * The passages a reader needs: pinned ones first, then those against, then those for; at most
   * EVIDENCE_SHOWN. The rest are counted in moreEvidence.
   */
  evidence: Array<{
    relation: Relation
    relationLabel: string
    text: string
    reason: string
    pinned: boolean
    source: ReportSource
  }>
  moreEvidence: number
  history: Array<{ at: string; from: DecisionStatus | null; to: DecisionStatus; note: string | null }>
}

/** Who checked the story and who approved it: what a desk's report answers for. */
export interface ReportReview {
  state: ReviewState
  stateLabel: string
  /** The member the check is assigned to; null when no one is. */
  assignee: string | null
  /** Everyone who made a decision the report gives, each once, in the order of their first one. */
  decidedBy: string[]
  /** The reviewer who approved the check, while it stands approved; null otherwise. */
  approvedBy: string | null
  approvedAt: string | null
  /** Whether there is anything to say: an assignee, a decider or a review step. */
  reported: boolean
}

export interface ReportModel {
  generatedAt: string
  newsroom: string | null
  /** The newsroom's web address, published with its name as the ClaimReview author. */
  newsroomUrl: string | null
  checkedBy: string | null
  story: {
    title: string
    outlet: string | null
    publishedAt: string | null
    url: string | null
    text: string
  }
  summary: { total: number; decided: number; undecided: number; byDecision: Record<DecisionStatus, number> }
  /** Every claim, in the report's order: corrections and disputes, verified, not checkable, undecided. */
  claims: ReportClaim[]
  /** The same claims by section, as every format prints them. */
  sections: {
    corrections: ReportClaim[]
    verified: ReportClaim[]
    notCheckable: ReportClaim[]
    undecided: ReportClaim[]
  }
  sources: ReportSource[]
  review: ReportReview
}

export interface ReportInput {
  result: CheckResult
  story: {
    title: string | null
    outlet: string | null
    publishedAt: string | null
    url: string | null
    text: string
  }
  decisions: readonly Decision[]
  history: readonly HistoryEntry[]
  newsroom?: string | null
  newsroomUrl?: string | null
  checkedBy?: string | null
  /** The check's assignee and review steps; left out for a check never assigned nor reviewed. */
  review?: { assignee: string | null; history: readonly ReviewEvent[] } | null
  now?: Date
}

/** Claims the editor dismissed as not checkable still appear, marked so; open ones are undecided. */
export function buildReport(input: ReportInput): ReportModel {
  const sources = new Map<number, ReportSource>(input.result.sources.map((s) => [s.id, s]))
  const decisions = new Map(input.decisions.map((d) => [d.claimId, d]))
  const unknownSource = (id: number): ReportSource => ({
    id,
    title: `source ${id}`,
    outlet: null,
    publishedAt: null,
    url: null
  })
  const byDecision: Record<DecisionStatus, number> = {
    open: 0,
    verified: 0,
    disputed: 0,
    corrected: 0,
    dismissed: 0
  }

  const claims: ReportClaim[] = input.result.claims.map((claim) => {
    const decision = decisions.get(claim.id)
    const status = decision?.status ?? 'open'
    byDecision[status] += 1
    const pinned = decision?.pinned ?? []
    const isPinned = (sourceId: number, text: string) =>
      pinned.some((p) => p.sourceId === sourceId && p.text === text)
    const evidence = claim.evidence.map((e) => ({
      relation: e.relation,
      relationLabel: RELATION_LABELS[e.relation].label,
      text: e.text,
      reason: e.reason,
      pinned: isPinned(e.sourceId, e.text),
      source: sources.get(e.sourceId) ?? unknownSource(e.sourceId)
    }))
    // Pinned passages the engine did not propose are evidence too.
    for (const p of pinned) {
      if (!evidence.some((e) => e.source.id === p.sourceId && e.text === p.text)) {
        evidence.push({
          relation: 'supports',
          relationLabel: 'Pinned by the editor',
          text: p.text,
          reason: 'pinned by the editor',
          pinned: true,
          source: sources.get(p.sourceId) ?? {
            ...unknownSource(p.sourceId),
            title: p.sourceTitle ?? `source ${p.sourceId}`
          }
        })
      }
    }
    // Mentions say nothing for or against; the rest, most telling first.
    const telling = evidence
      .filter((e) => e.pinned || e.relation !== 'mentions')
      .sort(
        (a, b) =>
          Number(b.pinned) - Number(a.pinned) || EVIDENCE_ORDER[a.relation] - EVIDENCE_ORDER[b.relation]
      )
    return {
      id: claim.id,
      kind: claim.kind,
      kindLabel: KIND_LABELS[claim.kind],
      suggestedLabel: SUGGESTED_LABELS[claim.status],
      text: claim.text,
      sentence: input.story.text.slice(claim.sentence.start, claim.sentence.end).trim() || claim.text,
      suggested: claim.status,
      flags: claim.flags.map((f) => f.message),
      decision:
        decision && decision.status !== 'open'
          ? {
              status: decision.status,
              correctedText: decision.correctedText,
              note: decision.note,
              publish: decision.publish,
              publicExplanation: decision.publicExplanation,
              updatedAt: decision.updatedAt,
              decidedBy: decision.actor ?? null
            }
          : null,
      evidence: telling.slice(0, EVIDENCE_SHOWN),
      moreEvidence: Math.max(0, telling.length - EVIDENCE_SHOWN),
      history: input.history
        .filter((h) => h.claimId === claim.id)
        .map((h) => ({ at: h.at, from: h.before?.status ?? null, to: h.after.status, note: h.after.note }))
    }
  })
  const undecided = byDecision.open
  const having = (...statuses: DecisionStatus[]) =>
    claims.filter((c) => statuses.includes(c.decision?.status ?? 'open'))
  const sections = {
    corrections: having('corrected', 'disputed'),
    verified: having('verified'),
    notCheckable: having('dismissed'),
    undecided: having('open')
  }
  return {
    generatedAt: (input.now ?? new Date()).toISOString(),
    newsroom: input.newsroom ?? null,
    newsroomUrl: input.newsroomUrl ?? null,
    checkedBy: input.checkedBy ?? null,
    story: {
      title: input.story.title ?? 'Untitled story',
      outlet: input.story.outlet,
      publishedAt: input.story.publishedAt,
      url: input.story.url,
      text: input.story.text
    },
    summary: { total: claims.length, decided: claims.length - undecided, undecided, byDecision },
    claims: [...sections.corrections, ...sections.verified, ...sections.notCheckable, ...sections.undecided],
    sections,
    sources: [...sources.values()],
    review: reportReview(input, claims)
  }
}

/** The approval counts only while it is the check's last step: a reopened check is not approved. */
function reportReview(input: ReportInput, claims: readonly ReportClaim[]): ReportReview {
  const history = input.review?.history ?? []
  const last = history.at(-1)
  const state = last?.state ?? 'in_progress'
  const decided = [...claims]
    .filter((c) => c.decision?.decidedBy)
    .sort((a, b) => a.decision!.updatedAt.localeCompare(b.decision!.updatedAt))
  const decidedBy = [...new Set(decided.map((c) => c.decision!.decidedBy!))]
  const assignee = input.review?.assignee ?? null
  return {
    state,
    stateLabel: REVIEW_STATE_LABELS[state],
    assignee,
    decidedBy,
    approvedBy: state === 'approved' ? (last?.actor ?? null) : null,
    approvedAt: state === 'approved' ? (last?.at ?? null) : null,
    reported: assignee !== null || decidedBy.length > 0 || history.length > 0
  }
}

/**
 * The report's line on who checked and who approved, in words (each format marks it up its own
 * way); empty when there is nothing to say.
 */
export function reviewLine(review: ReportReview, date: (iso: string) => string): string[] {
  if (!review.reported) return []
  return [
    review.assignee ? `Assigned to ${review.assignee}` : null,
    review.decidedBy.length ? `Decisions by ${review.decidedBy.join(', ')}` : null,
    review.approvedBy
      ? `Approved by ${review.approvedBy}${review.approvedAt ? `, ${date(review.approvedAt)}` : ''}`
      : `Review: ${review.stateLabel.toLowerCase()}`
  ].filter((part): part is string => part !== null)
}

export const DECISION_LABEL: Record<DecisionStatus, string> = {
  open: 'Not yet decided',
  verified: 'Verified',
  disputed: 'Disputed',
  corrected: 'Corrected',
  dismissed: 'Not checkable'
}

/**
 * The public explanation as the desk's reports print it, labelled as public so no one takes it for
 * a note, and saying whether the ClaimReview carries it. Null when there is none.
 */
export function publicExplanation(claim: ReportClaim): { label: string; text: string } | null {
  const decision = claim.decision
  if (!decision?.publicExplanation) return null
  const where = decision.publish ? 'published in ClaimReview' : 'not published'
  return { label: `Public explanation (${where})`, text: decision.publicExplanation }
}
