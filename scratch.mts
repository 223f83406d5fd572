import { runCluster, clusterDirs } from './src/main/eval/clusters.ts'
for (const dir of clusterDirs('/work/shared/eval/clusters')) {
  const run = await runCluster(dir)
  for (const s of run.scores) {
    if (s.outcome !== 'false-conflict') continue
    const res = run.results.get(s.item.story)!
    const lc = s.item.claim!.toLowerCase()
    const c = res.claims.find(c => (!s.item.kind || c.kind === s.item.kind) && (c.text.toLowerCase().includes(lc) || lc.includes(c.text.toLowerCase()) && c.text.length > 3) && (c.status === 'conflicting' || c.evidence.some(e => e.relation === 'contradicts')))!
    const story = res.claims.length && c ? c : null
    console.log(`\n### ${run.cluster.slice(0,8)} ${s.item.id} [${c.kind}] "${c.text}" status=${c.status} flags=${c.flags.map(f=>f.kind).join(',')}`)
    for (const e of c.evidence.filter(e => e.relation === 'contradicts')) console.log(`   ✗ ${e.reason} :: ${e.text.slice(0, 160)}`)
    for (const f of c.flags) console.log(`   ⚑ ${f.kind}: ${f.message.slice(0,160)}`)
  }
}
