// The evaluation's figures, its tables (Markdown, for the terminal and EVAL.md) and its floors.
import type { ClusterRun } from './clusters'
import type { EditOutcome } from './controlled-edits'
import type { ItemScore } from './gold'
import { pairFigures, type PairFigures, type PairOutcome } from './relation-pairs'

export interface GoldFigures {
  hard: [number, number]
  soft: [number, number]
  trap: [number, number]
  falseConflicts: number
  trapsNotExtracted: number
}

export interface EvalFigures {
  clusters: Array<{ cluster: string } & GoldFigures>
  total: GoldFigures
  byKind: Array<{ kind: string } & GoldFigures>
  edits: {
    conflict: [number, number]
    quiet: [number, number]
    byClass: Array<{ name: string; found: [number, number] }>
  }
  pairs: PairFigures
  pairsByKind: Array<{ kind: string } & PairFigures>
}

function goldFigures(scores: readonly ItemScore[]): GoldFigures {
  const count = (level: string): [number, number] => {
    const items = scores.filter((s) => s.item.level === level)
    return [items.filter((s) => s.ok).length, items.length]
  }
  const traps = scores.filter((s) => s.item.level === 'TRAP')
  return {
    hard: count('HARD'),
    soft: count('SOFT'),
    trap: count('TRAP'),
    falseConflicts: traps.filter((s) => s.outcome === 'false-conflict').length,
    trapsNotExtracted: traps.filter((s) => s.outcome === 'not-extracted').length
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const t of items) groups.set(key(t), [...(groups.get(key(t)) ?? []), t])
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)))
}

const found = (list: readonly EditOutcome[]): [number, number] => [
  list.filter((e) => e.ok).length,
  list.length
]

export function summarize(
  clusters: readonly ClusterRun[],
  edits: readonly EditOutcome[],
  pairs: readonly PairOutcome[]
): EvalFigures {
  const all = clusters.flatMap((c) => c.scores)
  return {
    clusters: clusters.map((c) => ({ cluster: c.cluster, ...goldFigures(c.scores) })),
    total: goldFigures(all),
    byKind: [...groupBy(all, (s) => s.item.kind ?? '(any)')].map(([kind, s]) => ({
      kind,
      ...goldFigures(s)
    })),
    edits: {
      conflict: found(edits.filter((e) => e.edit.expect === 'conflict')),
      quiet: found(edits.filter((e) => e.edit.expect === 'no-conflict')),
      byClass: [...groupBy(edits, (e) => `${e.edit.class} (${e.edit.expect})`)].map(([name, list]) => ({
        name,
        found: found(list)
      }))
    },
    pairs: pairFigures(pairs),
    pairsByKind: [...groupBy(pairs, (p) => p.pair.kind)].map(([kind, list]) => ({
      kind,
      ...pairFigures(list)
    }))
  }
}

const frac = ([a, b]: [number, number]) => `${a}/${b}`
const pct = (x: number | null) => (x === null ? '–' : x.toFixed(2))

function goldRow(name: string, g: GoldFigures): string {
  return `| ${name} | ${frac(g.hard)} | ${frac(g.soft)} | ${frac(g.trap)} | ${g.falseConflicts} | ${g.trapsNotExtracted} |`
}

function pairRow(name: string, p: PairFigures): string {
  return `| ${name} | ${p.pairs} | ${p.extracted} | ${pct(p.supportsPrecision)} (${p.supportsPredicted}) | ${pct(p.contradictsRecall)} (${p.contradictsExpected}) | ${pct(p.contradictsPrecision)} | ${pct(p.agreement)} |`
}

export function figuresTable(f: EvalFigures): string {
  const goldHead =
    '| | HARD found | SOFT found | TRAP quiet | false conflicts | TRAP not extracted |\n|---|---:|---:|---:|---:|---:|'
  const pairHead =
    '| kind | pairs | claim found | supports precision (n) | contradicts recall (n) | contradicts precision | agreement |\n|---|---:|---:|---:|---:|---:|---:|'
  return [
    '## Development clusters (shared/eval)',
    '',
    goldHead,
    ...f.clusters.map((c) => goldRow(c.cluster, c)),
    goldRow('**all**', f.total),
    '',
    'By the kind the gold item names:',
    '',
    goldHead,
    ...f.byKind.map((k) => goldRow(k.kind, k)),
    '',
    '## Controlled edits of real texts',
    '',
    `Changed facts found: ${frac(f.edits.conflict)}; rewordings left quiet: ${frac(f.edits.quiet)}.`,
    '',
    '| class | right |\n|---|---:|',
    ...f.edits.byClass.map((c) => `| ${c.name} | ${frac(c.found)} |`),
    '',
    '## Relation pairs',
    '',
    pairHead,
    ...f.pairsByKind.map((k) => pairRow(k.kind, k)),
    pairRow('**all**', f.pairs)
  ].join('\n')
}

/** Each floor names a figure; "max" floors are ceilings (false conflicts). */
export function floorValues(f: EvalFigures): Record<string, number> {
  return {
    hardFound: f.total.hard[0],
    softFound: f.total.soft[0],
    trapQuiet: f.total.trap[0],
    maxFalseConflicts: f.total.falseConflicts,
    maxTrapsNotExtracted: f.total.trapsNotExtracted,
    editConflictsFound: f.edits.conflict[0],
    editRewordingsQuiet: f.edits.quiet[0],
    pairSupportsPrecision: f.pairs.supportsPrecision ?? 0,
    pairContradictsRecall: f.pairs.contradictsRecall ?? 0
  }
}

export function floorFailures(f: EvalFigures, floors: Record<string, number>): string[] {
  const values = floorValues(f)
  return Object.entries(floors).flatMap(([name, floor]) => {
    const value = values[name]
    if (value === undefined) return [`${name}: no such figure`]
    const ok = name.startsWith('max') ? value <= floor : value >= floor
    return ok ? [] : [`${name} is ${value}, floor ${floor}`]
  })
}
