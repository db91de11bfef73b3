import { describe, expect, it } from 'vitest'
import { type BusinessHours, isBusinessTime, localTime } from './business-hours.ts'

const hours: BusinessHours = {
  weekly: { mon: ['09:00-12:00', '13:00-18:00'], tue: ['09:00-18:00'], fri: ['09:00-17:00'] },
  holidays: ['2026-12-25'],
}
const ny = 'America/New_York'
const at = (iso: string) => new Date(iso)

describe('isBusinessTime', () => {
  it('runs inside a weekly span in the playbook time zone', () => {
    expect(isBusinessTime(hours, ny, at('2026-03-02T14:00:00Z'))).toBe(true) // Mon 09:00 EST
    expect(isBusinessTime(hours, ny, at('2026-03-02T13:59:00Z'))).toBe(false) // Mon 08:59 EST
  })

  it('follows daylight saving time', () => {
    expect(isBusinessTime(hours, ny, at('2026-07-07T13:00:00Z'))).toBe(true) // Tue 09:00 EDT
    expect(isBusinessTime(hours, ny, at('2026-07-07T22:00:00Z'))).toBe(false) // Tue 18:00 EDT, closed
  })

  it('stops over lunch, on days without spans and on holidays', () => {
    expect(isBusinessTime(hours, ny, at('2026-03-02T17:30:00Z'))).toBe(false) // Mon 12:30
    expect(isBusinessTime(hours, ny, at('2026-03-04T15:00:00Z'))).toBe(false) // Wed, no spans
    expect(isBusinessTime(hours, ny, at('2026-12-25T15:00:00Z'))).toBe(false) // Fri, Christmas
  })

  it('reads the local date, not the UTC one', () => {
    expect(localTime(at('2026-03-03T02:00:00Z'), ny)).toEqual({
      date: '2026-03-02',
      weekday: 'mon',
      minutes: 21 * 60,
    })
  })
})
