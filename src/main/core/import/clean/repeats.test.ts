import { describe, expect, it } from 'vitest'
import { collapseRepeats } from './repeats'

const caption = 'Rescue workers search the rubble of a residential building after an overnight strike.'

describe('collapseRepeats', () => {
  it('keeps the first of exact duplicates', () => {
    const result = collapseRepeats(['Intro paragraph here.', caption, 'Body text continues here.', caption])
    expect(result.paragraphs).toEqual(['Intro paragraph here.', caption, 'Body text continues here.'])
    expect(result.removed).toEqual([{ text: caption, reason: 'repeated paragraph' }])
  })

  it.each([
    `${caption} | EXAMPLE PHOTO AGENCY`,
    `${caption} Photo: Example Agency`,
    `${caption} (Photo by Jane Smith)`,
    `${caption} (Example Agency/Jane Smith)`
  ])('collapses a repeat that only adds a credit: %s', (credited) => {
    expect(collapseRepeats([caption, credited]).paragraphs).toEqual([caption])
    expect(collapseRepeats([credited, caption]).paragraphs).toEqual([credited])
  })

  it('ignores case, quote style and final punctuation', () => {
    expect(collapseRepeats(['He said “it’s over” today.', 'he said "it\'s over" today']).paragraphs).toHaveLength(1)
  })

  it('keeps short repeats and distinct paragraphs that share a prefix', () => {
    const paragraphs = ['Yes.', 'Question and answer.', 'Yes.', 'Name | Role | Since 2019 | Based in Kyiv', 'Name | Role | Since 2019 | Based in Lviv']
    expect(collapseRepeats(paragraphs).paragraphs).toEqual(paragraphs)
  })
})
