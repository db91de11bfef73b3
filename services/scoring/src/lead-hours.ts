import { type BusinessHours, isTimeZone, localTime, parseSpan } from '@leadwire/playbook'

const MINUTE = 60_000
const HALF_DAY = 12 * 60 * MINUTE

/** The UTC instant of a wall-clock minute on a local date in `zone` (two passes cover DST). */
export function zonedInstant(date: string, minutes: number, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(y, m - 1, d, 0, minutes)
  const offsetAt = (at: number) => {
    const local = localTime(new Date(at), zone)
    const [ly, lm, ld] = local.date.split('-').map(Number) as [number, number, number]
    return Date.UTC(ly, lm - 1, ld, 0, local.minutes) - Math.floor(at / MINUTE) * MINUTE
  }
  const guess = wall - offsetAt(wall)
  return new Date(wall - offsetAt(guess))
}

/**
 * The lead's next business minute: `now` when it falls inside the weekly hours in the lead's
 * zone, else the start of the next open span. Company holidays are left out on purpose: they
 * are the seller's calendar, not the lead's.
 */
export function nextBusinessMinute(weekly: BusinessHours['weekly'], zone: string, now: Date): Date {
  const seen = new Set<string>()
  // Half-day steps with a seen-set: a 23- or 25-hour DST day is neither skipped nor visited twice.
  for (let i = 0, cursor = now.getTime(); i < 30; i++, cursor += HALF_DAY) {
    const local = localTime(new Date(cursor), zone)
    if (seen.has(local.date)) continue
    seen.add(local.date)
    const spans = (weekly[local.weekday] ?? []).map(parseSpan).sort((a, b) => a.start - b.start)
    for (const span of spans) {
      const start = zonedInstant(local.date, span.start, zone)
      const end = zonedInstant(local.date, span.end, zone)
      if (end <= now) continue
      return start > now ? start : now
    }
  }
  // No open minute in two weeks: the playbook has no weekly hours; act now rather than never.
  return now
}

/** The lead's own zone when enrichment found a valid one, else the playbook's. */
export function leadZone(timezone: string | undefined, fallback: string): { zone: string; own: boolean } {
  return timezone && isTimeZone(timezone) ? { zone: timezone, own: true } : { zone: fallback, own: false }
}

const DAYS = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}

/** `14:05 on Tuesday` in the zone, for reasons a rep reads. */
export function wallClock(at: Date, zone: string): string {
  const local = localTime(at, zone)
  const hh = String(Math.floor(local.minutes / 60)).padStart(2, '0')
  const mm = String(local.minutes % 60).padStart(2, '0')
  return `${hh}:${mm} on ${DAYS[local.weekday]}`
}
