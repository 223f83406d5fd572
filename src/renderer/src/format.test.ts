import { describe, expect, it } from 'vitest'
import { counted, dateForPeople } from './format'

describe('format for people', () => {
  it('counts with the right number', () => {
    expect(counted(1, 'piece', 'pieces')).toBe('1 piece')
    expect(counted(3, 'piece', 'pieces')).toBe('3 pieces')
    expect(counted(1200, 'word', 'words')).toBe('1,200 words')
  })

  it('writes dates as people do', () => {
    expect(dateForPeople('2024-11-16')).toBe('16 November 2024')
    expect(dateForPeople('2024-11')).toBe('November 2024')
    expect(dateForPeople('2024-11-16T19:06:00Z')).toBe('16 November 2024, 19:06')
    expect(dateForPeople('sometime')).toBe('sometime')
  })
})
