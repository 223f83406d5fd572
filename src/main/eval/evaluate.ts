// One evaluation run: the development clusters, the controlled edits and the relation pairs, as
// figures. Shared by `npm run eval` and the floors test that CI runs.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clusterDirs, runCluster, type ClusterRun } from './clusters'
import { runEdits, type ControlledEdit, type EditOutcome } from './controlled-edits'
import { summarize, type EvalFigures } from './figures'
import { relatePair, type PairOutcome, type RelationPair } from './relation-pairs'

export const EVAL_DIR = fileURLToPath(new URL('.', import.meta.url))
export const PROJECT_ROOT = join(EVAL_DIR, '..', '..', '..')

/** shared/ beside the clone, as CI lays it out; FACTDESK_SHARED overrides. */
export function sharedDir(): string {
  return process.env['FACTDESK_SHARED'] ?? join(PROJECT_ROOT, '..', 'shared')
}

function readCases<T>(name: string): T[] {
  const file = join(EVAL_DIR, 'cases', name)
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T[]) : []
}

export interface EvalRun {
  clusters: ClusterRun[]
  edits: EditOutcome[]
  pairs: PairOutcome[]
  figures: EvalFigures
}

export async function evaluate(shared = sharedDir()): Promise<EvalRun> {
  const root = join(shared, 'eval', 'clusters')
  if (!existsSync(root))
    throw new Error(
      `No development clusters at ${root}: put shared/ beside the project or set FACTDESK_SHARED.`
    )
  const clusters: ClusterRun[] = []
  for (const dir of clusterDirs(root)) clusters.push(await runCluster(dir))
  const edits = await runEdits(readCases<ControlledEdit>('controlled-edits.json'), shared)
  const pairs = readCases<RelationPair>('relation-pairs.json').map(relatePair)
  return { clusters, edits, pairs, figures: summarize(clusters, edits, pairs) }
}

export function readFloors(): Record<string, number> {
  return JSON.parse(readFileSync(join(EVAL_DIR, 'eval-floors.json'), 'utf8')) as Record<string, number>
}
