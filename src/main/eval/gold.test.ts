// The scorer port (gold.ts) gives the verdicts of the reference scorer shared/eval/score.mjs on
// the same check results, item by item.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clusterDirs, runCluster } from './clusters'
import { sharedDir } from './evaluate'
import type { Gold } from './gold'

describe('gold scoring', () => {
  it('agrees with shared/eval/score.mjs on every item of every cluster', async () => {
    const shared = sharedDir()
    const dirs = clusterDirs(join(shared, 'eval', 'clusters'))
    expect(dirs.length).toBeGreaterThan(0)
    for (const dir of dirs) {
      const run = await runCluster(dir)
      const out = mkdtempSync(join(tmpdir(), 'factdesk-gold-'))
      try {
        for (const [story, result] of run.results)
          writeFileSync(join(out, `${story}.json`), JSON.stringify(result))
        const ref = spawnSync(
          process.execPath,
          [join(shared, 'eval', 'score.mjs'), join(dir, 'gold.json'), out],
          {
            encoding: 'utf8'
          }
        )
        const verdicts = new Map(
          [...ref.stdout.matchAll(/^(ok {2}|MISS) \w+ (\S+):/gm)].map((m) => [m[2]!, m[1] === 'ok  '])
        )
        const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold
        expect(verdicts.size).toBe(gold.items.length)
        for (const s of run.scores) expect([s.item.id, s.ok]).toEqual([s.item.id, verdicts.get(s.item.id)])
      } finally {
        rmSync(out, { recursive: true, force: true })
      }
    }
  }, 120_000)
})
