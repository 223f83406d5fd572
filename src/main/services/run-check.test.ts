// A check of a story far longer than any story is refused before it starts, with the reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/errors'
import type { Library } from '../library'
import { openLibrary } from '../library/sqlite'
import { importFiles } from './importer'
import { MAX_CHECK_WORDS, runCheck } from './run-check'

let library: Library
beforeEach(() => {
  library = openLibrary(':memory:')
})
afterEach(async () => await library.close())

async function importText(name: string, text: string): Promise<number> {
  const [outcome] = await importFiles(library, [{ name, bytes: new TextEncoder().encode(text) }], {
    role: 'story'
  })
  if (!outcome || outcome.status === 'rejected') throw new Error(`${name} was not imported`)
  return outcome.id
}

describe('runCheck limits', () => {
  it('refuses a story longer than a check reads, saying how long it is and what to do', async () => {
    const sentence = 'The council voted on Tuesday to build a flood barrier across the river mouth. '
    // Distinct paragraphs: the importer drops repeated ones as page furniture.
    const paragraphs = Array.from(
      { length: Math.ceil(MAX_CHECK_WORDS / 140) + 10 },
      (_, i) => `Session ${i + 1}. ${sentence.repeat(10)}`
    )
    const id = await importText('inquiry-transcript.txt', paragraphs.join('\n\n'))
    const started = Date.now()
    let refused: unknown
    try {
      await runCheck(library, id)
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).code).toBe('TOO_LARGE')
    expect((refused as ApiError).message).toMatch(/has [\d,]+ words; a check reads at most 100,000/)
    // Refused before any work: well under the time the engine would take.
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('checks a story of ordinary length', async () => {
    const id = await importText(
      'story.txt',
      'The council voted on Tuesday to build a flood barrier, officials said.'
    )
    expect((await runCheck(library, id)).claims.length).toBeGreaterThan(0)
  })
})
