// A store's content with every id replaced by what it stands for (a text by its content, a
// history entry by its place in its check), so two stores holding the same library under other
// ids compare equal: the desk push and the desk backup tests read both sides through it.
import type { Library } from '../../main/library'

// Where a stored check names a text, found by walking the JSON rather than with the push's own
// remap functions, so a reference those functions forget shows up here as a difference.
const TEXT_ID_LISTS = new Set(['silent', 'inferredFrom', 'sourceIds'])
const TEXT_ID_FIELDS = new Set(['sourceId', 'storyId'])
const HOLDS_TEXT_ID = new Set(['story', 'sources', 'versions'])

function keyed(value: unknown, key: ReadonlyMap<number, string>, textHere = false): unknown {
  const text = (id: unknown) => key.get(id as number) ?? `gone ${String(id)}`
  if (Array.isArray(value)) return value.map((v) => keyed(v, key, textHere))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([name, v]) => {
      if (TEXT_ID_LISTS.has(name) && Array.isArray(v)) return [name, v.map(text)]
      if (TEXT_ID_FIELDS.has(name) || (textHere && name === 'id')) return [name, text(v)]
      return [name, keyed(v, key, HOLDS_TEXT_ID.has(name))]
    })
  )
}

/** Everything a store holds that a push carries, with ids replaced by what they stand for. */
export async function portable(library: Library) {
  const { texts } = await library.list({ limit: 1000, offset: 0 })
  const details = await Promise.all(texts.map((t) => library.get(t.id)))
  const byHash = details.map((d) => d!).sort((a, b) => a.contentHash.localeCompare(b.contentHash))
  // A text's stand-in: its content.
  const key = new Map(byHash.map((d) => [d.id, d.contentHash]))
  const textsOut = await Promise.all(
    byHash.map(async ({ id, paragraphs, ...rest }) => ({
      ...rest,
      paragraphs: paragraphs.map(({ id: _p, ...p }) => p),
      bytes: Buffer.from((await library.originalBytes(id))!).toString('base64')
    }))
  )
  const checks = []
  for (const summary of await library.checks.list()) {
    const stored = (await library.checks.get(summary.id))!
    const history = await library.checks.history(summary.id)
    const place = new Map(history.map((h, i) => [h.id, i]))
    checks.push(
      keyed(
        {
          summary: { ...stored.summary, id: 0 },
          result: stored.result,
          decisions: await library.checks.decisions(summary.id),
          history: history.map((h) => ({
            ...h,
            id: place.get(h.id),
            ...(h.undoes !== undefined ? { undoes: place.get(h.undoes) } : {}),
            ...(h.redoes !== undefined ? { redoes: place.get(h.redoes) } : {})
          })),
          undo: await library.checks.undoState(summary.id),
          editorClaims: (await library.checks.editorClaims(summary.id)).map(({ rowId: _r, ...c }) => c),
          assignments: await library.reviews.assignments(summary.id),
          review: (await library.reviews.history(summary.id)).map((step, i) => ({
            ...step,
            id: i,
            decisionEntry: step.decisionEntry === null ? null : place.get(step.decisionEntry)
          }))
        },
        key
      )
    )
  }
  const houseNames = (await library.listHouseNames()).map(({ id: _id, ...n }) => n)
  return { texts: textsOut, checks, houseNames }
}
