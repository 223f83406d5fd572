// Remembers the window's size and position between runs; a damaged or off-screen record falls
// back to the default rather than opening a window the user cannot see.
import { readFileSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { DEFAULT_BOUNDS, type WindowBounds } from './window-options'

const boundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000)
})

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export function loadBounds(file: string, displays: readonly Rect[]): WindowBounds {
  try {
    const saved = boundsSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    if (saved.x === undefined || saved.y === undefined) return { width: saved.width, height: saved.height }
    const { x, y } = saved
    const visible = displays.some(
      (d) => x >= d.x - 50 && y >= d.y - 50 && x < d.x + d.width - 100 && y < d.y + d.height - 100
    )
    return visible ? saved : { width: saved.width, height: saved.height }
  } catch {
    return DEFAULT_BOUNDS
  }
}

export function saveBounds(file: string, bounds: Rect): void {
  try {
    writeFileSync(file, JSON.stringify(bounds))
  } catch {
    // Losing the window position is not worth interrupting the user for.
  }
}
