// Agreements and events: who signed, agreed, pledged, visited or met what.
import { claimId, type ExtractedClaim, type Span } from './types'

const VERBS: Record<string, string> = {
  signed: 'sign',
  sign: 'sign',
  signs: 'sign',
  agreed: 'agree',
  agrees: 'agree',
  pledged: 'pledge',
  pledges: 'pledge',
  promised: 'pledge',
  visited: 'visit',
  visits: 'visit',
  met: 'meet',
  meets: 'meet',
  announced: 'announce',
  announces: 'announce',
  deployed: 'deploy',
  dispatched: 'deploy',
  sent: 'send',
  sends: 'send',
  launched: 'launch',
  provided: 'provide',
  provides: 'provide',
  invited: 'invite',
  condemned: 'condemn',
  approved: 'approve',
  arrived: 'arrive',
  arrives: 'arrive',
  attacked: 'attack',
  killed: 'kill',
  delivered: 'deliver',
  allocated: 'allocate',
  imposed: 'impose',
  reaffirmed: 'reaffirm'
}
const VERB = new RegExp(`\\b(${Object.keys(VERBS).join('|')})\\b`, 'gi')
const PRONOUN = /^(?:he|she|they|it|we)$/i

/** Entities (people, organizations, places) already found, to name the event's subject. */
export function extractEvents(
  text: string,
  sentences: readonly Span[],
  entities: readonly ExtractedClaim[]
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = []
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end)
    VERB.lastIndex = 0
    for (let m = VERB.exec(body); m; m = VERB.exec(body)) {
      const verbStart = sentence.start + m.index
      const verbEnd = verbStart + m[0].length
      // The object: what follows, up to the end of the clause, at most a dozen words.
      const rest = text.slice(verbEnd, sentence.end)
      const clause = /^[^,;:.!?—()"“”]*/.exec(rest)?.[0] ?? ''
      const objectWords = clause.trim().split(/\s+/).filter(Boolean).slice(0, 12)
      const object = objectWords.join(' ')
      if (!object) continue
      const objectEnd =
        verbEnd +
        clause.indexOf(objectWords[objectWords.length - 1]!) +
        objectWords[objectWords.length - 1]!.length
      const before = entities.filter(
        (e) => e.end <= verbStart && e.start >= sentence.start && e.kind !== 'role'
      )
      const subjectEntity = before[before.length - 1]
      const pronoun = /\b(he|she|they|it|we)\s+(?:\w+\s+)?$/i.exec(text.slice(sentence.start, verbStart))?.[1]
      const subject = subjectEntity?.text ?? (pronoun && PRONOUN.test(pronoun) ? pronoun : null)
      claims.push({
        id: claimId('event', verbStart),
        kind: 'event',
        text: text.slice(verbStart, objectEnd),
        start: verbStart,
        end: objectEnd,
        sentence,
        normalized: { verb: VERBS[m[1]!.toLowerCase()]!, subject, object }
      })
    }
  }
  return claims
}
