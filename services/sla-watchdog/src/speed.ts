import type { Playbook } from '@leadwire/playbook'
import { businessTimeBetween } from './business-time.ts'

export interface Speed {
  calendarMs: number
  businessMs: number
  withinSla: boolean
}

/**
 * Speed-to-lead runs from capture, not from routing: it is what the prospect waited, and a
 * slow pipeline should show in it. Business time uses the playbook's hours whatever the
 * segment's clock, so RevOps can compare segments on both scales. A CRM clock running behind
 * ours can report a touch before capture; that counts as instant rather than negative.
 */
export function speedToLead(
  playbook: Playbook,
  clock: { capturedAt: Date; dueAt: Date },
  touchedAt: Date,
): Speed {
  return {
    calendarMs: Math.max(0, touchedAt.getTime() - clock.capturedAt.getTime()),
    businessMs: businessTimeBetween(playbook.businessHours, playbook.timezone, clock.capturedAt, touchedAt),
    withinSla: touchedAt.getTime() <= clock.dueAt.getTime(),
  }
}
