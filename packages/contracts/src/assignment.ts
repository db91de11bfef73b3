import { z } from 'zod'
import { repId, teamId, timestamp } from './primitives.ts'

export const routingMethods = [
  'account_owner',
  'dedicated',
  'original_owner',
  'round_robin',
  'load_balanced',
  'first_available',
  'on_call',
  'fallback_queue',
] as const

/**
 * The hours the assignee's SLA clock runs in, when routing knows them (the rep's timezone from
 * the directory, the team's hours). Optional and additive: the watchdog falls back to the
 * playbook's team hours, then its default hours, so routers that do not send it keep working.
 */
export const workingHours = z.object({
  timezone: z.string().min(1).describe('IANA time zone, e.g. America/Chicago'),
  weekly: z
    .record(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(z.string()))
    .optional()
    .describe('Open spans per weekday like 09:00-17:00, local to timezone; absent: the playbook hours'),
  holidays: z.array(z.string()).optional().describe('Local dates like 2026-12-25; absent: the playbook ones'),
  source: z.enum(['rep', 'team']).describe('Whose hours these are'),
})

export type WorkingHours = z.infer<typeof workingHours>

export const ruleTrace = z.object({
  rule: z.string(),
  outcome: z.string().describe('What the rule decided, or why it passed'),
})

export const filteredCandidate = z.object({
  repId,
  reason: z.string().describe('Why the rep could not take this lead, e.g. "at capacity (40/40)"'),
})

export const poolMember = z.object({
  repId,
  weight: z.int().min(1),
  credits: z.number().describe('Leads the pool ledger counts for the rep, after this pick'),
  open: z.int().min(0).describe('Open leads before this pick'),
})

export const decisionPath = z
  .object({
    segment: z.string(),
    rules: z.array(ruleTrace).describe('Every rule evaluated, in order, with its outcome'),
    filteredOut: z.array(filteredCandidate).describe('Candidates left out, and why'),
    chosen: z.string().optional().describe('The rep chosen; absent when the lead waits in a queue'),
    pool: z
      .object({ id: z.string(), members: z.array(poolMember) })
      .optional()
      .describe('The fairness ledger of the pool the rep was drawn from'),
  })
  .describe('How the decision was reached, for RevOps and the rep')

export const assignment = z
  .object({
    repId: repId.optional().describe('Absent when the lead waits in a queue'),
    repName: z.string().optional(),
    repEmail: z.email().optional(),
    teamId: teamId.optional(),
    queue: z.string().optional(),
    method: z.enum(routingMethods),
    reason: z.string().describe('One sentence a rep or RevOps can read'),
    trace: z.array(ruleTrace).describe('Every rule considered, in order'),
    attempt: z.int().min(1).describe('1 for the first routing, then one more per re-route'),
    workingHours: workingHours.optional().describe("The assignee's hours for a business-time SLA clock"),
    routedAt: timestamp,
    segment: z.string().optional().describe('The playbook segment the lead was routed under'),
    slaDueAt: timestamp.optional().describe('When the first touch is due under the segment SLA'),
    previousRepId: repId.optional().describe('On a re-route: the rep the lead was taken from'),
    decision: decisionPath.optional(),
  })
  .refine((a) => a.repId !== undefined || a.queue !== undefined, {
    message: 'an assignment names a rep or a queue',
    path: ['repId'],
  })

export type Assignment = z.infer<typeof assignment>
