import { describe, expect, it } from 'vitest'
import { extractDates, type NormalizedDate } from './dates'
import { splitSentences } from './sentences'

function dates(text: string, publishedAt: string | null = '2023-03-15') {
  return extractDates(text, splitSentences(text), publishedAt).map((c) => ({
    text: c.text,
    ...(c.normalized as NormalizedDate)
  }))
}

describe('dates', () => {
  it('reads centuries by ordinal and hundreds before 1900, years dated to, and minutes later as elapsed', () => {
    const found = dates('A 12th-century tower, rebuilt in the 1500s, was dated to 1134; the 1990s ended.')
    expect(found.map((d) => [d.text, d.precision, d.value])).toEqual([
      ['12th-century', 'century', '11xx'],
      ['1500s', 'century', '15xx'],
      ['1134', 'year', '1134'],
      ['1990s', 'decade', '199x']
    ])
    const [later] = dates('A second blast came 20 minutes later.')
    expect(later?.elapsed).toBeDefined()
  })

  it('keeps the precision that was written', () => {
    const [day, month, year, decade] = [
      dates('The bridge reopened on 4 July 2021 after repairs.')[0]!,
      dates('Sales fell in March 2019, the company said.')[0]!,
      dates('The law was passed in 1998 by parliament.')[0]!,
      dates('Inflation was higher in the 1970s than now.')[0]!
    ]
    expect([day.precision, day.value]).toEqual(['day', '2021-07-04'])
    expect([month.precision, month.value]).toEqual(['month', '2019-03'])
    expect([year.precision, year.value]).toEqual(['year', '1998'])
    expect([decade.precision, decade.value, decade.text]).toEqual(['decade', '197x', '1970s'])
  })

  it('reads medieval years after a preposition, not a count that follows one', () => {
    expect(dates('The monastery, founded in 1345, was damaged.').map((d) => d.value)).toEqual(['1345'])
    expect(dates('The firm settled in 1200 cases last year.').map((d) => d.text)).not.toContain('1200')
  })

  it('reads ordinal dates and abbreviated months', () => {
    expect(dates('Voting closes on the 3rd of May.')[0]).toMatchObject({
      precision: 'day',
      value: '2023-05-03',
      yearImplied: true
    })
    expect(dates('The strike began Sept. 9, 2020, at dawn.')[0]).toMatchObject({
      value: '2020-09-09',
      yearImplied: false
    })
  })

  it('resolves relative dates against the publication date and says they were relative', () => {
    expect(dates('The mayor resigned last month.')[0]).toMatchObject({
      precision: 'month',
      value: '2023-02',
      relative: true
    })
    expect(dates('The mayor spoke on Monday in the chamber.')[0]).toMatchObject({
      precision: 'day',
      value: '2023-03-13',
      relative: true,
      weekday: 'Monday'
    })
  })

  it('leaves a relative date unresolved when the text has no publication date', () => {
    expect(dates('The mayor resigned last month.', null)[0]).toMatchObject({
      relative: true,
      unresolved: true
    })
  })

  it('marks a year that was not written', () => {
    expect(dates('Talks resume on 12 October.')[0]).toMatchObject({ yearImplied: true, precision: 'day' })
  })

  it('spans are exact and exclude the preposition', () => {
    const text = 'Elections were held on March 5, 2018, nationwide.'
    const [d] = extractDates(text, splitSentences(text), null)
    expect(text.slice(d!.start, d!.end)).toBe('March 5, 2018')
  })

  it('reads a clock time as a time of no particular day, and ignores vague phrases', () => {
    const found = dates('The session ran until 7:30 PM and later that day it resumed.')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ text: '7:30 PM', time: '19:30', timeOnly: true, timeApproximate: false })
  })

  it('marks a hedged clock time as approximate', () => {
    expect(dates('The blast came at about 9 p.m. on the south side.')[0]).toMatchObject({
      time: '21:00',
      timeApproximate: true
    })
  })

  it('does not read durations as dates', () => {
    expect(dates('He had flown for 10 years; it is the worst fire in 80 years.', '2015-03-24')).toEqual([])
  })

  it('keeps the part of the day and drops a count chrono reads as a day of the month', () => {
    const [d] = dates('Late Sunday evening, 19 crew members were killed.', '2013-07-01')
    expect(d).toMatchObject({ text: 'Sunday evening', value: '2013-06-30', part: 'evening' })
  })

  it('reads elapsed times and seasons', () => {
    const [later] = dates('About an hour later, a second blast hit the station.')
    expect(later).toMatchObject({ timeOnly: true, elapsed: [45, 75] })
    const [summer] = dates('The jet was last inspected last summer.', '2015-03-24')
    expect(summer).toMatchObject({ season: 'summer', value: '2014-07' })
  })

  it('reads the forms newsrooms write, resolved against the publication date', () => {
    // Published Friday 2023-03-17.
    const at = (text: string) => dates(text, '2023-03-17')[0]
    expect(at('The pact was sealed on Feb. 22, 2022, in Minsk.')).toMatchObject({
      text: 'Feb. 22, 2022',
      precision: 'day',
      value: '2022-02-22',
      relative: false
    })
    expect(at('Elections follow the Nov. 5 primary.')).toMatchObject({
      text: 'Nov. 5',
      precision: 'day',
      yearImplied: true
    })
    expect(at('The summit opened on 16 November in Lima.')).toMatchObject({
      text: '16 November',
      value: expect.stringMatching(/-11-16$/)
    })
    expect(at('The mine closed in January after the flood.')).toMatchObject({
      text: 'January',
      precision: 'month'
    })
    expect(at('The minister flew to Oslo on Saturday.')).toMatchObject({
      text: 'Saturday',
      precision: 'day',
      relative: true,
      weekday: 'Saturday',
      value: '2023-03-11'
    })
    // The future tense looks forward: the Saturday after publication.
    expect(at('The ministers will meet on Saturday.')).toMatchObject({ value: '2023-03-18' })
    expect(at('Wages stagnated through the 1990s.')).toMatchObject({ precision: 'decade', value: '199x' })
  })
})
