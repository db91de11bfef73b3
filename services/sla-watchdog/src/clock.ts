import { type Playbook, parseEscalationOffset, parseFirstTouch, type Segment } from '@leadwire/playbook'
import { addBusinessTime, businessTimeBetween, endOfBusinessDay } from './business-time.ts'

export interface ClockStep {
  step: number
  level: 'warning' | 'breach' | 'escalation'
  action: 'notify' | 'reroute' | 'page'
  fireAt: Date
}

export interface ClockPlan {
  segment: string
  dueAt: Date
  /** The playbook rule in words, carried on every breach event: "enterprise_demo: 5m calendar". */
  rule: string
  steps: ClockStep[]
}

/**
 * The first-touch deadline and escalation times for a lead routed at `routedAt`. A calendar
 * clock always runs; a business clock only inside the playbook's business hours, so a lead
 * routed on Friday evening is due on Monday morning, not during the weekend.
 */
export function planClock(playbook: Playbook, segmentName: string, routedAt: Date): ClockPlan {
  const segment = findSegment(playbook, segmentName)
  const { sla } = segment
  const hours = playbook.businessHours
  const zone = playbook.timezone
  const business = sla.clock === 'business'
  const after = (ms: number) =>
    business ? addBusinessTime(hours, zone, routedAt, ms) : new Date(routedAt.getTime() + ms)
  const touch = parseFirstTouch(sla.firstTouch)
  const dueAt = touch.kind === 'duration' ? after(touch.ms) : endOfBusinessDay(hours, zone, routedAt)
  const windowMs = business
    ? businessTimeBetween(hours, zone, routedAt, dueAt)
    : dueAt.getTime() - routedAt.getTime()
  const steps = sla.escalation
    .map((s, step) => {
      const offset = parseEscalationOffset(s.after)
      const ms = offset.kind === 'percent' ? Math.round(windowMs * offset.ratio) : offset.ms
      return { step, level: s.level, action: s.action, fireAt: after(ms) }
    })
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime() || a.step - b.step)
  return { segment: segment.name, dueAt, rule: `${segment.name}: ${sla.firstTouch} ${sla.clock}`, steps }
}

/** An unknown segment (a playbook edited since scoring) falls back to the catch-all, the last one. */
function findSegment(playbook: Playbook, name: string): Segment {
  return playbook.segments.find((s) => s.name === name) ?? playbook.segments[playbook.segments.length - 1]!
}
