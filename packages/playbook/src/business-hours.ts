import { z } from 'zod'
import { show } from './errors.ts'
import { type Weekday, weekdays } from './vocabulary.ts'

const SPAN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/** `09:00-17:00` as minutes since local midnight; `24:00` may close a span. */
export function parseSpan(text: string): { start: number; end: number } {
  if (!SPAN.test(text)) throw new RangeError(`expected hours like 09:00-17:00, got '${text}'`)
  return { start: minutesOf(text.slice(0, 5)), end: minutesOf(text.slice(6, 11)) }
}

const isSpan = (text: string): boolean => {
  if (!SPAN.test(text)) return false
  const { start, end } = parseSpan(text)
  return start < end && end <= 24 * 60
}

export const span = z.string().refine(isSpan, {
  error: (iss) => `expected hours like 09:00-17:00 (start before end), got ${show(iss.input)}`,
})

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export const timeZone = z.string().refine(isTimeZone, {
  error: (iss) => `expected an IANA time zone like America/New_York, got ${show(iss.input)}`,
})

const day = z.array(span).default([]).describe('Open spans that day; an empty list or no key means closed')

export const businessHours = z.strictObject({
  weekly: z.strictObject(
    Object.fromEntries(weekdays.map((d) => [d, day.optional()])) as Record<
      Weekday,
      z.ZodOptional<typeof day>
    >,
  ),
  holidays: z
    .array(
      z.string().regex(DATE, { error: (iss) => `expected a date like 2026-12-25, got ${show(iss.input)}` }),
    )
    .default([])
    .describe('Local dates on which the business clock does not run'),
})

export type BusinessHours = z.infer<typeof businessHours>

interface LocalTime {
  date: string
  weekday: Weekday
  minutes: number
}

/** The wall-clock date, weekday and minute of `at` in `zone`. */
export function localTime(at: Date, zone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at)
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: get('weekday').toLowerCase().slice(0, 3) as Weekday,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  }
}

/** Whether the business clock runs at `at`: inside a weekly span and not on a holiday. */
export function isBusinessTime(hours: BusinessHours, zone: string, at: Date): boolean {
  const local = localTime(at, zone)
  if (hours.holidays.includes(local.date)) return false
  const spans = hours.weekly[local.weekday] ?? []
  return spans.some((text) => {
    const { start, end } = parseSpan(text)
    return local.minutes >= start && local.minutes < end
  })
}
