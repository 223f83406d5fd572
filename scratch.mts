import { checkStory } from './src/main/core/compare/check-story.ts'
function check(story: string, sources: string[], publishedAt: string | null = '2025-05-14') {
  return checkStory({ story: { id: 1, title: 'story', text: story, publishedAt }, sources: sources.map((text, i) => ({ id: i + 2, title: `s${i + 2}`, outlet: null, publishedAt, url: null, paragraphs: text.split('\n\n').map((p, index) => ({ index, text: p })) })), now: new Date(0) })
}
const show = (r: any, t: string) => { for (const c of r.claims) if (c.text.includes(t)) console.log(c.kind, c.text, c.status, JSON.stringify(c.normalized), JSON.stringify(c.flags), c.evidence.map((e: any) => e.relation + ': ' + e.reason)) }
show(check('The new tunnel runs for nearly 3 km under the harbour, the city said.', ['The tunnel under the harbour runs for more than 3 km, the city said.']), '3 km')
const noise = Array.from({ length: 60 }, (_, i) => `Harbour officials in Tarvik said the winter storm and the harbour repairs and the ferry timetable were discussed at meeting ${i}.`)
show(check('Harbour officials in Tarvik said the winter storm sank 14 fishing boats in the harbour.', [[...noise, 'The storm sank 9 fishing boats.'].join('\n\n')]), 'boats')
show(check('Harbour officials in Tarvik said the winter storm sank 14 fishing boats in the harbour.', ['The storm sank 9 fishing boats.']), 'boats')
