// The claim engine may not get worse: every figure of `npm run eval` against its floor
// (eval-floors.json, set at the figures the engine reached; raise them as it improves).
import { beforeAll, describe, expect, it } from 'vitest'
import { evaluate, readFloors } from './evaluate'
import { floorValues } from './figures'

const floors = readFloors()
let values: Record<string, number>

describe('claim engine evaluation (shared/eval clusters, controlled edits, relation pairs)', () => {
  beforeAll(async () => {
    values = floorValues((await evaluate()).figures)
  }, 240_000)

  for (const [name, floor] of Object.entries(floors)) {
    it(`${name} ${name.startsWith('max') ? '≤' : '≥'} ${floor}`, () => {
      expect(values[name], `${name} is not a figure of the evaluation`).toBeDefined()
      if (name.startsWith('max')) expect(values[name]!).toBeLessThanOrEqual(floor)
      else expect(values[name]!).toBeGreaterThanOrEqual(floor)
    })
  }
})
