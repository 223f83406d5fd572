// A small library with something in every table a desk push copies: texts with removed
// furniture, a check whose result names its story and sources, decisions with a pinned passage,
// undo and redo in the history, an editor claim, assignments, review steps and house names.
import type { CheckResult } from '../../shared/check'
import type { DecisionInput } from '../../shared/workbench'
import type { Library } from '../../main/library'
import { bytesOf, makeDoc } from './docs'

export const addText = (
  library: Library,
  paragraphs: string[],
  meta: { title?: string; role?: 'story' | 'source' } = {}
) => {
  const doc = makeDoc(paragraphs, {
    title: meta.title ?? null,
    outlet: 'Coast Daily',
    removed: [{ text: 'ADVERTISEMENT', reason: 'advertising marker' }] as never
  })
  return library.importDocument({
    fileName: `${paragraphs[0]!.slice(0, 10)}.html`,
    bytes: bytesOf(`<p>${doc.cleanedText}</p>`),
    doc,
    role: meta.role ?? 'source'
  })
}

const claim = (id: string, sourceId: number, silent: number[]) => ({
  id,
  kind: 'quantity' as const,
  text: '12',
  start: 0,
  end: 2,
  sentence: { start: 0, end: 10 },
  normalized: { value: 12 },
  status: 'conflicting' as const,
  flags: [],
  evidence: [
    {
      sourceId,
      sourceTitle: 'Wire',
      outlet: null,
      paragraphIndex: 0,
      text: '40',
      start: 0,
      end: 2,
      relation: 'contradicts' as const,
      reason: 'figure differs'
    }
  ],
  silent
})

const decision = (checkId: number, claimId: string, input: Partial<DecisionInput>): DecisionInput => ({
  checkId,
  claimId,
  status: 'verified',
  correctedText: null,
  note: null,
  pinned: [],
  ...input
})

/**
 * A library with two sources, a story, a check of it with decisions, undo and redo entries,
 * a pinned passage, an editor claim and house names.
 */
export async function fillLibrary(library: Library): Promise<void> {
  const wire = await addText(library, ['Forty people were hurt in the blast on Friday.', 'Police said so.'], {
    title: 'Wire'
  })
  const other = await addText(library, ['Twelve were killed, officials said.'], { title: 'Other outlet' })
  const story = await addText(library, ['12 people died in the blast on Friday.', 'More later.'], {
    title: 'Blast kills 12',
    role: 'story'
  })
  const result: CheckResult = {
    version: 1,
    story: {
      id: story.id,
      title: 'Blast kills 12',
      publishedAt: null,
      inferredDate: '2024-05-03',
      inferredFrom: [wire.id]
    },
    sources: [wire.id, other.id].map((id) => ({
      id,
      title: null,
      outlet: null,
      publishedAt: null,
      url: null
    })),
    versions: [{ id: other.id, title: 'Other outlet', share: 0.1, included: false }],
    claims: [claim('c1', wire.id, [other.id]), claim('c2', other.id, [])],
    generatedAt: '2024-05-03T10:00:00.000Z'
  }
  const check = await library.checks.create({
    storyId: story.id,
    title: 'Blast kills 12',
    sourceIds: [wire.id, other.id],
    result
  })
  const pinned = [
    { sourceId: wire.id, paragraphIndex: 0, start: 0, end: 5, text: 'Forty', sourceTitle: 'Wire' }
  ]
  await library.checks.decide(decision(check.id, 'c1', { status: 'disputed', note: 'wire says 40', pinned }))
  await library.checks.decide(
    decision(check.id, 'c2', {
      status: 'corrected',
      correctedText: '12 people',
      publish: true,
      publicExplanation: 'Per police.'
    })
  )
  // A review step between decisions, so the entry it names is not simply the last one.
  await library.reviews.record({ checkId: check.id, from: 'in_progress', to: 'ready', comment: null }, 'Ana')
  await library.checks.undo(check.id)
  await library.checks.redo(check.id)
  await library.checks.undo(check.id)
  await library.reviews.record(
    { checkId: check.id, from: 'ready', to: 'returned', comment: 'Source the 12.' },
    'Rui'
  )
  await library.reviews.assign({ checkId: check.id, claimId: null, assignee: 'Ana' }, 'Rui')
  await library.reviews.assign({ checkId: check.id, claimId: 'c1', assignee: 'Rui' }, 'Rui')
  await library.reviews.assign({ checkId: check.id, claimId: 'c2', assignee: 'Ana' }, 'Ana')
  await library.reviews.assign({ checkId: check.id, claimId: 'c2', assignee: null }, 'Rui')
  await library.checks.addEditorClaim(check.id, { kind: 'event', start: 3, end: 9 })
  await library.addHouseName('Yoko Kamikawa', 'foreign minister')
  await library.addHouseName('Andrii Sybiha')
}
