// Names compared as letters, whatever the script's accents or a transliteration did to them.

/** Lower case, no accents, German and Nordic transliterations folded: Koenig = König = Konig. */
export function foldName(name: string): string {
  let folded = known.get(name)
  if (folded === undefined) {
    if (known.size > 20_000) known.clear()
    known.set(name, (folded = fold(name)))
  }
  return folded
}

/** Names are folded again and again (every candidate passage of every claim): each once. */
const known = new Map<string, string>()

function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/([aou])e/g, '$1')
    .replace(/[’']s$/, '')
}
