import { checkCluster } from './src/main/eval/clusters.ts'
const r = (await checkCluster('/work/shared/eval/clusters/germanwings-crash-2015-03')).get('02-npr.html')!
for (const c of r.claims) if (/Merkel|Digne/.test(c.text)) console.log(c.kind, c.text, c.status, JSON.stringify(c.flags), c.evidence.map(e=>e.relation+':'+e.text.slice(0,60)))
