// Relation pairs: one story sentence, one source passage, the relation an editor would give the
// claim. Each pair is checked by the real engine (checkStory, one source of one paragraph); the
// claim's relation is the strongest its evidence from that source shows, or silent.
import type { CheckedClaim, ClaimKind, Relation } from '../../shared/check'
import { checkStory } from '../core/compare/check-story'
import { lexicon } from '../services/lexicon'

export type PairRelation = Relation | 'silent'

export interface RelationPair {
  id: string
  kind: ClaimKind
  story: string
  claim: string
  passage: string
  expected: Exclude<PairRelation, 'mentions'>
  why?: string
}

export interface PairOutcome {
  pair: RelationPair
  /** null: the engine extracted no claim of that kind over those words. */
  got: PairRelation | null
}

const STRENGTH: PairRelation[] = ['contradicts', 'supports', 'partial', 'mentions', 'silent']

/** The engine's claim for the pair: the right kind, overlapping the labelled words, the closest span. */
function claimFor(pair: RelationPair, claims: readonly CheckedClaim[]): CheckedClaim | undefined {
  const at = pair.story.indexOf(pair.claim)
  const end = at + pair.claim.length
  const overlapping = claims.filter((c) => c.kind === pair.kind && c.start < end && c.end > at)
  const distance = (c: CheckedClaim) => Math.abs(c.start - at) + Math.abs(c.end - end)
  return overlapping.sort((a, b) => distance(a) - distance(b))[0]
}

export function relatePair(pair: RelationPair): PairOutcome {
  const result = checkStory({
    story: { id: 1, title: 'story', text: pair.story, publishedAt: null },
    sources: [
      {
        id: 2,
        title: 'source',
        outlet: null,
        publishedAt: null,
        url: null,
        paragraphs: [{ index: 0, text: pair.passage }]
      }
    ],
    lexicon: lexicon(),
    now: new Date(0)
  })
  const claim = claimFor(pair, result.claims)
  if (!claim) return { pair, got: null }
  const relations = claim.evidence.map((e) => e.relation as PairRelation)
  // A near-miss name is a finding against the passage that spells it otherwise.
  if (claim.flags.some((f) => f.kind === 'spelling-variant' || f.kind === 'spelling-to-check'))
    relations.push('contradicts')
  const got = STRENGTH.find((r) => relations.includes(r)) ?? 'silent'
  return { pair, got: got === 'mentions' ? 'silent' : got }
}

export interface PairFigures {
  pairs: number
  extracted: number
  supportsPrecision: number | null
  supportsPredicted: number
  contradictsRecall: number | null
  contradictsExpected: number
  contradictsPrecision: number | null
  agreement: number
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b)

export function pairFigures(outcomes: readonly PairOutcome[]): PairFigures {
  const got = (o: PairOutcome) => o.got ?? 'silent'
  const predictedSupports = outcomes.filter((o) => got(o) === 'supports')
  const expectedContradicts = outcomes.filter((o) => o.pair.expected === 'contradicts')
  const predictedContradicts = outcomes.filter((o) => got(o) === 'contradicts')
  return {
    pairs: outcomes.length,
    extracted: outcomes.filter((o) => o.got !== null).length,
    supportsPrecision: ratio(
      predictedSupports.filter((o) => o.pair.expected === 'supports').length,
      predictedSupports.length
    ),
    supportsPredicted: predictedSupports.length,
    contradictsRecall: ratio(
      expectedContradicts.filter((o) => got(o) === 'contradicts').length,
      expectedContradicts.length
    ),
    contradictsExpected: expectedContradicts.length,
    contradictsPrecision: ratio(
      predictedContradicts.filter((o) => o.pair.expected === 'contradicts').length,
      predictedContradicts.length
    ),
    agreement: outcomes.filter((o) => got(o) === o.pair.expected).length / Math.max(1, outcomes.length)
  }
}
