import type { WorkingHours } from '@leadwire/contracts'
import { clockHours, firstTouchDeadline, type Playbook, weekdays } from '@leadwire/playbook'
import type { Rep } from './directory.ts'

/**
 * The assignee's hours as they travel on leads.routed.v1, and the first-touch deadline in
 * those same hours, so the watchdog's clock and the `slaDueAt` routing states agree.
 */
export function slaOf(playbook: Playbook, segment: string, teamId: string, rep: Rep | undefined, at: Date) {
  const own = rep?.workingHours
  const workingHours: WorkingHours | undefined = rep && {
    timezone: rep.timezone,
    // The contract keys every weekday; a day the directory leaves out is a day off.
    ...(own ? { weekly: everyDay(own.weekly) } : {}),
    ...(own ? { holidays: own.holidays } : {}),
    source: 'rep',
  }
  const clock = clockHours(
    playbook,
    teamId,
    rep && { zone: rep.timezone, weekly: own?.weekly, holidays: own?.holidays },
  )
  return { workingHours, slaDueAt: firstTouchDeadline(playbook, segment, at, clock) }
}

const everyDay = (weekly: NonNullable<Rep['workingHours']>['weekly']) =>
  Object.fromEntries(weekdays.map((d) => [d, weekly[d] ?? []])) as Required<
    NonNullable<WorkingHours['weekly']>
  >
