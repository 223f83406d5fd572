// How a source's date bears on the story's date for the same event. Only the parts both sides
// wrote are compared: a year that was inferred ("16 November") is not evidence about the year.
import type { Relation } from '../../../shared/check'
import type { DayPart, NormalizedDate } from '../claims/dates'

const RANK = { century: -1, decade: 0, year: 1, month: 2, day: 3 } as const

function parts(d: NormalizedDate): {
  year: string | null
  month: string | null
  day: string | null
  decade: string | null
  century: string | null
} {
  if (d.precision === 'century')
    return { century: d.value.slice(0, 2), decade: null, year: null, month: null, day: null }
  if (d.precision === 'decade')
    return { century: d.value.slice(0, 2), decade: d.value.slice(0, 3), year: null, month: null, day: null }
  const [y, m, day] = d.value.split('-')
  return {
    century: d.yearImplied ? null : (y ?? '').slice(0, 2),
    decade: d.yearImplied ? null : (y ?? '').slice(0, 3),
    year: d.yearImplied ? null : (y ?? null),
    month: m ?? null,
    day: day ?? null
  }
}

/** The date as written: no year where none was written. */
function shown(d: NormalizedDate): string {
  if (d.precision === 'century') {
    const n = Number(d.value.slice(0, 2)) + 1
    const suffix =
      n % 10 === 1 && n !== 11
        ? 'st'
        : n % 10 === 2 && n !== 12
          ? 'nd'
          : n % 10 === 3 && n !== 13
            ? 'rd'
            : 'th'
    return `the ${n}${suffix} century`
  }
  if (d.precision === 'decade') return `the ${d.value.slice(0, 3)}0s`
  return d.yearImplied ? `${d.value.slice(5)} (no year written)` : d.value
}

/** Minutes since midnight of a clock time written HH:MM. */
export function minutes(time: string): number {
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
export function relateElapsed(
  a: [number, number],
  b: [number, number]
): { relation: Relation; reason: string } {
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

/** The hours a part of the day can cover, [from, to) on a 24-hour clock; night wraps past midnight. */
const PART_HOURS: Record<DayPart, [number, number]> = {
  dawn: [3, 7],
  morning: [5, 12],
  afternoon: [12, 17],
  evening: [17, 22],
  night: [20, 30]
}

function hoursOf(part: DayPart): Array<[number, number]> {
  const [from, to] = PART_HOURS[part]
  return to > 24
    ? [
        [from, 24],
        [0, to - 24]
      ]
    : [[from, to]]
}

/** Whether two parts of the day can name the same hour: evening runs into night, dawn into morning. */
function partsOverlap(a: DayPart, b: DayPart): boolean {
  return hoursOf(a).some(([x, y]) => hoursOf(b).some(([u, v]) => x < v && u < y))
}

/** Whether a clock time (HH:MM) falls in a part of the day, give or take half an hour. */
function timeInPart(time: string, part: DayPart): boolean {
  const hour = minutes(time) / 60
  return hoursOf(part).some(([from, to]) => hour >= from - 0.5 && hour < to + 0.5)
}

/**
 * Two dates already known to name the same day: what their times and parts of the day add. A
 * source that gives the day but not the story's time or part of it agrees only partly.
 */
function relateWithinDay(
  story: NormalizedDate,
  source: NormalizedDate,
  agreed: string
): { relation: Relation; reason: string } {
  if (story.time && source.time) return relateTimes(story, source)
  const storyPart = story.part ?? null
  const sourcePart = source.part ?? null
  if (story.time && sourcePart)
    return timeInPart(story.time, sourcePart)
      ? {
          relation: 'partial',
          reason: `${agreed}; the source says ${sourcePart}, not the time ${story.time}`
        }
      : {
          relation: 'contradicts',
          reason: `the same day, but the source says ${sourcePart} and the story ${story.time}`
        }
  if (source.time && storyPart)
    return timeInPart(source.time, storyPart)
      ? { relation: 'supports', reason: `${agreed}, at ${source.time}` }
      : {
          relation: 'contradicts',
          reason: `the same day, but the source says ${source.time} and the story ${storyPart}`
        }
  if (storyPart && sourcePart && !partsOverlap(storyPart, sourcePart))
    return {
      relation: 'contradicts',
      reason: `the same day, but the source says ${sourcePart} and the story ${storyPart}`
    }
  if (story.time)
    return { relation: 'partial', reason: `${agreed}; the source does not give the time ${story.time}` }
  if (storyPart && !sourcePart)
    return { relation: 'partial', reason: `${agreed}; the source does not say ${storyPart}` }
  return { relation: 'supports', reason: agreed }
}

/**
 * Dates that could not be placed on a calendar (no publication date to read "on Saturday"
 * against) are still comparable by the weekday each names: within one news event, "Friday" and
 * "Saturday" are different days whatever the week.
 */
function relateWeekdays(
  story: NormalizedDate,
  source: NormalizedDate
): { relation: Relation; reason: string } | null {
  if (!story.weekday || !source.weekday || story.precision !== 'day' || source.precision !== 'day')
    return null
  if (story.weekday !== source.weekday)
    return {
      relation: 'contradicts',
      reason: `the source says ${source.weekday}, the story ${story.weekday}`
    }
  return relateWithinDay(story, source, `same weekday (${story.weekday})`)
}

/** "Late Sunday night" and "early Monday": a day apart by the calendar, maybe not by the clock. */
function acrossMidnight(story: NormalizedDate, source: NormalizedDate): boolean {
  if (story.precision !== 'day' || source.precision !== 'day' || story.yearImplied !== source.yearImplied)
    return false
  const gap = (Date.parse(source.value) - Date.parse(story.value)) / 86_400_000
  if (Math.abs(gap) !== 1) return false
  const [earlier, later] = gap === 1 ? [story, source] : [source, story]
  return earlier.part === 'night' && later.part === 'dawn'
}

/** The parts two dates agree on, as a reason names them: a year's agreement implies its century's. */
function agreedParts(compared: readonly string[]): string {
  const implied = compared.includes('year')
    ? ['century', 'decade']
    : compared.includes('decade')
      ? ['century']
      : []
  return compared.filter((k) => !implied.includes(k)).join(', ')
}

export function relateDates(
  story: NormalizedDate,
  source: NormalizedDate
): { relation: Relation; reason: string } | null {
  if (story.elapsed || source.elapsed)
    return story.elapsed && source.elapsed ? relateElapsed(story.elapsed, source.elapsed) : null
  // A clock time alone says nothing about the day; it is compared with another time only, and
  // needs no publication date to be read.
  if (story.timeOnly || source.timeOnly) return story.time && source.time ? relateTimes(story, source) : null
  if (story.unresolved || source.unresolved) return relateWeekdays(story, source)
  if (
    story.season &&
    source.season &&
    story.season !== source.season &&
    !(isFall(story.season) && isFall(source.season))
  )
    return { relation: 'contradicts', reason: `the source says ${source.season}, the story ${story.season}` }
  if (acrossMidnight(story, source))
    return {
      relation: 'partial',
      reason: `late one night and early the next day can be the same hours: story ${shown(story)} ${story.part}, source ${shown(source)} ${source.part}`
    }
  const a = parts(story)
  const b = parts(source)
  const compared: string[] = []
  for (const key of ['century', 'decade', 'year', 'month', 'day'] as const) {
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
  if (compared.includes('day') && RANK[source.precision] >= RANK[story.precision])
    return relateWithinDay(
      story,
      source,
      b.year === null && a.year !== null
        ? 'same day and month; the source does not give the year'
        : `same date (${agreedParts(compared)})`
    )
  // A source that leaves the year unwritten ("on 16 November") still dates the day; only a
  // coarser source ("February 2022" for a day) is partial.
  if (RANK[source.precision] < RANK[story.precision]) {
    return {
      relation: 'partial',
      reason: `the source agrees but is less precise (${agreedParts(compared)} only)`
    }
  }
  return {
    relation: 'supports',
    reason:
      b.year === null && a.year !== null
        ? 'same day and month; the source does not give the year'
        : `same date (${agreedParts(compared)})`
  }
}
