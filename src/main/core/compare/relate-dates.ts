// How a source's date bears on the story's date for the same event. Only the parts both sides
// wrote are compared: a year that was inferred ("16 November") is not evidence about the year.
import type { Relation } from '../../../shared/check'
import type { NormalizedDate } from '../claims/dates'

const RANK = { decade: 0, year: 1, month: 2, day: 3 } as const

function parts(d: NormalizedDate): {
  year: string | null
  month: string | null
  day: string | null
  decade: string | null
} {
  if (d.precision === 'decade') return { decade: d.value.slice(0, 3), year: null, month: null, day: null }
  const [y, m, day] = d.value.split('-')
  return {
    decade: d.yearImplied ? null : (y ?? '').slice(0, 3),
    year: d.yearImplied ? null : (y ?? null),
    month: m ?? null,
    day: day ?? null
  }
}

/** The date as written: no year where none was written. */
function shown(d: NormalizedDate): string {
  return d.yearImplied ? `${d.value.slice(5)} (no year written)` : d.value
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** Two clock times: the same, within a hedge's half hour, or different. */
function relateTimes(story: NormalizedDate, source: NormalizedDate): { relation: Relation; reason: string } {
  const gap = Math.abs(minutes(story.time!) - minutes(source.time!))
  if (gap === 0) return { relation: 'supports', reason: `same time (${story.time})` }
  if ((story.timeApproximate || source.timeApproximate) && gap <= 30)
    return {
      relation: 'partial',
      reason: `close times, one of them approximate: story ${story.time}, source ${source.time}`
    }
  return { relation: 'contradicts', reason: `the source gives ${source.time}, the story ${story.time}` }
}

const isFall = (s: string) => s === 'fall' || s === 'autumn'

function spell(minutes: number): string {
  if (minutes < 1) return 'seconds'
  if (minutes < 90) return `${Math.round(minutes)} min`
  if (minutes < 2880) return `${Math.round(minutes / 60)} h`
  return `${Math.round(minutes / 1440)} days`
}

/** "Moments later" and "about an hour later": how long after, compared as intervals. */
function relateElapsed(a: [number, number], b: [number, number]): { relation: Relation; reason: string } {
  const range = ([lo, hi]: [number, number]) => (lo === hi ? spell(lo) : `${spell(lo)}–${spell(hi)}`)
  if (a[1] < b[0] || b[1] < a[0])
    return {
      relation: 'contradicts',
      reason: `the source puts it ${range(b)} later, the story ${range(a)} later`
    }
  const same = Math.abs(a[0] - b[0]) < 1 && Math.abs(a[1] - b[1]) < 1
  return same
    ? { relation: 'supports', reason: 'the same time after' }
    : { relation: 'partial', reason: `compatible times after: story ${range(a)}, source ${range(b)}` }
}

/** Evening runs into night; morning, afternoon and evening do not overlap. */
function partsDiffer(a: NormalizedDate['part'], b: NormalizedDate['part']): boolean {
  if (!a || !b || a === b) return false
  const adjacent = new Set(['evening:night', 'night:evening', 'night:morning', 'morning:night'])
  return !adjacent.has(`${a}:${b}`)
}

export function relateDates(
  story: NormalizedDate,
  source: NormalizedDate
): { relation: Relation; reason: string } | null {
  if (story.unresolved || source.unresolved) return null
  if (story.elapsed || source.elapsed)
    return story.elapsed && source.elapsed ? relateElapsed(story.elapsed, source.elapsed) : null
  // A clock time alone says nothing about the day; it is compared with another time only.
  if (story.timeOnly || source.timeOnly) return story.time && source.time ? relateTimes(story, source) : null
  if (
    story.season &&
    source.season &&
    story.season !== source.season &&
    !(isFall(story.season) && isFall(source.season))
  )
    return { relation: 'contradicts', reason: `the source says ${source.season}, the story ${story.season}` }
  const a = parts(story)
  const b = parts(source)
  const compared: string[] = []
  for (const key of ['decade', 'year', 'month', 'day'] as const) {
    const x = a[key]
    const y = b[key]
    if (x === null || y === null) continue
    if (x !== y)
      return {
        relation: 'contradicts',
        reason: `the source gives ${shown(source)}, the story ${shown(story)}`
      }
    compared.push(key)
  }
  if (compared.length === 0) return null
  if (compared.includes('day')) {
    if (story.time && source.time) return relateTimes(story, source)
    if (partsDiffer(story.part, source.part))
      return {
        relation: 'contradicts',
        reason: `the same day, but the source says ${source.part} and the story ${story.part}`
      }
  }
  // A source that leaves the year unwritten ("on 16 November") still dates the day; only a
  // coarser source ("February 2022" for a day) is partial.
  if (RANK[source.precision] < RANK[story.precision]) {
    return {
      relation: 'partial',
      reason: `the source agrees but is less precise (${compared.join(', ')} only)`
    }
  }
  return {
    relation: 'supports',
    reason:
      b.year === null && a.year !== null
        ? 'same day and month; the source does not give the year'
        : `same date (${compared.join(', ')})`
  }
}
