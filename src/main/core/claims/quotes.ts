// Quotations and who said them.
import { claimId, type ExtractedClaim, type Span } from './types'
import { sentenceAt } from './sentences'

// Straight quotes open before a word and close after one, which keeps "a" … "b" from pairing across.
const QUOTE = /“([^”"\n]{12,}?)[”"]|(?<![\p{L}\d])"(?=\S)([^"\n]{12,}?)(?<=\S)"(?![\p{L}\d])/gu
// A speaker's name: capitalized words, with the particles names carry ("de Wit", "von der Leyen").
const NAME = String.raw`(?:(?:von|van|der|den|de|da|di|del|la|le|du|dos|al|el|bin|ibn)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:von|van|der|den|de|da|di|del|la|le|du|dos|al|el|bin|ibn)\s+)*\p{Lu}[\p{L}\p{M}'’.-]*){0,3}`
const AFTER = new RegExp(
  String.raw`^[,.]?\s*(?:(${NAME})\s+(?:said|says|told|added|wrote|stressed)|(?:said|says|added|told reporters)\s+(${NAME})|(he|she|they)\s+(?:said|added|told))`,
  'u'
)
const BEFORE = new RegExp(
  String.raw`(${NAME})\s+(?:said|says|told\s+\w+|added|stressed|noted|wrote)(?:\s+that)?[:,]?\s*$`,
  'u'
)

export function extractQuotes(
  text: string,
  sentences: readonly Span[],
  people: readonly ExtractedClaim[]
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = []
  QUOTE.lastIndex = 0
  for (let m = QUOTE.exec(text); m; m = QUOTE.exec(text)) {
    const inner = m[1] ?? m[2]!
    if (inner.trim().split(/\s+/).length < 3) continue
    const start = m.index
    const end = start + m[0].length
    const after = AFTER.exec(text.slice(end, end + 80))
    const before = BEFORE.exec(text.slice(Math.max(0, start - 80), start))
    let speaker: string | null = after?.[1] ?? after?.[2] ?? before?.[1] ?? null
    // "…," he said: the speaker is the last person named before the quote.
    if (!speaker && after?.[3]) speaker = people.filter((p) => p.end <= start).pop()?.text ?? null
    if (speaker) {
      const said = speaker
      const known = people.find(
        (p) =>
          p.text === said ||
          (p.normalized['surname'] as string | undefined) === said ||
          p.text.endsWith(` ${said}`)
      )
      speaker = (known?.normalized['personKey'] as string | undefined) ?? speaker
    }
    claims.push({
      id: claimId('quote', start),
      kind: 'quote',
      text: m[0],
      start,
      end,
      sentence: sentenceAt(sentences, start),
      normalized: { quote: inner, speaker }
    })
  }
  return claims
}
