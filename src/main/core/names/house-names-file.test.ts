import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatHouseNames, parseHouseNames } from './house-names-file'

describe('house name list file', () => {
  it('reads names and notes, skipping comments, blanks and repeats', () => {
    const text =
      '\ufeff# our spellings\nVolodymyr Zelensky\tAP style\n\n  Yoko   Kamikawa \nvolodymyr zelensky\r\n'
    expect(parseHouseNames(text)).toEqual([
      { name: 'Volodymyr Zelensky', note: 'AP style' },
      { name: 'Yoko Kamikawa', note: null }
    ])
  })

  it('reads back exactly what it writes (property)', () => {
    // Names as the parser leaves them: single-spaced, trimmed, no tabs or line breaks, no leading #.
    const clean = (max: number) =>
      fc
        .string({ minLength: 1, maxLength: max })
        .map((s) =>
          s
            .replace(/[\t\r\n\ufeff]/g, ' ')
            .replace(/\s+/g, ' ')
            .trim()
        )
        .filter((s) => s !== '' && !s.startsWith('#'))
    const lines = fc.uniqueArray(fc.record({ name: clean(30), note: fc.option(clean(20)) }), {
      maxLength: 10,
      selector: (l) => l.name.toLowerCase()
    })
    fc.assert(
      fc.property(lines, (list) => {
        expect(parseHouseNames(formatHouseNames(list))).toEqual(list)
      })
    )
  })
})
