import { describe, expect, it } from 'vitest'
import { webAddressSpans } from './web-addresses'

const found = (text: string) => webAddressSpans(text).map((s) => text.slice(s.start, s.end))

describe('webAddressSpans', () => {
  it('finds each form of address: scheme, www. and a bare host with a path', () => {
    expect(found('See https://a.example.org/x?y=1 now')).toEqual(['https://a.example.org/x?y=1'])
    expect(found('See WWW.Example.com for more')).toEqual(['WWW.Example.com'])
    expect(found('Filed at harbour-news.example.net/2019/07/04/fire on Friday')).toEqual([
      'harbour-news.example.net/2019/07/04/fire'
    ])
  })

  it('finds none in a sentence with neither a slash nor www.', () => {
    expect(found('The U.S. Navy said 3.5 million people, or 12.5 per cent, were affected.')).toEqual([])
  })
})
