// Controlled edits of real texts: one fact changed (or only reworded) in a copy of an article,
// which is then checked against the unchanged others of its set. A changed fact must come out as
// a conflict on the changed claim; a rewording must not.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CheckedClaim, CheckResult, ClaimKind } from '../../shared/check'
import { openLibrary } from '../library/sqlite'
import { importFiles } from '../services/importer'
import { runCheck } from '../services/run-check'
import { articleFiles } from './clusters'
import { isConflict } from './gold'

export interface ControlledEdit {
  id: string
  /** Relative to shared/: "eval/clusters/<event>" or "samples/<folder>". */
  set: string
  story: string
  find: string
  replace: string
  claim: string
  kind?: ClaimKind
  expect: 'conflict' | 'no-conflict'
  evidence?: string
  class: string
  why?: string
}

export interface EditOutcome {
  edit: ControlledEdit
  ok: boolean
  extracted: boolean
  why: string
}

/** A finding an editor sees: a contradicting passage, or a name flagged against the sources. */
function isFinding(c: CheckedClaim): boolean {
  return isConflict(c) || c.flags.some((f) => f.kind === 'spelling-variant' || f.kind === 'spelling-to-check')
}

function judge(edit: ControlledEdit, result: CheckResult): EditOutcome {
  const wanted = edit.claim.toLowerCase()
  const claims = result.claims.filter(
    (c) =>
      (!edit.kind || c.kind === edit.kind) &&
      (c.text.toLowerCase().includes(wanted) || (wanted.includes(c.text.toLowerCase()) && c.text.length > 3))
  )
  if (claims.length === 0) return { edit, ok: false, extracted: false, why: 'claim not extracted' }
  if (edit.expect === 'no-conflict') {
    const bad = claims.find(isFinding)
    return {
      edit,
      ok: !bad,
      extracted: true,
      why: bad ? `false conflict on "${bad.text}" (${bad.status})` : 'quiet'
    }
  }
  const evidence = edit.evidence?.toLowerCase()
  const good = claims.find(
    (c) => isFinding(c) && (!evidence || c.evidence.some((e) => e.text.toLowerCase().includes(evidence)))
  )
  return {
    edit,
    ok: !!good,
    extracted: true,
    why: good
      ? `"${good.text}" ${good.status}`
      : `not found: ${claims
          .slice(0, 2)
          .map((c) => `"${c.text}" ${c.status}`)
          .join('; ')}`
  }
}

export async function checkEdited(edit: ControlledEdit, shared: string): Promise<CheckResult> {
  const dir = join(shared, edit.set)
  const raw = readFileSync(join(dir, edit.story), 'utf8')
  const at = raw.indexOf(edit.find)
  if (at < 0 || raw.indexOf(edit.find, at + 1) >= 0)
    throw new Error(`edit ${edit.id}: “${edit.find}” must occur exactly once in ${edit.set}/${edit.story}`)
  const edited = raw.slice(0, at) + edit.replace + raw.slice(at + edit.find.length)
  const others = articleFiles(dir).filter((f) => f !== edit.story)
  const library = openLibrary(':memory:')
  try {
    const [story] = await importFiles(
      library,
      [{ name: edit.story, bytes: new TextEncoder().encode(edited) }],
      {
        role: 'story'
      }
    )
    if (!story || story.status === 'rejected')
      throw new Error(`edit ${edit.id}: the edited story was not imported`)
    const sources = await importFiles(
      library,
      others.map((name) => ({ name, path: join(dir, name) })),
      { role: 'source' }
    )
    const sourceIds = sources.flatMap((o) => (o.status === 'rejected' || o.id === story.id ? [] : [o.id]))
    return await runCheck(library, story.id, { sourceIds })
  } finally {
    await library.close()
  }
}

export async function runEdits(edits: readonly ControlledEdit[], shared: string): Promise<EditOutcome[]> {
  const outcomes: EditOutcome[] = []
  for (const edit of edits) outcomes.push(judge(edit, await checkEdited(edit, shared)))
  return outcomes
}
