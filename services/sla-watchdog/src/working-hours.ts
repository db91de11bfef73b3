import type { Assignment } from '@leadwire/contracts'
import { type BusinessHours, isTimeZone, type Playbook, parseSpan, type Weekday } from '@leadwire/playbook'

/** The hours one clock runs in, and whose they are (travels on the breach event). */
export interface ClockHours {
  zone: string
  hours: BusinessHours
  from: 'rep' | 'team' | 'playbook'
}

/**
 * Whose working hours a business-time clock counts in, most specific first: the hours routing
 * put on the assignment (the rep's zone from the directory), the playbook's hours for the
 * team, then the playbook's own. Missing parts fall back the same way, so a rep who only has a
 * timezone keeps the team's weekly hours and holidays, read as local time in the rep's zone.
 * The watchdog never reads routing's directory: what it needs travels in the event.
 */
export function resolveHours(
  playbook: Playbook,
  assignment: Pick<Assignment, 'teamId' | 'workingHours'>,
): ClockHours {
  const team = assignment.teamId !== undefined ? playbook.teamHours[assignment.teamId] : undefined
  const base: ClockHours = team
    ? { zone: team.timezone, hours: team.businessHours ?? playbook.businessHours, from: 'team' }
    : { zone: playbook.timezone, hours: playbook.businessHours, from: 'playbook' }
  const own = assignment.workingHours
  // An event with a zone or spans we cannot read must not stop the clock: fall back instead.
  if (!own || !isTimeZone(own.timezone) || !validWeekly(own.weekly)) return base
  return {
    zone: own.timezone,
    hours: {
      weekly: (own.weekly as BusinessHours['weekly'] | undefined) ?? base.hours.weekly,
      holidays: own.holidays ?? base.hours.holidays,
    },
    from: own.source,
  }
}

function validWeekly(weekly: Partial<Record<Weekday, string[]>> | undefined): boolean {
  if (weekly === undefined) return true
  return Object.values(weekly).every((spans) =>
    (spans ?? []).every((text) => {
      try {
        const { start, end } = parseSpan(text)
        return start < end
      } catch {
        return false
      }
    }),
  )
}
