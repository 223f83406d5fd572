import { describe, expect, it } from 'vitest'
import { extractQuantities, intervalsOverlap, type NormalizedQuantity } from './quantities'
import { splitSentences } from './sentences'

function q(text: string) {
  return extractQuantities(text, splitSentences(text)).map((c) => ({
    text: c.text,
    kind: c.kind,
    ...(c.normalized as NormalizedQuantity)
  }))
}

describe('quantities and money', () => {
  it('turns hedges into intervals', () => {
    expect(q('Police said more than 2,500 protesters gathered.')[0]).toMatchObject({
      low: 2500,
      high: null,
      lowInclusive: false,
      unitHead: 'protester',
      hedge: 'more than'
    })
    expect(q('The hall holds up to 800 people.')[0]).toMatchObject({
      low: 0,
      high: 800,
      highInclusive: true,
      hedge: 'up to'
    })
    expect(q('It took nearly 40 minutes.')[0]).toMatchObject({ low: 36, high: 40, highInclusive: false })
    expect(q('About 300 firms signed.')[0]).toMatchObject({ low: 270, high: 330 })
  })

  it('reads money with currency and scale, however written', () => {
    expect(q('The fund raised €3bn last year.')[0]).toMatchObject({
      kind: 'money',
      value: 3e9,
      currency: 'EUR',
      text: '€3bn'
    })
    expect(q('A deal worth $1.5 billion was announced.')[0]).toMatchObject({
      kind: 'money',
      value: 1.5e9,
      currency: 'USD'
    })
    expect(q('It costs 1.5bn in total.')[0]).toMatchObject({ value: 1.5e9 })
    expect(q('The club paid £45m for the striker.')[0]).toMatchObject({
      kind: 'money',
      value: 45e6,
      currency: 'GBP'
    })
  })

  it('reads ranges, word numbers and vague amounts', () => {
    expect(q('Between 5 and 7 villages flooded.')[0]).toMatchObject({ low: 5, high: 7 })
    expect(q('Officials counted 10,000–12,000 marchers.')[0]).toMatchObject({
      low: 10000,
      high: 12000,
      unitHead: 'marcher'
    })
    expect(q('A dozen reporters waited outside.')[0]).toMatchObject({ value: 12, unitHead: 'reporter' })
    expect(q('Thousands of residents fled the fires.')[0]).toMatchObject({ low: 2000, unitHead: 'resident' })
  })

  it('leaves years, clock times and ordinals alone', () => {
    expect(q('In 2019 the plant closed at 3 p.m. on its 5th anniversary.')).toEqual([])
  })

  it('compares hedged intervals honestly', () => {
    const [more] = q('more than 10,000 soldiers')
    const [upTo] = q('up to 12,000 soldiers')
    const [under] = q('fewer than 9,000 soldiers')
    expect(intervalsOverlap(more!, upTo!)).toBe(true)
    expect(intervalsOverlap(more!, under!)).toBe(false)
  })

  it('reads the hedged figures of a news story with their units', () => {
    expect(q('The ministry said more than 10,000 soldiers were moved.')[0]).toMatchObject({
      text: 'more than 10,000 soldiers',
      kind: 'quantity',
      low: 10_000,
      high: null,
      lowInclusive: false,
      unitHead: 'soldier',
      hedge: 'more than'
    })
    expect(q('Officials say up to 12,000 sailors are aboard.')[0]).toMatchObject({
      low: 0,
      high: 12_000,
      highInclusive: true,
      unitHead: 'sailor'
    })
    expect(q('The bank lent nearly $12 billion to farmers.')[0]).toMatchObject({
      kind: 'money',
      currency: 'USD',
      low: 10.8e9,
      high: 12e9,
      highInclusive: false
    })
    expect(q('The army received 50 heavy howitzers.')[0]).toMatchObject({
      text: '50 heavy howitzers',
      value: 50,
      unitHead: 'howitzer'
    })
    expect(q('Thousands of volunteers arrived.')[0]).toMatchObject({
      low: 2000,
      high: 9999,
      hedge: 'thousands'
    })
  })
})
