import { type BusinessHours, localTime, parseSpan } from './business-hours.ts'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

/** The UTC instant of a wall-clock minute on a local date in `zone` (DST-aware). */
export function zonedInstant(date: string, minutes: number, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(y, m - 1, d, 0, minutes)
  // Two passes converge across a DST change: the offset at the guess, then at the answer.
  let guess = wall - offsetAt(new Date(wall), zone)
  guess = wall - offsetAt(new Date(guess), zone)
  return new Date(guess)
}

function offsetAt(at: Date, zone: string): number {
  const local = localTime(at, zone)
  const [y, m, d] = local.date.split('-').map(Number) as [number, number, number]
  const asUtc = Date.UTC(y, m - 1, d, 0, local.minutes)
  return asUtc - Math.floor(at.getTime() / MINUTE) * MINUTE
}

/** The business spans of the local day that contains `at`, as UTC intervals. */
function daySpans(hours: BusinessHours, zone: string, date: string, weekday: keyof BusinessHours['weekly']) {
  if (hours.holidays.includes(date)) return []
  return (hours.weekly[weekday] ?? []).map((text) => {
    const { start, end } = parseSpan(text)
    return { start: zonedInstant(date, start, zone).getTime(), end: zonedInstant(date, end, zone).getTime() }
  })
}

/** Walks the local days from `from`, handing each day's business spans to `visit` until it says stop. */
function walkSpans(
  hours: BusinessHours,
  zone: string,
  from: Date,
  visit: (span: { start: number; end: number }) => number | undefined,
): Date {
  // Half-day steps with a seen-set: a 23- or 25-hour DST day is neither skipped nor visited twice.
  // A year without a single business minute is a playbook error, not a deadline.
  const seen = new Set<string>()
  for (let i = 0, cursor = from.getTime(); i < 740; i++, cursor += DAY / 2) {
    const local = localTime(new Date(cursor), zone)
    if (seen.has(local.date)) continue
    seen.add(local.date)
    const spans = daySpans(hours, zone, local.date, local.weekday).sort((a, b) => a.start - b.start)
    for (const span of spans) {
      if (span.end <= from.getTime()) continue
      const found = visit({ start: Math.max(span.start, from.getTime()), end: span.end })
      if (found !== undefined) return new Date(found)
    }
  }
  throw new RangeError('the business hours have no open time in the coming year')
}

/** `from` plus `ms` of business time: the clock only runs inside business hours. */
export function addBusinessTime(hours: BusinessHours, zone: string, from: Date, ms: number): Date {
  let remaining = ms
  return walkSpans(hours, zone, from, ({ start, end }) => {
    if (start + remaining <= end) return start + remaining
    remaining -= end - start
    return undefined
  })
}

/** The close of the business day on which a lead routed at `from` is handled (the next one after hours). */
export function endOfBusinessDay(hours: BusinessHours, zone: string, from: Date): Date {
  let dayOfFirstSpan: string | undefined
  let lastEnd = 0
  return walkSpans(hours, zone, from, ({ start, end }) => {
    const date = localTime(new Date(start), zone).date
    if (dayOfFirstSpan === undefined) dayOfFirstSpan = date
    if (date !== dayOfFirstSpan) return lastEnd
    lastEnd = end
    return undefined
  })
}

/** Business milliseconds between two instants (for speed-to-lead in business time). */
export function businessTimeBetween(hours: BusinessHours, zone: string, from: Date, to: Date): number {
  let total = 0
  if (to <= from) return 0
  walkSpans(hours, zone, from, ({ start, end }) => {
    if (start >= to.getTime()) return start
    total += Math.min(end, to.getTime()) - start
    return end >= to.getTime() ? end : undefined
  })
  return total
}
