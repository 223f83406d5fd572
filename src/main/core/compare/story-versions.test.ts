import { describe, expect, it } from 'vitest'
import { storyVersions } from './story-versions'

const story = [
  'The regional council approved the new tram line to the airport on Tuesday evening.',
  'Construction is due to start in the spring and last about three years, officials said.',
  'The line will cost 420 million euros, of which the state pays half.',
  'Opponents say the money would be better spent on buses for the outer villages.',
  'Advertisement'
]

describe('story versions', () => {
  it('finds a corrected copy that repeats most paragraphs word for word', () => {
    const corrected = [
      ...story.slice(0, 2),
      'The line will cost 440 million euros, of which the state pays half.',
      ...story.slice(3)
    ]
    expect(storyVersions(story, [{ id: 7, paragraphs: corrected }])).toEqual([{ id: 7, share: 0.75 }])
  })

  it('ignores case and punctuation, and paragraphs too short to tell', () => {
    const shouted = story.map((p) => p.toUpperCase().replace(/[.,]/g, ''))
    expect(storyVersions(story, [{ id: 3, paragraphs: shouted }]).map((v) => v.id)).toEqual([3])
  })

  it('leaves another outlet’s report of the same event alone', () => {
    const other = [
      'Councillors backed an airport tram on Tuesday after a four-hour debate.',
      'The line will cost 420 million euros, of which the state pays half.',
      'Work starts in spring.'
    ]
    expect(storyVersions(story, [{ id: 4, paragraphs: other }])).toEqual([])
  })
})
