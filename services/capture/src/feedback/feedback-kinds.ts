import {
  type EventDefinition,
  leadActivityRecordedV1,
  leadContactedV1,
  leadHandedOffV1,
  leadOutcomeRecordedV1,
} from '@leadwire/contracts'
import type { z } from 'zod'
import type { Scope } from '../auth/api-key.ts'
import type { FeedbackKind } from '../leads/lead-status.ts'
import {
  type ActivityInput,
  activityInput,
  type HandoffInput,
  handoffInput,
  type OutcomeInput,
  outcomeInput,
  type TouchInput,
  touchInput,
} from './feedback-input.ts'

export interface FeedbackKindSpec<I> {
  kind: FeedbackKind
  path: string
  summary: string
  input: z.ZodType<I>
  event: EventDefinition
  scope: Scope
  /** The field of the event's data that says when it happened. */
  timeField: 'occurredAt' | 'contactedAt' | 'decidedAt'
  /** The contract event's data; `at` is the default time, `eventId` the new event's id. */
  toData(leadId: string, input: I, at: string, eventId: string): Record<string, unknown>
  /** A key that makes a retry without Idempotency-Key still count once. */
  naturalKey?(input: I): string | undefined
}

const activity: FeedbackKindSpec<ActivityInput> = {
  kind: 'activity',
  path: 'activities',
  summary: 'Record engagement (leads.activity.v1)',
  input: activityInput,
  event: leadActivityRecordedV1,
  scope: 'feedback:write',
  timeField: 'occurredAt',
  toData: (leadId, a, at, eventId) => ({
    leadId,
    activityId: a.activityId ?? eventId,
    activity: a.activity,
    occurredAt: a.occurredAt ?? at,
    properties: a.properties ?? {},
  }),
  naturalKey: (a) => a.activityId && `activity:${a.activityId}`,
}

const touch: FeedbackKindSpec<TouchInput> = {
  kind: 'contacted',
  path: 'touches',
  summary: 'Record a rep touching the lead (leads.contacted.v1)',
  input: touchInput,
  event: leadContactedV1,
  scope: 'feedback:write',
  timeField: 'contactedAt',
  toData: (leadId, t, at) => ({ leadId, ...t, contactedAt: t.contactedAt ?? at }),
}

const handoff: FeedbackKindSpec<HandoffInput> = {
  kind: 'handoff',
  path: 'handoff',
  summary: 'Record the rep accepting or rejecting the lead (leads.handoff.v1)',
  input: handoffInput,
  event: leadHandedOffV1,
  scope: 'feedback:write',
  timeField: 'decidedAt',
  toData: (leadId, h, at) => ({ leadId, ...h, decidedAt: h.decidedAt ?? at }),
}

const outcome: FeedbackKindSpec<OutcomeInput> = {
  kind: 'outcome',
  path: 'outcomes',
  summary: 'Record an opportunity, a win or a loss (leads.outcome.v1)',
  input: outcomeInput,
  event: leadOutcomeRecordedV1,
  scope: 'feedback:write',
  timeField: 'occurredAt',
  toData: (leadId, o, at) => ({ leadId, ...o, occurredAt: o.occurredAt ?? at }),
}

export const feedbackKinds = [activity, touch, handoff, outcome] as const
