import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { MATCH_CLOSE, MATCH_OPEN, queryWords, splitHighlighted, toFtsAnyQuery, toFtsQuery } from './fts-query'

describe('toFtsQuery', () => {
  it('quotes every word and prefix-matches it', () => {
    expect(toFtsQuery('Iwaya Kyiv')).toBe('"Iwaya"* "Kyiv"*')
  })

  it('keeps balanced quotes as an exact phrase and ignores an unbalanced one', () => {
    expect(toFtsQuery('"foreign minister" Kyiv')).toBe('"foreign minister" "Kyiv"*')
    expect(toFtsQuery('"foreign minister')).toBe('"foreign"* "minister"*')
  })

  it('reduces other operators and punctuation to plain words', () => {
    expect(toFtsQuery('NEAR(a b) NOT -x: ^y*')).toBe('"NEAR"* "a" "b" "NOT"* "x" "y"')
    expect(toFtsQuery('10,000 troops')).toBe('"10"* "000"* "troops"*')
  })

  it('keeps OR and AND between two terms as operators, and reads them as words anywhere else', () => {
    expect(toFtsQuery('Kamikawa OR Kakmikawa')).toBe('"Kamikawa"* OR "Kakmikawa"*')
    expect(toFtsQuery('Iwaya Kyiv OR "foreign minister" Tokyo')).toBe(
      '"Iwaya"* "Kyiv"* OR "foreign minister" "Tokyo"*'
    )
    expect(toFtsQuery('Iwaya AND Kyiv')).toBe('"Iwaya"* "Kyiv"*')
    expect(toFtsQuery('OR Kyiv')).toBe('"OR"* "Kyiv"*')
    expect(toFtsQuery('Kyiv OR')).toBe('"Kyiv"* "OR"*')
    expect(toFtsQuery('Kyiv OR OR Tokyo')).toBe('"Kyiv"* "OR"* "OR"* "Tokyo"*')
    // Lower case is a word, as in FTS5.
    expect(toFtsQuery('Kyiv or Tokyo')).toBe('"Kyiv"* "or"* "Tokyo"*')
  })

  it('makes a phrase a prefix when * follows its closing quote; a word is a prefix anyway', () => {
    expect(toFtsQuery('"foreign min"* troop*')).toBe('"foreign min"* "troop"*')
    expect(toFtsQuery('"foreign min" *')).toBe('"foreign min"')
  })

  it('lists the words typed with where they are, for a spelling suggestion to replace', () => {
    const input = 'Kamikawa OR "foreign  minister"'
    const words = queryWords(input)
    expect(words.map((w) => w.text)).toEqual(['Kamikawa', 'foreign', 'minister'])
    for (const w of words) expect(input.slice(w.start, w.end)).toBe(w.text)
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
      'OR',
      'a OR',
      'OR a',
      'a OR OR b',
      'AND OR NOT',
      '"a" OR "b"*',
      '*"a"',
      '"*"',
      '""*',
      'a OR "" OR b',
      Array.from({ length: 40 }, (_, i) => `w${i}`).join(' OR '),
      Array.from({ length: 300 }, (_, i) => `w${i}`).join(' ')
    ]
    for (const input of nasty) {
      const query = toFtsQuery(input)
      if (query !== null) expect(() => search.get(query), input).not.toThrow()
    }
    expect(search.get(toFtsQuery('"with OR and" near'))).toEqual({ n: 1 })
    db.close()
  })

  it('finds what FTS5 finds for OR, phrases and prefixes', () => {
    const db = new Database(':memory:')
    db.exec("CREATE VIRTUAL TABLE f USING fts5(t, tokenize = 'unicode61 remove_diacritics 2')")
    const insert = db.prepare('INSERT INTO f (t) VALUES (?)')
    for (const t of [
      'Kamikawa in Kyiv',
      'Kakmikawa in Tokyo',
      'the foreign minister spoke',
      'minister of foreign trade'
    ])
      insert.run(t)
    const found = (input: string) =>
      db
        .prepare<[string], { t: string }>('SELECT t FROM f WHERE f MATCH ? ORDER BY rowid')
        .all(toFtsQuery(input)!)
        .map((r) => r.t)
    expect(found('Kamikawa OR Kakmikawa')).toEqual(['Kamikawa in Kyiv', 'Kakmikawa in Tokyo'])
    expect(found('Kamikawa Kyiv OR Tokyo')).toEqual(['Kamikawa in Kyiv', 'Kakmikawa in Tokyo'])
    expect(found('"foreign minister"')).toEqual(['the foreign minister spoke'])
    expect(found('"foreign min"*')).toEqual(['the foreign minister spoke'])
    expect(found('foreign minister')).toEqual(['the foreign minister spoke', 'minister of foreign trade'])
    expect(found('Kami')).toEqual(['Kamikawa in Kyiv'])
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
