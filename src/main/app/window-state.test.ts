import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BOUNDS } from './window-options'
import { loadBounds, saveBounds } from './window-state'
import { scratchDirs } from '../../test-support/scratch-dirs'

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]
const scratch = scratchDirs('factdesk-ws-')
const file = () => join(scratch(), 'window-state.json')

describe('window state', () => {
  it('remembers size and position', () => {
    const f = file()
    saveBounds(f, { x: 100, y: 80, width: 1400, height: 900 })
    expect(loadBounds(f, screen)).toEqual({ x: 100, y: 80, width: 1400, height: 900 })
  })

  it('keeps the size but drops a position that is on no screen any more', () => {
    const f = file()
    saveBounds(f, { x: 4000, y: 80, width: 1400, height: 900 })
    expect(loadBounds(f, screen)).toEqual({ width: 1400, height: 900 })
  })

  it('falls back to the default for a missing or damaged record', () => {
    const f = file()
    expect(loadBounds(f, screen)).toEqual(DEFAULT_BOUNDS)
    writeFileSync(f, '{"width": "huge"')
    expect(loadBounds(f, screen)).toEqual(DEFAULT_BOUNDS)
    writeFileSync(f, JSON.stringify({ width: 5, height: 5 }))
    expect(loadBounds(f, screen)).toEqual(DEFAULT_BOUNDS)
  })
})
