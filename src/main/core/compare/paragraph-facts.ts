// What is known of one source paragraph, worked out sentence by sentence and only when a claim
// needs it. Dates (chrono) are the dearest part of a check, so a sentence is parsed for dates or
// figures only once some story claim shares a word with it: a date or figure counts as evidence
// only when the words around it agree with the story's (text-words.ts), so a sentence sharing no
// word at all could never be evidence, and skipping it loses nothing.
import { extractDates } from '../claims/dates'
import { extractQuantities } from '../claims/quantities'
import { splitSentences } from '../claims/sentences'
import type { ExtractedClaim, Span } from '../claims/types'
import { frameOf, type Frame } from './frames'
import { contentWords, overlap, ownClause, stem, wordsAround } from './text-words'

/** A date of its own event, not "an hour later", which counts from the date before it. */
export function independent(date: ExtractedClaim): boolean {
  return date.normalized['elapsed'] === undefined
}

export interface Located {
  claim: ExtractedClaim
  /** The weighted event words around the claim in its sentence. */
  around: Map<string, number>
}

interface SentenceFacts {
  words?: Set<string>
  stems?: Set<string>
  dates?: Located[]
  quantities?: Located[]
}

export class ParagraphFacts {
  readonly sentences: Span[]
  private readonly facts: SentenceFacts[]
  private readonly frames = new Map<string, Frame>()

  constructor(
    readonly text: string,
    private readonly publishedAt: string | null
  ) {
    this.sentences = splitSentences(text)
    this.facts = this.sentences.map(() => ({}))
  }

  /** The content words of sentence i. */
  words(i: number): Set<string> {
    const f = this.facts[i]!
    if (!f.words) {
      const s = this.sentences[i]!
      f.words = new Set(contentWords(this.text.slice(s.start, s.end)))
    }
    return f.words
  }

  /** The content words of sentence i by stem. */
  private stems(i: number): Set<string> {
    const f = this.facts[i]!
    f.stems ??= new Set([...this.words(i)].map(stem))
    return f.stems
  }

  /** How many of these stems sentence i's content words share. */
  sharedStems(i: number, stems: ReadonlySet<string>): number {
    return overlap(this.stems(i), stems)
  }

  /** Indexes of the sentences sharing at least one of these words, compared by stem. */
  sentencesSharing(words: Iterable<string>): number[] {
    const list = [...words].map(stem)
    const out: number[] = []
    for (let i = 0; i < this.sentences.length; i++) {
      const own = this.stems(i)
      if (list.some((w) => own.has(w))) out.push(i)
    }
    return out
  }

  /**
   * The frame of a span of the paragraph without the words of `without`: asked for again by every
   * claim that names someone in it, so kept.
   */
  frame(span: Span, without?: Span): Frame {
    const key = `${span.start}:${span.end}:${without?.start ?? ''}:${without?.end ?? ''}`
    let made = this.frames.get(key)
    if (!made) this.frames.set(key, (made = frameOf(this.text, span, without)))
    return made
  }

  dates(i: number): Located[] {
    const f = this.facts[i]!
    if (!f.dates) {
      const dates = this.inSentence(i, (sentence, spans) => extractDates(sentence, spans, this.publishedAt))
      // A sentence dating two events: each date's words are its own clause's.
      if (dates.length > 1)
        for (const d of dates) {
          const others = dates.filter((o) => o !== d && independent(o.claim)).map((o) => o.claim)
          const own = ownClause(this.text, d.claim.sentence, d.claim.start, d.claim.end, others)
          d.around = wordsAround(this.text, own, d.claim.start, d.claim.end)
        }
      f.dates = dates
    }
    return f.dates
  }

  quantities(i: number): Located[] {
    const f = this.facts[i]!
    if (!f.quantities) {
      // Dates first: "16 November" holds a number that is not a figure.
      const dates = this.dates(i).map((d) => this.local(i, d.claim))
      f.quantities = this.inSentence(i, (sentence, spans) => extractQuantities(sentence, spans, dates))
    }
    return f.quantities
  }

  /** Runs an extractor on sentence i alone and moves its spans to paragraph offsets. */
  private inSentence(i: number, extract: (sentence: string, spans: Span[]) => ExtractedClaim[]): Located[] {
    const s = this.sentences[i]!
    const sentence = this.text.slice(s.start, s.end)
    return extract(sentence, [{ start: 0, end: sentence.length }]).map((c) => {
      const claim: ExtractedClaim = { ...c, start: c.start + s.start, end: c.end + s.start, sentence: s }
      return { claim, around: wordsAround(this.text, s, claim.start, claim.end) }
    })
  }

  private local(i: number, c: ExtractedClaim): ExtractedClaim {
    const offset = this.sentences[i]!.start
    return {
      ...c,
      start: c.start - offset,
      end: c.end - offset,
      sentence: { start: 0, end: c.sentence.end - offset }
    }
  }
}
