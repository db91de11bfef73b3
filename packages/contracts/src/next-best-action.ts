import { z } from 'zod'
import { timestamp } from './primitives.ts'

export const actionChannels = ['call', 'email', 'linkedin'] as const

/**
 * What a rep should do first with a scored lead, each part with the reason it was chosen, so
 * the suggestion can be trusted or overruled. Additive: older scores do not carry it.
 */
export const nextBestAction = z
  .object({
    channel: z.object({ value: z.enum(actionChannels), reason: z.string() }),
    timing: z.object({
      value: z.enum(['now', 'next_business_hour']),
      at: timestamp.describe('When to act: now, or the start of the lead’s next business hour'),
      timezone: z.string().describe("The lead's time zone the timing was worked out in"),
      reason: z.string(),
    }),
    talkingPoint: z.object({
      text: z.string(),
      basedOn: z.array(z.string()).describe('The rules (strongest intent signals, or fit) it draws on'),
      reason: z.string(),
    }),
  })
  .describe('Channel, timing and an opening line for the first touch')

export type NextBestAction = z.infer<typeof nextBestAction>
