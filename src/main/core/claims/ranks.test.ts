import { describe, expect, it } from 'vitest'
import { extractRanks } from './ranks'
import { splitSentences } from './sentences'

const ranks = (text: string) =>
  extractRanks(text, splitSentences(text)).map((c) => [c.text, c.normalized['rank'], c.normalized['degree']])

describe('ranks', () => {
  it('reads the superlative, its rank and the thing ranked', () => {
    expect(ranks('The crash is the second-deadliest in French territory since 1981.')).toEqual([
      ['second-deadliest', 2, 'deadliest']
    ])
    expect(ranks('It was the deadliest U.S. wildfire in at least 30 years.')).toEqual([
      ['deadliest U.S. wildfire', 1, 'deadliest']
    ])
    expect(ranks('Meridia is the third-largest bank, analysts said.')).toEqual([
      ['third-largest bank', 3, 'largest']
    ])
  })

  it('leaves alone words in -est that rank nothing, and "one of the most"', () => {
    expect(ranks('He is the latest to face arrest; she is one of the most vocal critics.')).toEqual([])
  })
})
