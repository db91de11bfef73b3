import { describe, expect, it } from 'vitest'
import type { BusinessHours } from './business-hours.ts'
import { addBusinessTime, businessTimeBetween, endOfBusinessDay, zonedInstant } from './business-time.ts'

const nineToFive: BusinessHours = {
  weekly: {
    mon: ['09:00-17:00'],
    tue: ['09:00-17:00'],
    wed: ['09:00-17:00'],
    thu: ['09:00-17:00'],
    fri: ['09:00-12:00', '13:00-17:00'],
  },
  holidays: ['2026-12-25'],
}
const ny = 'America/New_York'
const min = 60_000

describe('zonedInstant', () => {
  it('turns New York wall time into UTC across the DST change', () => {
    expect(zonedInstant('2026-07-01', 9 * 60, ny).toISOString()).toBe('2026-07-01T13:00:00.000Z')
    expect(zonedInstant('2026-12-01', 9 * 60, ny).toISOString()).toBe('2026-12-01T14:00:00.000Z')
  })
})

describe('addBusinessTime', () => {
  it('adds within the same span', () => {
    const from = new Date('2026-12-01T15:00:00Z') // Tue 10:00 in New York
    expect(addBusinessTime(nineToFive, ny, from, 15 * min).toISOString()).toBe('2026-12-01T15:15:00.000Z')
  })

  it('carries what is left past closing into the next morning', () => {
    const from = new Date('2026-12-01T21:50:00Z') // Tue 16:50
    expect(addBusinessTime(nineToFive, ny, from, 15 * min).toISOString()).toBe('2026-12-02T14:05:00.000Z')
  })

  it('waits out a weekend and a holiday, and skips the Friday lunch break', () => {
    const fridayBeforeLunch = new Date('2026-12-04T16:50:00Z') // Fri 11:50
    expect(addBusinessTime(nineToFive, ny, fridayBeforeLunch, 15 * min).toISOString()).toBe(
      '2026-12-04T18:05:00.000Z',
    )
    const christmasEveLate = new Date('2026-12-24T21:55:00Z') // Thu 16:55, Fri 25th a holiday
    expect(addBusinessTime(nineToFive, ny, christmasEveLate, 15 * min).toISOString()).toBe(
      '2026-12-28T14:10:00.000Z',
    )
  })

  it('starts the clock at opening for a lead routed at night', () => {
    const night = new Date('2026-12-02T03:00:00Z') // Tue 22:00 the day before
    expect(addBusinessTime(nineToFive, ny, night, 5 * min).toISOString()).toBe('2026-12-02T14:05:00.000Z')
  })
})

describe('endOfBusinessDay', () => {
  it('is today’s closing during the day and the next business day’s closing after hours', () => {
    expect(endOfBusinessDay(nineToFive, ny, new Date('2026-12-01T15:00:00Z')).toISOString()).toBe(
      '2026-12-01T22:00:00.000Z',
    )
    expect(endOfBusinessDay(nineToFive, ny, new Date('2026-12-04T23:00:00Z')).toISOString()).toBe(
      '2026-12-07T22:00:00.000Z',
    )
  })
})

describe('businessTimeBetween', () => {
  it('counts only open time between two instants', () => {
    const from = new Date('2026-12-01T21:00:00Z') // Tue 16:00
    const to = new Date('2026-12-02T15:00:00Z') // Wed 10:00
    expect(businessTimeBetween(nineToFive, ny, from, to)).toBe(120 * min)
  })
})
