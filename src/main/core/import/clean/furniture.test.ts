// Furniture rules on made-up copy in the shapes real sites use (not the samples' words).
import { describe, expect, it } from 'vitest'
import { removeFurniture } from './furniture'

const story = [
  'The city council voted on Tuesday to expand the bus network, a decision that officials said would add 40 routes by 2026.',
  'Opponents argued that the plan had not been costed properly and would strain an already stretched budget.',
  'The mayor said the first new routes would open in the spring, subject to the approval of the regional transport authority.'
]

describe('removeFurniture', () => {
  it.each([
    ['ADVERTISEMENT', 'advertising marker'],
    ['Sponsored content', 'advertising marker'],
    ['Story continues below advertisement', 'advertising marker'],
    ['Reading time: 4 minutes', 'reading time'],
    ['5 min read', 'reading time'],
    ['Why you can trust The Daily Example', 'trust notice'],
    ['127', 'lone number (share counter or page number)'],
    ['1.2K shares', 'share counter'],
    ['Share this article', 'sharing tools'],
    ['Skip to main content', 'site navigation'],
    ['Edit post', 'site navigation'],
    ['This audio was generated using text-to-speech', 'audio player notice'],
    ['Enter your email address', 'newsletter form'],
    ['* indicates required', 'newsletter form'],
    ['Sign up for our morning newsletter', 'newsletter form'],
    ['Thank you for subscribing! Check your inbox to confirm.', 'newsletter form'],
    ['Please enter a valid email address.', 'newsletter form'],
    ["You're subscribed!", 'newsletter form'],
    ['© 2024 Example Media Group. All rights reserved.', 'copyright notice'],
    ['Home > World > Europe', 'breadcrumb'],
    ['Photo: Jane Smith/Example Agency', 'photo credit'],
    ['11:42 AM (Updated: 12:10 PM)', 'timestamp']
  ])('removes "%s" as %s', (furniture, reason) => {
    const result = removeFurniture([story[0] as string, furniture, story[1] as string, story[2] as string])
    expect(result.paragraphs).toEqual(story)
    expect(result.removed).toEqual([{ text: furniture, reason }])
  })

  it('keeps story paragraphs that merely mention furniture words', () => {
    const paragraphs = [
      ...story,
      'Advertisement revenue at the paper fell by a third last year, the company said in its annual report.',
      'Readers who subscribe to the print edition will receive the supplement free of charge.',
      '2024 was the warmest year on record, the agency said.',
      'Share prices fell 3% on the news.'
    ]
    expect(removeFurniture(paragraphs)).toEqual({ paragraphs, removed: [] })
  })

  it('removes a "Read more:" heading with its list of links, then resumes the story', () => {
    const result = removeFurniture([
      story[0] as string,
      'Read more:',
      '• Council approves new tram line after years of delay',
      '• Bus drivers vote to strike over pay',
      'Subway extension opens',
      story[1] as string
    ])
    expect(result.paragraphs).toEqual([story[0], 'Subway extension opens', story[1]])
    expect(result.removed).toEqual([
      { text: 'Read more:\n• Council approves new tram line after years of delay\n• Bus drivers vote to strike over pay', reason: 'related links' }
    ])
  })

  it('removes one-line "Related:" links but not prose that starts the same way', () => {
    const prose = 'Read: the minister said the report was incomplete. Officials disagreed.'
    const result = removeFurniture([story[0] as string, 'READ MORE: Council approves new tram line', prose, story[1] as string])
    expect(result.paragraphs).toEqual([story[0], prose, story[1]])
  })

  it('cuts a "Most read" tail of headlines and timestamps after the story', () => {
    const result = removeFurniture([
      ...story,
      'Most read',
      '09:15',
      'Storm closes schools across the region',
      'Local team wins cup final in extra time',
      'Sign up for our newsletter'
    ])
    expect(result.paragraphs).toEqual(story)
    expect(result.removed[0]?.reason).toBe('news feed and page tail')
  })

  it('does not cut at a feed marker followed by ordinary story text', () => {
    const paragraphs = [...story, 'Latest', 'The council will meet again next week to discuss the details of the plan with residents.', 'A spokesperson declined to comment further on the timetable.']
    expect(removeFurniture(paragraphs).paragraphs).toEqual(paragraphs)
  })

  it('removes a trailing breadcrumb and a stranded headline before trailing furniture', () => {
    const result = removeFurniture([...story, 'Storm closes schools across the region', 'Advertisement', '- Politics'])
    expect(result.paragraphs).toEqual(story)
    expect(result.removed.map((r) => r.reason)).toEqual(['link to another article', 'advertising marker', 'breadcrumb'])
  })

  it('keeps a final story sentence even when furniture follows it', () => {
    const result = removeFurniture([...story, 'Advertisement'])
    expect(result.paragraphs).toEqual(story)
  })
})
