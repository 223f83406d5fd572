// The development clusters (shared/eval/clusters/<event>): every article checked as the story
// against the others, in one in-memory library per cluster, then scored against gold.json. The
// same run as shared/eval/run-cluster.sh, without a process and an import per story.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CheckResult } from '../../shared/check'
import { openLibrary } from '../library/sqlite'
import { importFiles } from '../services/importer'
import { runCheck } from '../services/run-check'
import { scoreGold, type Gold, type ItemScore } from './gold'

export interface ClusterRun {
  cluster: string
  results: Map<string, CheckResult>
  scores: ItemScore[]
}

/** The articles of a set: its notes and gold file are about them, not among them. */
export function articleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(html?|txt|md)$/i.test(f) && !/^(notes|readme|license)/i.test(f))
    .sort()
}

export function clusterDirs(root: string): string[] {
  if (!existsSync(root)) return []
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'gold.json')))
    .map((d) => join(root, d.name))
    .sort()
}

/** Every article of the cluster as the story, the rest as its sources. */
export async function checkCluster(dir: string): Promise<Map<string, CheckResult>> {
  const files = articleFiles(dir)
  const library = openLibrary(':memory:')
  try {
    const outcomes = await importFiles(
      library,
      files.map((name) => ({ name, path: join(dir, name) })),
      { role: 'source' }
    )
    const ids = new Map<string, number>()
    outcomes.forEach((o, i) => {
      if (o.status === 'rejected') throw new Error(`${files[i]} could not be imported: ${o.message}`)
      ids.set(files[i]!, o.id)
    })
    const results = new Map<string, CheckResult>()
    for (const [file, id] of ids) {
      const sourceIds = [...ids.values()].filter((other) => other !== id)
      results.set(file, await runCheck(library, id, { sourceIds }))
    }
    return results
  } finally {
    await library.close()
  }
}

export async function runCluster(dir: string): Promise<ClusterRun> {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold
  const results = await checkCluster(dir)
  return { cluster: gold.cluster, results, scores: scoreGold(gold, results) }
}
