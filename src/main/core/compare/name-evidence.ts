// The passages behind a name finding: where the sources write the name the other way. An editor
// settling a spelling needs to see the other spelling in its sentence, not only be told of it.
import type { Evidence } from '../../../shared/check'
import { sentenceAt, splitSentences } from '../claims/sentences'
import type { CheckSource } from './check-story'
import { nameWords, type NameFinding, type NameVocabulary } from './names'

/** Passages per spelling: one per source, a few sources. */
const PER_SPELLING = 3

export function nameEvidence(
  storyName: string,
  finding: NameFinding,
  vocabulary: NameVocabulary,
  sourceById: ReadonlyMap<number, CheckSource>
): Evidence[] {
  const out: Evidence[] = []
  for (const spelling of finding.spellings) {
    // The word that differs finds the other spelling; a shared word may be another person's.
    const own = new Set(nameWords(storyName))
    const words = nameWords(spelling)
    const differing = words.filter((w) => !own.has(w))
    const pool = differing.length ? differing : words
    const key = pool.length ? pool.reduce((a, b) => (b.length > a.length ? b : a)) : spelling
    const used = new Set<number>()
    for (const seen of vocabulary.sightings(key)) {
      if (used.size >= PER_SPELLING) break
      if (used.has(seen.sourceId)) continue
      const source = sourceById.get(seen.sourceId)
      const paragraph = source?.paragraphs[seen.textIndex]
      if (!source || !paragraph) continue
      const text = paragraph.text
      // The whole spelling near the sighting, else the word itself.
      const from = Math.max(0, seen.offset - spelling.length - 40)
      const at = text.indexOf(spelling, from)
      const offset = at >= 0 && at <= seen.offset + key.length ? at : seen.offset
      const sentence = sentenceAt(splitSentences(text), offset)
      out.push({
        sourceId: source.id,
        sourceTitle: source.title,
        outlet: source.outlet,
        paragraphIndex: paragraph.index,
        text: text.slice(sentence.start, sentence.end),
        start: sentence.start,
        end: sentence.end,
        relation: finding.relation,
        reason: `writes “${spelling}”`
      })
      used.add(source.id)
    }
  }
  return out
}
