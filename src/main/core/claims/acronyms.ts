// Acronyms in running text: call letters, agencies, parties.

/**
 * An all-capitals word of 3–5 letters in running text (a station's call letters, an agency):
 * not inside a shouted headline, where every word is in capitals.
 */
export function isAcronymAt(text: string, start: number, end: number): boolean {
  if (end - start < 3 || end - start > 5) return false
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c < 65 || c > 90) return false
  }
  const around = text.slice(Math.max(0, start - 30), start) + text.slice(end, end + 30)
  const lower = (around.match(/\p{Ll}/gu) ?? []).length
  const upper = (around.match(/\p{Lu}/gu) ?? []).length
  return lower > upper * 2
}
