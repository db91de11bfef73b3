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

export const ruleTrace = z.object({
  rule: z.string(),
  outcome: z.string().describe('What the rule decided, or why it passed'),
})

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
    routedAt: timestamp,
  })
  .refine((a) => a.repId !== undefined || a.queue !== undefined, {
    message: 'an assignment names a rep or a queue',
    path: ['repId'],
  })

export type Assignment = z.infer<typeof assignment>
