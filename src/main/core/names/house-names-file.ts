// The house name list as a plain file: one name per line, optionally "Name<TAB>note"; blank lines
// and lines starting with # are ignored. The same format is written on export, so a newsroom can
// keep its authority file in any editor or version control.
export interface HouseNameLine {
  name: string
  note: string | null
}

export function parseHouseNames(text: string): HouseNameLine[] {
  const seen = new Set<string>()
  const names: HouseNameLine[] = []
  for (const raw of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const [namePart, ...noteParts] = line.split('\t')
    const name = (namePart ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)
    const key = name.toLowerCase()
    if (!name || seen.has(key)) continue
    seen.add(key)
    const note = noteParts.join(' ').trim()
    names.push({ name, note: note || null })
  }
  return names
}

export function formatHouseNames(names: readonly HouseNameLine[]): string {
  const body = names.map((n) => (n.note ? `${n.name}\t${n.note.replace(/[\t\r\n]+/g, ' ')}` : n.name))
  return ['# Factdesk house name list: one name per line, optional note after a tab.', ...body, ''].join('\n')
}
