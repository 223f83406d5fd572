// Outcomes that exclude each other, which WordNet does not record as antonyms: a bill is passed
// or defeated, a rate raised, cut or held, a suspect released or charged. Each family is one
// decision; its groups are the answers to it. Two verbs from different groups of one family
// report different outcomes of the same decision.

const FAMILIES: ReadonlyArray<ReadonlyArray<ReadonlyArray<string>>> = [
  [
    ['approve', 'pass', 'adopt', 'clear', 'authorize', 'authorise', 'endorse', 'ratify', 'sanction'],
    ['reject', 'block', 'veto', 'defeat', 'refuse', 'deny', 'scrap', 'overturn', 'strike']
  ],
  [
    ['raise', 'hike', 'increase', 'lift'],
    ['cut', 'lower', 'reduce', 'slash', 'trim'],
    ['hold', 'keep', 'leave', 'maintain', 'freeze']
  ],
  [
    ['close', 'shut', 'shutter'],
    ['open', 'reopen', 'remain', 'stay']
  ],
  [
    ['release', 'free', 'discharge'],
    ['charge', 'detain', 'jail', 'imprison', 'remand', 'convict']
  ],
  [
    ['ground', 'suspend', 'cancel', 'halt'],
    ['fly', 'operate', 'continue', 'resume']
  ],
  [
    ['resign', 'quit', 'leave'],
    ['stay', 'remain']
  ]
]

const groupsOf = new Map<string, Array<[number, number]>>()
FAMILIES.forEach((family, f) =>
  family.forEach((group, g) =>
    group.forEach((verb) => groupsOf.set(verb, [...(groupsOf.get(verb) ?? []), [f, g]]))
  )
)

/** Whether two verb lemmas give different outcomes of one decision ("passed" / "defeated"). */
export function exclusiveOutcomes(a: string, b: string): boolean {
  if (a === b) return false
  const x = groupsOf.get(a) ?? []
  const y = groupsOf.get(b) ?? []
  return (
    x.some(([f, g]) => y.some(([f2, g2]) => f === f2 && g !== g2)) &&
    !x.some(([f, g]) => y.some(([f2, g2]) => f === f2 && g === g2))
  )
}
