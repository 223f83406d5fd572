import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { MATCH_CLOSE, MATCH_OPEN, splitHighlighted, toFtsAnyQuery, toFtsQuery } from './fts-query'

describe('toFtsQuery', () => {
  it('quotes every word and prefix-matches it', () => {
    expect(toFtsQuery('Iwaya Kyiv')).toBe('"Iwaya"* "Kyiv"*')
  })

  it('keeps balanced quotes as an exact phrase and ignores an unbalanced one', () => {
    expect(toFtsQuery('"foreign minister" Kyiv')).toBe('"foreign minister" "Kyiv"*')
    expect(toFtsQuery('"foreign minister')).toBe('"foreign"* "minister"*')
  })

  it('reduces operators and punctuation to plain words', () => {
    expect(toFtsQuery('NEAR(a b) OR -x: ^y*')).toBe('"NEAR"* "a" "b" "OR"* "x" "y"')
    expect(toFtsQuery('10,000 troops')).toBe('"10"* "000"* "troops"*')
  })

  it('returns null when nothing searchable is left', () => {
    for (const input of ['', '   ', '"', '()', '*', '"""', '-- ;']) expect(toFtsQuery(input)).toBeNull()
  })

  it('never produces a query FTS5 rejects, whatever is typed', () => {
    const db = new Database(':memory:')
    db.exec("CREATE VIRTUAL TABLE f USING fts5(t, tokenize = 'unicode61 remove_diacritics 2')")
    db.prepare('INSERT INTO f (t) VALUES (?)').run('a (quoted) "text" with OR and NEAR in it')
    const search = db.prepare('SELECT count(*) AS n FROM f WHERE f MATCH ?')
    const nasty = [
      '"',
      '""',
      '"a',
      'a"b"c',
      '(',
      ')',
      '(()',
      'a AND',
      'OR',
      'NOT a',
      'NEAR(',
      'NEAR(a b, 2',
      'col:value',
      't:text',
      '^a',
      '*',
      'a*b',
      '+',
      '{a b}',
      "'",
      "a'b",
      '\\',
      '\u0000',
      'é́́',
      '日本 外務大臣',
      '😀 emoji',
      'a'.repeat(500),
      Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ')
    ]
    for (const input of nasty) {
      const query = toFtsQuery(input)
      if (query !== null) expect(() => search.get(query), input).not.toThrow()
    }
    expect(search.get(toFtsQuery('"with OR and" near'))).toEqual({ n: 1 })
    db.close()
  })
})

describe('toFtsAnyQuery', () => {
  it('ORs the terms, a term of several words as a phrase', () => {
    expect(toFtsAnyQuery(['Kamikawa', 'North Korea', '10,000'])).toBe(
      '"Kamikawa"* OR "North Korea"* OR "10 000"*'
    )
  })

  it('drops empty terms and repeats', () => {
    expect(toFtsAnyQuery(['', '!!', 'Kyiv', 'Kyiv'])).toBe('"Kyiv"*')
    expect(toFtsAnyQuery([])).toBeNull()
  })
})

describe('splitHighlighted', () => {
  it('turns markers into segments and never keeps them in the text', () => {
    const marked = `…the ${MATCH_OPEN}foreign${MATCH_CLOSE} ${MATCH_OPEN}minister${MATCH_CLOSE} said`
    expect(splitHighlighted(marked)).toEqual([
      { text: '…the ', match: false },
      { text: 'foreign', match: true },
      { text: ' ', match: false },
      { text: 'minister', match: true },
      { text: ' said', match: false }
    ])
  })

  it('passes markup through as plain text', () => {
    expect(splitHighlighted(`<b>${MATCH_OPEN}x${MATCH_CLOSE}</b>`)).toEqual([
      { text: '<b>', match: false },
      { text: 'x', match: true },
      { text: '</b>', match: false }
    ])
  })
})
