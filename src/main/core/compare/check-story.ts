// Checking a story against its sources: extract the story's claims, find candidate passages for
// each, relate them, flag names and inconsistencies, and suggest a status. Pure: data in, data out.
import type { CheckedClaim, CheckResult, Evidence, Flag, Relation } from '../../../shared/check'
import type { NormalizedDate } from '../claims/dates'
import { extractClaims } from '../claims/extract'
import type { NormalizedQuantity } from '../claims/quantities'
import { sentenceAt } from '../claims/sentences'
import type { ExtractedClaim, Span } from '../claims/types'
import { consistencyFlags } from './consistency'
import { commonWords } from '../names/common-words'
import { nameEvidence } from './name-evidence'
import { fullNameFindings } from './name-variants'
import { nameFindings, NameVocabulary, type NameFinding } from './names'
import { InMemoryPassageIndex, passageIndexFrom, type FindPassages, type PassageIndex } from './passage-index'
import { independent, ParagraphFacts } from './paragraph-facts'
import { minutes, relateDates, relateElapsed } from './relate-dates'
import { tokensOf } from '../nlp/tokens'
import { relateRank } from './relate-rank'
import { placingOf } from './placings'
import type { NormalizedRank } from '../claims/ranks'
import { WORDS_ONLY, type Lexicon } from '../nlp/wordnet'
import { eventClaim, relateEvent, type EventClaim } from './relate-event'
import {
  cueBefore,
  verbBefore,
  directionBefore,
  isCommonName,
  NAMED_ELSEWHERE,
  introducedAsName,
  relateEntity,
  type EntityClaim
} from './relate-entity'
import { agreement, frameOf, verbsAgree, type Frame } from './frames'
import { bearingAfter, relateFigures, type FigureContext, type Found } from './figures-in-passage'
import { clauseAround, clauseSpan, measureOf } from './measure'
import { asOfDate, baselineOf, differentEvent } from './same-event'
import { suggestStatus } from './status'
import { claimPriority } from './triage'
import { compareTitles, titleAround, titleFamily } from './titles'
import {
  AGREEMENT_FOR_CONTRADICTION,
  AGREEMENT_FOR_EVIDENCE,
  contentWords,
  coreAgreement,
  dice,
  eventAgreement,
  ownClause,
  wordsAround
} from './text-words'

export interface CheckSource {
  id: number
  title: string | null
  outlet: string | null
  publishedAt: string | null
  url: string | null
  /** `start`, where given, is the paragraph's offset in the source's text; evidence offsets are
   * always within the paragraph. */
  paragraphs: ReadonlyArray<{ index: number; text: string; start?: number }>
}

export interface CheckInput {
  story: { id: number; title: string | null; text: string; publishedAt: string | null }
  sources: readonly CheckSource[]
  /** Claims the editor added by selecting story text (see buildEditorClaim). */
  editorClaims?: readonly ExtractedClaim[]
  /** The newsroom's list of correctly spelled names. */
  houseNames?: readonly string[]
  /**
   * Verbs of one sense and opposites (WordNet, services/lexicon.ts), for relating events; without
   * it an event is matched by its own verb only.
   */
  lexicon?: Lexicon
  /** The library's passage search (FTS5): terms in, candidate paragraphs out. */
  findPassages?: FindPassages
  /** Any other index; an in-memory one over the sources is built when neither is given. */
  index?: PassageIndex
  now?: Date
}

/** Candidate passages looked at per claim: enough to find every source that speaks to it. */
const CANDIDATES = 40
/** Candidates from the figure's or date's own clause, on top of the sentence's. */
const FOCUSED = 20

function uniqueRefs<T extends { sourceId: number; paragraphIndex: number }>(refs: T[]): T[] {
  const seen = new Set<string>()
  return refs.filter((r) => {
    const key = `${r.sourceId}:${r.paragraphIndex}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

const ENTITY_KINDS = new Set(['person', 'organization', 'place'])

/** Evidence kept per source and claim: the strongest, not every sentence that shares a word. */
const PER_SOURCE = 2
const RELATION_ORDER: Record<Relation, number> = { contradicts: 0, supports: 1, partial: 2, mentions: 3 }

export function checkStory(input: CheckInput): CheckResult {
  const { sources } = input
  // An undated story is read against the date its sources give most, marked as inferred for the
  // editor to confirm: "on Saturday" must resolve against something.
  const inferred = input.story.publishedAt ? null : inferStoryDate(sources)
  const publishedAt = input.story.publishedAt ?? inferred?.date ?? null
  const story = { ...input.story, publishedAt }
  const sourceById = new Map(sources.map((s) => [s.id, s]))
  const index =
    input.index ??
    (input.findPassages
      ? passageIndexFrom(input.findPassages)
      : new InMemoryPassageIndex(sources, new Set(contentWords(story.text))))
  const claims = withEditorClaims(extractClaims(story.text, { publishedAt }), input.editorClaims)
  const editorIds = new Set((input.editorClaims ?? []).map((c) => c.id))
  const storySentenceWords = new Map<number, Set<string>>()
  const sentenceWords = (claim: ExtractedClaim) => {
    const key = claim.sentence.start
    if (!storySentenceWords.has(key))
      storySentenceWords.set(
        key,
        new Set(contentWords(story.text.slice(claim.sentence.start, claim.sentence.end)))
      )
    return storySentenceWords.get(key)!
  }

  // Paragraph texts and their facts, by source and paragraph index, made on first use.
  const byIndex = new Map(sources.map((s) => [s.id, new Map(s.paragraphs.map((p) => [p.index, p.text]))]))
  const facts = new Map<number, Map<number, ParagraphFacts>>()
  const paragraphFacts = (source: CheckSource, paragraphIndex: number): ParagraphFacts | null => {
    let perSource = facts.get(source.id)
    if (!perSource) facts.set(source.id, (perSource = new Map()))
    const cached = perSource.get(paragraphIndex)
    if (cached) return cached
    const text = byIndex.get(source.id)?.get(paragraphIndex)
    if (text === undefined) return null
    const made = new ParagraphFacts(text, source.publishedAt)
    perSource.set(paragraphIndex, made)
    return made
  }

  const sourcesVocabulary = new NameVocabulary(
    sources.map((s) => ({
      id: s.id,
      label: s.title ?? `source ${s.id}`,
      texts: s.paragraphs.map((p) => p.text)
    }))
  )
  const houseVocabulary = new NameVocabulary([{ id: 0, label: 'house list', texts: input.houseNames ?? [] }])
  const byWord = nameFindings(claims, sourcesVocabulary, houseVocabulary)
  const byFullName = fullNameFindings(claims, sourcesVocabulary, commonWords())
  // One finding per name: the word-by-word one where both see it.
  const names = new Map<string, NameFinding[]>([...byFullName, ...byWord])
  const innerFlags = consistencyFlags(story.text, claims, inferred ? 'inferred' : 'published')

  const years = new Set(
    [story.publishedAt, ...sources.map((s) => s.publishedAt)].flatMap((d) => (d ? [d.slice(0, 4)] : []))
  )
  const storyFigures = claims.filter((c) => c.kind === 'quantity' || c.kind === 'money')
  const storyDates = claims.filter((c) => c.kind === 'date')
  const figureContext = (claim: ExtractedClaim): FigureContext => ({
    measure: measureOf(
      story.text,
      claim.sentence,
      claim.start,
      claim.end,
      storyDates
        .filter((d) => d.sentence.start === claim.sentence.start)
        .map((d) => d.normalized as NormalizedDate)
    ),
    otherFigures: storyFigures
      .filter((c) => c.id !== claim.id)
      .map((c) => c.normalized as NormalizedQuantity),
    publicationYears: years,
    otherDates: storyDates
      .filter((d) => d.id !== claim.id && d.sentence.start === claim.sentence.start)
      .map((d) => d.normalized as NormalizedDate),
    quoted: insideQuotes(story.text, claim.sentence, claim.start),
    baseline: baselineOf(
      story.text.slice(claim.sentence.start, claim.sentence.end),
      claim.start - claim.sentence.start
    ),
    bearing: bearingAfter(story.text, claim.end),
    anchorTime:
      storyDates
        .filter((d) => d.sentence.start === claim.sentence.start && d.start < claim.start)
        .map((d) => (d.normalized as NormalizedDate).time)
        .filter((t) => t !== undefined)
        .at(-1) ?? null,
    asOf: asOfDate(
      story.text.slice(claim.sentence.start, claim.sentence.end),
      claim.start - claim.sentence.start
    ),
    publishedAt: story.publishedAt
  })

  const checked: CheckedClaim[] = claims.map((claim) => {
    const findings = names.get(claim.id) ?? []
    const flags: Flag[] = [...findings.map((f) => f.flag), ...(innerFlags.get(claim.id) ?? [])]
    const context = sentenceWords(claim)
    const claimWords = contentWords(claim.text)
    const terms = [...new Set([...claimWords, ...context])]
    const valued = claim.kind === 'date' || claim.kind === 'quantity' || claim.kind === 'money'
    const near = valued
      ? wordsAround(
          story.text,
          claim.kind === 'date'
            ? ownClause(
                story.text,
                claim.sentence,
                claim.start,
                claim.end,
                storyDates.filter((d) => d !== claim && independent(d))
              )
            : claim.sentence,
          claim.start,
          claim.end
        )
      : new Map<string, number>()
    // The passage that gives another figure may share few words with the whole sentence: search
    // again with the words of the figure's own clause, so it is not crowded out.
    const candidates = valued
      ? uniqueRefs([
          ...index.search(terms, CANDIDATES),
          ...index.search(
            contentWords(clauseAround(story.text, claim.sentence, claim.start, claim.end)),
            FOCUSED
          )
        ])
      : index.search(terms, CANDIDATES)
    // Only dates and figures need their context; worked out once, on first use.
    let figureContextOfClaim: FigureContext | null = null
    const figure = () => (figureContextOfClaim ??= figureContext(claim))
    // A date or figure's fact is its own clause's ("visited Kyiv on Saturday"), not the sentence's.
    let valueFrameOfClaim: Frame | null = null
    const valueFrame = () =>
      (valueFrameOfClaim ??= frameOfClause(
        clauseAround(story.text, claim.sentence, claim.start, claim.end).replace(claim.text, ' ')
      ))
    let eventOfClaim: EventClaim | null = null
    const event = () =>
      (eventOfClaim ??= eventClaim(
        story.text,
        claim.sentence,
        claim.start,
        claim.end,
        typeof claim.normalized['verb'] === 'string' ? claim.normalized['verb'] : undefined,
        context
      ))
    let entityOfClaim: EntityClaim | null = null
    const entity = () => (entityOfClaim ??= entityClaim(story.text, claim, context))
    const evidence: Evidence[] = []
    for (const ref of candidates) {
      const source = sourceById.get(ref.sourceId)
      if (!source) continue
      const pf = paragraphFacts(source, ref.paragraphIndex)
      if (!pf) continue
      const text = pf.text
      const found = relateInParagraph(
        claim,
        context,
        claimWords,
        near,
        pf,
        figure,
        entity,
        event,
        input.lexicon ?? WORDS_ONLY
      )
      if (valued)
        for (const f of found)
          if (f.relation === 'supports' && !f.anchored)
            sameFactOrMention(f, valueFrame(), pf, input.lexicon ?? WORDS_ONLY)
      for (const f of found) {
        evidence.push({
          sourceId: source.id,
          sourceTitle: source.title,
          outlet: source.outlet,
          paragraphIndex: ref.paragraphIndex,
          text: text.slice(f.start, f.end),
          start: f.start,
          end: f.end,
          relation: f.relation,
          reason: f.reason
        })
        if (f.hedgedDifference && !flags.some((x) => x.kind === 'hedged-difference')) {
          flags.push({ kind: 'hedged-difference', message: `Hedged figures differ: ${f.reason}.` })
        }
      }
    }
    const storyName = claim.kind === 'role' ? String(claim.normalized['person'] ?? '') : claim.text
    for (const finding of findings)
      evidence.push(...nameEvidence(storyName, finding, sourcesVocabulary, sourceById))
    const kept = keepStrongest(claim.kind === 'role' ? titlesSettled(evidence) : evidence)
    if (
      kept.some((e) => e.relation === 'contradicts') &&
      (claim.kind === 'date' || claim.kind === 'quantity' || claim.kind === 'money')
    ) {
      const against = kept.find((e) => e.relation === 'contradicts')!
      flags.push({
        kind: 'conflicting-value',
        message: `${against.sourceTitle ?? 'A source'} — ${against.reason}.`
      })
    }
    const withEvidence = new Set(kept.map((e) => e.sourceId))
    return {
      id: claim.id,
      kind: claim.kind,
      text: claim.text,
      start: claim.start,
      end: claim.end,
      sentence: claim.sentence,
      normalized: claim.normalized,
      status: suggestStatus(
        kept,
        flags,
        ENTITY_KINDS.has(claim.kind) && kept.some((e) => e.reason.startsWith(`${NAMED_ELSEWHERE} `))
      ),
      flags,
      evidence: kept,
      silent: sources.filter((s) => !withEvidence.has(s.id)).map((s) => s.id),
      ...(editorIds.has(claim.id) ? { origin: 'editor' as const } : {})
    }
  })

  for (const c of checked) c.priority = claimPriority(c, checked)
  return {
    version: 1,
    story: {
      id: story.id,
      title: story.title,
      publishedAt: input.story.publishedAt,
      ...(inferred ? { inferredDate: inferred.date, inferredFrom: inferred.sourceIds } : {})
    },
    sources: sources.map((s) => ({
      id: s.id,
      title: s.title,
      outlet: s.outlet,
      publishedAt: s.publishedAt,
      url: s.url
    })),
    claims: checked,
    generatedAt: (input.now ?? new Date()).toISOString()
  }
}

/** The date most of the sources were published on (the latest where they tie), with who gives it. */
export function inferStoryDate(
  sources: readonly CheckSource[]
): { date: string; sourceIds: number[] } | null {
  const byDate = new Map<string, number[]>()
  for (const s of sources) {
    const day = s.publishedAt?.slice(0, 10)
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day)) byDate.set(day, [...(byDate.get(day) ?? []), s.id])
  }
  const best = [...byDate].sort(([a, x], [b, y]) => y.length - x.length || b.localeCompare(a))[0]
  return best ? { date: best[0], sourceIds: best[1] } : null
}

/** The engine's claims plus the editor's, without a second copy of one the engine already has. */
function withEditorClaims(
  extracted: ExtractedClaim[],
  added: readonly ExtractedClaim[] = []
): ExtractedClaim[] {
  if (added.length === 0) return extracted
  const key = (c: ExtractedClaim) => `${c.kind}:${c.start}:${c.end}`
  const known = new Set(extracted.map(key))
  return [...extracted, ...added.filter((c) => !known.has(key(c)))].sort(
    (a, b) => a.start - b.start || a.kind.localeCompare(b.kind)
  )
}

/** A person may hold two titles: another title contradicts only when no source gives the story's. */
function titlesSettled(evidence: Evidence[]): Evidence[] {
  if (!evidence.some((e) => e.relation === 'supports')) return evidence
  return evidence.map((e) =>
    e.relation === 'contradicts' && e.reason.startsWith('calls ') ? { ...e, relation: 'partial' } : e
  )
}

function keepStrongest(evidence: Evidence[]): Evidence[] {
  const bySource = new Map<number, Evidence[]>()
  for (const e of evidence) {
    const list = bySource.get(e.sourceId) ?? []
    // One passage, one relation: the strongest any rule gave it.
    const twin = list.findIndex((x) => x.paragraphIndex === e.paragraphIndex && x.start === e.start)
    if (twin < 0) list.push(e)
    else if (RELATION_ORDER[e.relation] < RELATION_ORDER[list[twin]!.relation]) list[twin] = e
    bySource.set(e.sourceId, list)
  }
  const kept: Evidence[] = []
  for (const list of bySource.values()) {
    list.sort((a, b) => RELATION_ORDER[a.relation] - RELATION_ORDER[b.relation])
    const best = list[0]!.relation
    kept.push(
      ...list
        .filter((e) => e.relation === best || (best !== 'mentions' && e.relation !== 'mentions'))
        .slice(0, PER_SOURCE)
    )
  }
  return kept.sort(
    (a, b) => a.sourceId - b.sourceId || a.paragraphIndex - b.paragraphIndex || a.start - b.start
  )
}

const frameOfClause = (clause: string) => frameOf(clause, { start: 0, end: clause.length })

/**
 * The same date or figure in a sentence that reports another fact ("fishermen reported the spill
 * on 9 May" / "on 9 May the operator published its results") only mentions it.
 */
function sameFactOrMention(found: Found, story: Frame, pf: ParagraphFacts, lexicon: Lexicon): void {
  const passage = pf.frame(found)
  // Looser than for names: the value itself already ties the two sentences together, unless both
  // say what was done and the deeds differ ("raised £1.2m" / "needs £1.2m").
  const deedsDiffer = story.verbs.size > 0 && passage.verbs.size > 0 && !verbsAgree(story, passage, lexicon)
  const shared = agreement(story, passage)
  if (!deedsDiffer && (shared.same || shared.sharedVerbs + shared.sharedNouns >= 3)) return
  found.relation = 'mentions'
  found.reason = `${found.reason}, but about another fact`
}

/**
 * The fact a name takes part in: its own clause ("Iwaya made a surprise visit to Ukraine on
 * Saturday, where he met …"), or the sentence where the clause says too little ("Iwaya, 67, …").
 */
function factFrame(text: string, claim: ExtractedClaim): Frame {
  const clause = frameOf(text, clauseSpan(text, claim.sentence, claim.start, claim.end), claim)
  if (clause.verbs.size + clause.nouns.size >= 3) return clause
  return frameOf(text, claim.sentence, claim)
}

/** A named entity of the story with what its sentence says of it, for relateEntity. */
function entityClaim(text: string, claim: ExtractedClaim, context: Set<string>): EntityClaim {
  return {
    kind: claim.kind as EntityClaim['kind'],
    name: claim.text,
    frame: factFrame(text, claim),
    context,
    sentence: text.slice(claim.sentence.start, claim.sentence.end),
    direction: directionBefore(text, claim.start),
    cue: cueBefore(text, claim.start),
    verb: verbBefore(
      text.slice(claim.sentence.start, claim.sentence.end),
      claim.start - claim.sentence.start
    ),
    replaceable: !isCommonName(claim.text) || introducedAsName(text, claim.start),
    placing:
      claim.kind === 'person'
        ? placingOf(
            text.slice(claim.sentence.start, claim.sentence.end),
            claim.start - claim.sentence.start,
            claim.end - claim.sentence.start
          )
        : null
  }
}

/** Whether an offset sits between quotation marks within its sentence. */
function insideQuotes(text: string, sentence: Span, at: number): boolean {
  const before = text.slice(sentence.start, at)
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length
  const straight = (before.match(/"/g) ?? []).length
  return opened > 0 || straight % 2 === 1
}

/**
 * "A second tremor came 20 minutes later" against a passage that gives both clock times ("followed
 * the 4:02 a.m. quake at 4:52 a.m."): the time after the story's anchor, less the anchor, is how
 * much later the passage puts it.
 */
function elapsedInPassage(
  story: NormalizedDate,
  anchor: string,
  near: Map<string, number>,
  pf: ParagraphFacts,
  i: number
): Found | null {
  const times = pf.dates(i).filter((d) => (d.claim.normalized as NormalizedDate).time && independent(d.claim))
  const from = times.find((d) => (d.claim.normalized as NormalizedDate).time === anchor)
  if (!from) return null
  const to = times.find(
    (d) =>
      d !== from &&
      (d.claim.normalized as NormalizedDate).time !== anchor &&
      eventAgreement(near, d.around) >= AGREEMENT_FOR_EVIDENCE
  )
  if (!to) return null
  const gap = (minutes((to.claim.normalized as NormalizedDate).time!) - minutes(anchor) + 1440) % 1440
  const [low, high] = story.elapsed!
  const s = pf.sentences[i]!
  const span = `from ${anchor} to ${(to.claim.normalized as NormalizedDate).time}`
  // Two written clock times are exact: inside the story's interval, they bear it out.
  return low <= gap && gap <= high
    ? {
        start: s.start,
        end: s.end,
        relation: 'supports',
        reason: `the source's times are ${gap} min apart (${span})`,
        anchored: true
      }
    : {
        start: s.start,
        end: s.end,
        relation: 'contradicts',
        reason: `${relateElapsed(story.elapsed!, [gap, gap]).reason} (${span})`
      }
}

function relateInParagraph(
  claim: ExtractedClaim,
  context: Set<string>,
  claimWords: string[],
  near: Map<string, number>,
  pf: ParagraphFacts,
  figureOf: () => FigureContext,
  entityOf: () => EntityClaim,
  eventOf: () => EventClaim,
  lexicon: Lexicon
): Found[] {
  const found: Found[] = []
  const text = pf.text
  switch (claim.kind) {
    case 'date': {
      const story = claim.normalized as NormalizedDate
      for (const i of pf.sentencesSharing(near.keys())) {
        const counted =
          story.elapsed && figureOf().anchorTime
            ? elapsedInPassage(story, figureOf().anchorTime!, near, pf, i)
            : null
        if (counted) {
          found.push(counted)
          continue
        }
        for (const { claim: d, around } of pf.dates(i)) {
          // A date is evidence only when the words around it name the same event.
          const agreement = eventAgreement(near, around)
          if (agreement < AGREEMENT_FOR_EVIDENCE) continue
          const r = relateDates(story, d.normalized as NormalizedDate)
          if (!r || (r.relation === 'contradicts' && agreement < AGREEMENT_FOR_CONTRADICTION)) continue
          if (r.relation === 'contradicts' && coreAgreement(near, around) < 2) {
            const s = pf.sentences[i]!
            found.push({
              start: s.start,
              end: s.end,
              relation: 'mentions',
              reason: `gives ${d.text}, for what may be another event`
            })
            continue
          }
          if (r.relation !== 'supports') {
            const s = pf.sentences[i]!
            const others = pf
              .dates(i)
              .filter((o) => o.claim !== d)
              .map((o) => o.claim.normalized as NormalizedDate)
            const why = differentEvent(
              {
                date: story,
                others: figureOf().otherDates,
                measure: figureOf().measure,
                quoted: figureOf().quoted,
                baseline: figureOf().baseline,
                asOf: figureOf().asOf
              },
              {
                date: d.normalized as NormalizedDate,
                baseline: baselineOf(text.slice(s.start, s.end), d.start - s.start),
                others,
                measure: measureOf(text, s, d.start, d.end, []),
                quoted: insideQuotes(text, s, d.start),
                asOf: asOfDate(text.slice(s.start, s.end), d.start - s.start)
              },
              figureOf().publishedAt
            )
            if (why) {
              found.push({
                start: s.start,
                end: s.end,
                relation: 'mentions',
                reason: `gives ${d.text}, but ${why}`
              })
              continue
            }
          }
          found.push({ start: d.sentence.start, end: d.sentence.end, ...r })
        }
      }
      break
    }
    case 'quantity':
    case 'money':
      found.push(...relateFigures(claim.normalized as NormalizedQuantity, near, pf, figureOf()))
      break
    case 'role':
      found.push(...relateRole(claim, pf))
      break
    case 'person':
    case 'organization':
    case 'place':
      found.push(...relateEntity(entityOf(), pf, lexicon))
      break
    case 'quote': {
      const words = String(claim.normalized['quote'] ?? '')
      const quoted = new Set(contentWords(words))
      // Short quotations ("Japan stands with Ukraine") are compared as the exact words in
      // quotation marks; longer ones by shared words, since sources trim and splice quotes.
      const exact = quotedWords(words)
      const allWords = new Set(exact.split(' '))
      pf.sentences.forEach((s, i) => {
        const sentence = text.slice(s.start, s.end)
        const reversed = quotedPassages(sentence)
          .map((q) => quoteTurned(exact, q, lexicon))
          .find((why) => why !== null)
        if (reversed) {
          found.push({ start: s.start, end: s.end, relation: 'contradicts', reason: reversed })
          return
        }
        if (exact.length >= 3 && quotedPassages(sentence).some((q) => q.includes(exact))) {
          found.push({
            start: s.start,
            end: s.end,
            relation: 'supports',
            reason: 'the same words are quoted'
          })
          return
        }
        // A quotation of two or three words matches too much by chance to compare by words.
        if (quoted.size < 4) return
        const score = dice(quoted, pf.words(i))
        // Between quotation marks a changed word is a misquotation ("our fans" / "the fans");
        // without them, the source only reports the words.
        const misquoted = quotedPassages(sentence).some((q) => dice(new Set(q.split(' ')), allWords) >= 0.6)
        if (score >= 0.8)
          found.push({
            start: s.start,
            end: s.end,
            relation: misquoted ? 'partial' : 'supports',
            reason: misquoted ? 'quoted with other words' : 'nearly the same words are reported'
          })
        else if (score >= 0.5)
          found.push({
            start: s.start,
            end: s.end,
            relation: 'partial',
            reason: 'similar words, not the same quotation'
          })
      })
      break
    }
    case 'event':
      // A rank ("the second-deadliest") is compared as a rank, not as a deed.
      if (typeof claim.normalized['rank'] === 'number')
        found.push(...relateRank(claim.normalized as NormalizedRank, context, pf))
      else found.push(...relateEvent(eventOf(), pf, lexicon))
      break
  }
  return found
}

/**
 * A titled name against a source paragraph: the title the source gives the same person where it
 * names them. Another title is a contradiction ("President" for a prime minister); no title at
 * all only mentions the person.
 */
function relateRole(claim: ExtractedClaim, pf: ParagraphFacts): Found[] {
  const name = String(claim.normalized['person'] ?? '')
  const role = String(claim.normalized['role'] ?? '')
  const storyFamily = titleFamily(role)
  const surname = name.split(/\s+/).pop() ?? name
  const text = pf.text
  const found: Found[] = []
  const places: Array<[number, number]> = []
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length))
    places.push([at, at + name.length])
  if (places.length === 0)
    for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + surname.length))
      if (surname.length >= 4) places.push([at, at + surname.length])
  for (const [start, end] of places) {
    const s = sentenceAt(pf.sentences, start)
    const title = titleAround(text, start, end)
    const qualified =
      claim.normalized['qualifier'] ||
      /\b(?:former|then|ex-|outgoing|incoming|acting)\W*$/i.test(text.slice(Math.max(0, start - 60), start))
    if (!title || !storyFamily) {
      found.push({
        start: s.start,
        end: s.end,
        relation: 'mentions',
        reason: `names ${name} without a title`
      })
    } else {
      const match = compareTitles(role, title.title)
      const held = match === 'less' && titleHeldByAnother(text, role, name)
      // "Lars Eriksen, a former finance minister": the story gives as current a title the source
      // says he no longer holds.
      const formerInSource =
        !claim.normalized['qualifier'] &&
        (/^(?:former|ex-)/i.test(title.title) ||
          /\b(?:former|ex-)\W*(?:\p{L}+\s+){0,3}$/iu.test(text.slice(Math.max(0, start - 40), start)))
      if (match === 'same' && formerInSource)
        found.push({
          start: s.start,
          end: s.end,
          relation: 'contradicts',
          reason: `calls ${name} a former ${title.title.replace(/^(?:former|ex-)\s*/i, '')}; the story gives the title as current`
        })
      else if (match === 'same')
        found.push({
          start: s.start,
          end: s.end,
          relation: 'supports',
          reason: `names ${name} as ${title.title}`
        })
      else if (match === 'less' && !held)
        found.push({
          start: s.start,
          end: s.end,
          relation: 'partial',
          reason: `calls ${name} “${title.title}”, less precisely than “${role}”`
        })
      else
        found.push({
          start: s.start,
          end: s.end,
          relation: qualified ? 'mentions' : 'contradicts',
          reason: held
            ? `gives the title “${role}” to someone else and calls ${name} “${title.title}”`
            : `calls ${name} “${title.title}”, not “${role}”`
        })
    }
  }
  return found
}

/** Whether the paragraph gives the story's exact title to a name other than this person's. */
function titleHeldByAnother(text: string, role: string, name: string): boolean {
  const surname = name.split(/\s+/).pop() ?? name
  const pattern = new RegExp(
    `\\b${role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+((?:\\p{Lu}[\\p{L}\\p{M}'’-]+\\s*){1,3})`,
    'giu'
  )
  for (const m of text.matchAll(pattern)) if (!m[1]!.includes(surname)) return true
  return false
}

/** The words of a quotation, lower-case, single-spaced, without punctuation: "…Ukraine," = "…ukraine". */
function quotedWords(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).join(' ')
}

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nothing', 'nobody', 't'])

/**
 * A quotation given back with the sense turned: mostly the same words, but a negation added or
 * dropped ("I will not resign" / "I will resign"), or another number ("by 2027" / "by 2030"); or,
 * fewer words shared, opposite verbs between the kept ones ("have confessed" / "have denied").
 */
function quoteTurned(story: string, passage: string, lexicon: Lexicon): string | null {
  const a = story.split(' ').filter(Boolean)
  const b = passage.split(' ').filter(Boolean)
  if (a.length < 3 || b.length < 3) return null
  const shared = dice(new Set(a), new Set(b))
  if (shared < 0.3) return null
  // Less alike than that, only opposite verbs around kept words turn it (wordsSwapped).
  if (shared < 0.5) return wordsSwapped(a, b, lexicon)
  const negations = (words: string[]) => words.filter((w) => NEGATIONS.has(w)).length
  if (negations(a) !== negations(b))
    return negations(b) > negations(a)
      ? 'quotes the words with a negation the story does not have'
      : 'quotes the words without the story’s negation'
  const numbers = (words: string[]) =>
    words
      .filter((w) => /^\d/.test(w))
      .sort()
      .join(' ')
  if (numbers(a) && numbers(b) && numbers(a) !== numbers(b))
    return `quotes another number: ${numbers(b)}, not ${numbers(a)}`
  return wordsSwapped(a, b, lexicon)
}

/**
 * The same quotation with a word or two of substance swapped ("made the right call" / "made the
 * wrong call", "free for everyone" / "free for pensioners"): the words either side agree, the
 * middle does not. A swapped article or pronoun ("our fans" / "the fans") is left to the
 * partial match.
 */
function wordsSwapped(a: string[], b: string[], lexicon: Lexicon): string | null {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++
  const storyMiddle = a.slice(head, a.length - tail)
  const sourceMiddle = b.slice(head, b.length - tail)
  if (storyMiddle.length === 0 || sourceMiddle.length === 0) return null
  const swapped = `quotes “${sourceMiddle.join(' ')}” where the story has “${storyMiddle.join(' ')}”`
  // "have confessed to both robberies" / "have denied any part in the robberies": a longer
  // change turns the quotation when its verbs are opposites and a word of substance around it
  // is kept.
  if (storyMiddle.length > 2 || sourceMiddle.length > 2) {
    const kept = contentWords([...a.slice(0, head), ...a.slice(a.length - tail)].join(' ')).length > 0
    return kept &&
      storyMiddle.length <= 6 &&
      sourceMiddle.length <= 6 &&
      oppositeVerbs(storyMiddle, sourceMiddle, lexicon)
      ? swapped
      : null
  }
  if ((head + tail) / Math.max(a.length, b.length) < 0.5) return null
  const substance = (words: string[]) => contentWords(words.join(' ')).length > 0
  if (!substance(storyMiddle) && !substance(sourceMiddle)) return null
  // Opposites ("right" / "wrong") and a changed scope ("everyone" / "pensioners") turn the
  // quotation; another word of degree ("impossible" / "very difficult") only misquotes it.
  const opposite = storyMiddle.some((x) =>
    sourceMiddle.some((y) => lexicon.antonyms(x, y, 'adj') || lexicon.antonyms(x, y, 'verb'))
  )
  const scope = [...storyMiddle, ...sourceMiddle].some((w) => SCOPE_WORDS.has(w))
  return opposite || scope || oppositeVerbs(storyMiddle, sourceMiddle, lexicon) ? swapped : null
}

/** Whether the two runs of words hold verbs of opposite meaning, by lemma ("confessed" / "denied"). */
function oppositeVerbs(a: readonly string[], b: readonly string[], lexicon: Lexicon): boolean {
  const verbs = (words: readonly string[]) =>
    tokensOf(words.join(' '))
      .filter((t) => t.pos === 'VERB')
      .map((t) => t.lemma)
  const theirs = verbs(b)
  return verbs(a).some((x) => theirs.some((y) => x !== y && lexicon.antonyms(x, y, 'verb')))
}

const SCOPE_WORDS = new Set([
  'everyone',
  'everybody',
  'everything',
  'all',
  'none',
  'nobody',
  'nothing',
  'every',
  'each',
  'always',
  'never'
])

/** What a sentence puts in quotation marks, as quotedWords. */
const quotedKnown = new Map<string, string[]>()

/** The words between quotation marks in a sentence, each quotation as quotedWords gives it; once per sentence. */
function quotedPassages(sentence: string): string[] {
  let known = quotedKnown.get(sentence)
  if (!known) {
    if (quotedKnown.size > 5_000) quotedKnown.clear()
    known = (sentence.match(/[“"][^”"]+[”"]/g) ?? []).map(quotedWords)
    quotedKnown.set(sentence, known)
  }
  return known
}
