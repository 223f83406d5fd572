// Numbers and dates as people say them, in the interface and the reports: "1 piece", "16 November 2024".

/** "1 piece of page furniture", "3 pieces of page furniture". */
export function counted(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC'
})
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** An ISO date as a person writes it: "2024-11-16" → "16 November 2024"; anything else as it is. */
export function dateForPeople(iso: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (day) return DAY.format(new Date(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!)))
  const month = /^(\d{4})-(\d{2})$/.exec(iso)
  if (month) return MONTH.format(new Date(Date.UTC(+month[1]!, +month[2]! - 1, 1)))
  const stamp = Date.parse(iso)
  if (/^\d{4}-\d{2}-\d{2}T/.test(iso) && !Number.isNaN(stamp)) {
    const d = new Date(stamp)
    return `${DAY.format(d)}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
  }
  return iso
}
