import type { ClaimKind } from '../../../shared/check'

export interface Span {
  start: number
  end: number
}

/** A claim as extracted from one text, before it is compared with anything. */
export interface ExtractedClaim {
  /** Stable within one text: kind and start offset. */
  id: string
  kind: ClaimKind
  text: string
  start: number
  end: number
  sentence: Span
  normalized: Record<string, unknown>
}

export function claimId(kind: ClaimKind, start: number): string {
  return `${kind}-${start}`
}
