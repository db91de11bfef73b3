import { describe, expect, it } from 'vitest'
import {
  formatDuration,
  isDuration,
  parseDuration,
  parseEscalationOffset,
  parseFirstTouch,
} from './duration.ts'

describe('durations', () => {
  it('parses whole units, largest first', () => {
    expect(parseDuration('5m')).toBe(300_000)
    expect(parseDuration('1h30m')).toBe(5_400_000)
    expect(parseDuration('2d')).toBe(172_800_000)
    expect(parseDuration('45s')).toBe(45_000)
  })

  it('rejects prose, zero, decimals and units out of order', () => {
    for (const text of ['5 minutes', '0m', '1.5h', '30m1h', '', 'm', '5'])
      expect(isDuration(text)).toBe(false)
    expect(() => parseDuration('5 minutes')).toThrow("expected a duration like 5m, got '5 minutes'")
  })

  it('formats back to the same text', () => {
    for (const text of ['5m', '1h30m', '2d', '1d2h3m4s'])
      expect(formatDuration(parseDuration(text))).toBe(text)
  })

  it('reads a first-touch SLA and an escalation offset', () => {
    expect(parseFirstTouch('same_business_day')).toEqual({ kind: 'same_business_day' })
    expect(parseFirstTouch('15m')).toEqual({ kind: 'duration', ms: 900_000 })
    expect(parseEscalationOffset('80%')).toEqual({ kind: 'percent', ratio: 0.8 })
    expect(parseEscalationOffset('1h')).toEqual({ kind: 'duration', ms: 3_600_000 })
    expect(() => parseEscalationOffset('0%')).toThrow(/share of the SLA/)
  })
})
