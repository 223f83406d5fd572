// Words and symbols for statuses, relations and kinds, in the interface and the reports alike. Every
// status has a symbol as well as a colour, so the list and the story read the same without colour.

import type { ClaimKind, Relation, SuggestedStatus } from './check'
import type { DecisionStatus } from './workbench'

export const DECISION_LABELS: Record<DecisionStatus, { label: string; symbol: string }> = {
  open: { label: 'Open', symbol: '○' },
  verified: { label: 'Verified', symbol: '✓' },
  disputed: { label: 'Disputed', symbol: '✗' },
  corrected: { label: 'Corrected', symbol: '✎' },
  dismissed: { label: 'Not checkable', symbol: '–' }
}

export const SUGGESTED_LABELS: Record<SuggestedStatus, string> = {
  corroborated: 'Corroborated',
  'partly-corroborated': 'Partly corroborated',
  conflicting: 'Sources conflict',
  'single-source': 'One source',
  unsupported: 'No source',
  'spelling-to-check': 'Spelling to check'
}

export const RELATION_LABELS: Record<Relation, { label: string; symbol: string }> = {
  supports: { label: 'Supports', symbol: '✓' },
  contradicts: { label: 'Contradicts', symbol: '✗' },
  partial: { label: 'Partly supports', symbol: '◐' },
  mentions: { label: 'Mentions', symbol: '·' }
}

export const KIND_LABELS: Record<ClaimKind, string> = {
  date: 'Date',
  quantity: 'Number',
  money: 'Money',
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  role: 'Title or role',
  event: 'Event',
  quote: 'Quote'
}
