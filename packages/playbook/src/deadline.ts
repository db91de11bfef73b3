import type { BusinessHours } from './business-hours.ts'
import { addBusinessTime, endOfBusinessDay } from './business-time.ts'
import { parseFirstTouch } from './duration.ts'
import type { Playbook } from './schema.ts'

/** The hours and zone a business-time clock counts in. */
export interface ClockHours {
  zone: string
  hours: BusinessHours
}

/**
 * Whose hours a clock runs in, most specific first: the assignee's own (zone, and weekly
 * hours or holidays when the directory has them), the playbook's hours for the team, then the
 * playbook's. Routing and the watchdog must agree on this, so it lives with the playbook.
 */
export function clockHours(
  playbook: Playbook,
  teamId: string | undefined,
  own?: { zone: string; weekly?: BusinessHours['weekly'] | undefined; holidays?: string[] | undefined },
): ClockHours {
  const team = teamId === undefined ? undefined : playbook.teamHours?.[teamId]
  const base = team
    ? { zone: team.timezone, hours: team.businessHours ?? playbook.businessHours }
    : { zone: playbook.timezone, hours: playbook.businessHours }
  if (!own) return base
  return {
    zone: own.zone,
    hours: { weekly: own.weekly ?? base.hours.weekly, holidays: own.holidays ?? base.hours.holidays },
  }
}

/**
 * When a rep must first touch a lead routed at `routedAt`: a calendar clock always runs, a
 * business clock only inside business hours (so Friday evening is due Monday morning).
 */
export function firstTouchDeadline(
  playbook: Playbook,
  segmentName: string,
  routedAt: Date,
  hours: ClockHours = { zone: playbook.timezone, hours: playbook.businessHours },
): Date {
  const segment =
    playbook.segments.find((s) => s.name === segmentName) ?? playbook.segments[playbook.segments.length - 1]!
  const { sla } = segment
  const touch = parseFirstTouch(sla.firstTouch)
  if (touch.kind === 'same_business_day') return endOfBusinessDay(hours.hours, hours.zone, routedAt)
  if (sla.clock === 'calendar') return new Date(routedAt.getTime() + touch.ms)
  return addBusinessTime(hours.hours, hours.zone, routedAt, touch.ms)
}
