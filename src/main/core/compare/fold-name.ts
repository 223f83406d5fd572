// Names compared as letters, whatever the script's accents or a transliteration did to them.

/** Lower case, no accents, German and Nordic transliterations folded: Koenig = König = Konig. */
export function foldName(name: string): string {
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
