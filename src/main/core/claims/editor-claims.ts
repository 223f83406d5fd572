// Claims the editor adds by selecting story text: the engine missed them, so they are built
// from the selection and the kind the editor chose, then checked against the sources like any
// other claim.
import type { ClaimKind } from '../../../shared/check'
import { extractClaims } from './extract'
import { sentenceAt, splitSentences } from './sentences'
import type { ExtractedClaim, Span } from './types'

export interface EditorClaimSpec {
  /** Stable across reruns: the stored row's id, so decisions stay attached. */
  id: string
  kind: ClaimKind
  start: number
  end: number
}

export type EditorClaimResult = { ok: true; claim: ExtractedClaim } | { ok: false; reason: string }

/** Kinds compared by their normalized value: the selection must contain one the engine can read. */
const VALUED: ReadonlySet<ClaimKind> = new Set(['date', 'quantity', 'money', 'role'])

const VALUE_WORDS: Partial<Record<ClaimKind, string>> = {
  date: 'date',
  quantity: 'number',
  money: 'amount of money',
  role: 'name with its title'
}

export function editorClaimId(rowId: number): string {
  return `editor-${rowId}`
}

/**
 * The claim for a selection, or why there is none. Whitespace around the selection is trimmed,
 * so a double-clicked word with its trailing space makes the same claim as the word alone.
 */
export function buildEditorClaim(
  text: string,
  spec: EditorClaimSpec,
  options: { publishedAt?: string | null; extracted?: readonly ExtractedClaim[] } = {}
): EditorClaimResult {
  const span = trimSpan(text, spec)
  if (!span) return { ok: false, reason: 'The selection holds no words.' }
  const selected = text.slice(span.start, span.end)
  const sentences = splitSentences(text)
  const first = sentenceAt(sentences, span.start)
  const last = sentenceAt(sentences, Math.max(span.start, span.end - 1))
  const sentence = { start: Math.min(first.start, span.start), end: Math.max(last.end, span.end) }
  const base = { id: spec.id, kind: spec.kind, text: selected, ...span, sentence }

  if (VALUED.has(spec.kind)) {
    // Read values in the whole story, not the selection alone: "the next day" needs the dates
    // before it, and a title needs the sentence it sits in.
    const extracted = options.extracted ?? extractClaims(text, { publishedAt: options.publishedAt })
    const inside = extracted.find((c) => c.kind === spec.kind && c.start < span.end && c.end > span.start)
    if (!inside)
      return {
        ok: false,
        reason: `Found no ${VALUE_WORDS[spec.kind]} in “${clip(selected)}”; choose another kind.`
      }
    return { ok: true, claim: { ...base, normalized: inside.normalized } }
  }
  switch (spec.kind) {
    case 'quote':
      return {
        ok: true,
        claim: { ...base, normalized: { quote: stripQuotationMarks(selected), speaker: null } }
      }
    case 'person':
    case 'organization':
    case 'place':
      return { ok: true, claim: { ...base, normalized: { name: selected } } }
    default:
      return { ok: true, claim: { ...base, normalized: {} } }
  }
}

function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span
  start = Math.max(0, Math.min(start, text.length))
  end = Math.max(start, Math.min(end, text.length))
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return start < end ? { start, end } : null
}

function stripQuotationMarks(s: string): string {
  return s.replace(/^[\s“”"‘’'«»„]+|[\s“”"‘’'«»„]+$/g, '')
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}
