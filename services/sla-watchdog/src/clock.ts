import {
  addBusinessTime,
  businessTimeBetween,
  endOfBusinessDay,
  type Playbook,
  parseEscalationOffset,
  parseFirstTouch,
  type Segment,
} from '@leadwire/playbook'
import type { ClockHours } from './working-hours.ts'

export interface ClockStep {
  step: number
  level: 'warning' | 'breach' | 'escalation'
  action: 'notify' | 'reroute' | 'page'
  fireAt: Date
}

/** The rule that set a deadline, in parts; it travels on every breach event. */
export interface Deadline {
  firstTouch: string
  clock: 'calendar' | 'business'
  timezone: string
  hoursFrom: ClockHours['from']
}

export interface ClockPlan {
  segment: string
  dueAt: Date
  /** The playbook rule in words, carried on every breach event: "enterprise_demo: 5m calendar". */
  rule: string
  deadline: Deadline
  steps: ClockStep[]
}

/**
 * The first-touch deadline and escalation times for a lead routed at `routedAt`. A calendar
 * clock always runs; a business clock only inside the owner's working hours (`hours`, the
 * playbook's by default), so a lead routed on Friday evening is due on Monday morning.
 * "same_business_day" is the close of the owner's business day (the next one after hours).
 */
export function planClock(
  playbook: Playbook,
  segmentName: string,
  routedAt: Date,
  hours: ClockHours = { zone: playbook.timezone, hours: playbook.businessHours, from: 'playbook' },
): ClockPlan {
  const segment = findSegment(playbook, segmentName)
  const { sla } = segment
  const business = sla.clock === 'business'
  const after = (ms: number) =>
    business ? addBusinessTime(hours.hours, hours.zone, routedAt, ms) : new Date(routedAt.getTime() + ms)
  const touch = parseFirstTouch(sla.firstTouch)
  const dueAt =
    touch.kind === 'duration' ? after(touch.ms) : endOfBusinessDay(hours.hours, hours.zone, routedAt)
  // A percentage step is a share of the window as the clock counts it (business time for a business clock).
  const windowMs = business
    ? businessTimeBetween(hours.hours, hours.zone, routedAt, dueAt)
    : dueAt.getTime() - routedAt.getTime()
  const steps = sla.escalation
    .map((s, step) => {
      const offset = parseEscalationOffset(s.after)
      const ms = offset.kind === 'percent' ? Math.round(windowMs * offset.ratio) : offset.ms
      return { step, level: s.level, action: s.action, fireAt: after(ms) }
    })
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.step - b.step)
  const deadline: Deadline = {
    firstTouch: sla.firstTouch,
    clock: sla.clock,
    timezone: hours.zone,
    hoursFrom: hours.from,
  }
  return { segment: segment.name, dueAt, rule: ruleText(segment.name, deadline), deadline, steps }
}

/** "mid_market: 15m business in America/Chicago (rep hours)"; a calendar rule needs no zone. */
export function ruleText(segment: string, d: Deadline): string {
  const base = `${segment}: ${d.firstTouch} ${d.clock}`
  const zoned = d.clock === 'business' || d.firstTouch === 'same_business_day'
  return zoned ? `${base} in ${d.timezone} (${d.hoursFrom} hours)` : base
}

/** An unknown segment (a playbook edited since scoring) falls back to the catch-all, the last one. */
function findSegment(playbook: Playbook, name: string): Segment {
  return playbook.segments.find((s) => s.name === name) ?? playbook.segments[playbook.segments.length - 1]!
}
