import { businessTimeBetween } from '@leadwire/playbook'
import type { ClockHours } from './working-hours.ts'

export interface Speed {
  calendarMs: number
  businessMs: number
  withinSla: boolean
}

/**
 * Speed-to-lead runs from capture, not from routing: it is what the prospect waited, and a
 * slow pipeline should show in it. Business time uses the owner's hours (the clock's) whatever
 * the segment's clock, so RevOps can compare segments on both scales. A CRM clock running
 * behind ours can report a touch before capture; that counts as instant rather than negative.
 */
export function speedToLead(
  clock: { capturedAt: Date; dueAt: Date; hours: ClockHours },
  touchedAt: Date,
): Speed {
  return {
    calendarMs: Math.max(0, touchedAt.getTime() - clock.capturedAt.getTime()),
    businessMs: businessTimeBetween(clock.hours.hours, clock.hours.zone, clock.capturedAt, touchedAt),
    withinSla: touchedAt.getTime() <= clock.dueAt.getTime(),
  }
}
