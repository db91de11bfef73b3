import { z } from 'zod'

/** The signals capture computes today; consumers should accept others (the list may grow). */
export const knownSpamSignals = ['honeypot', 'too_fast', 'disposable_email', 'link_stuffed'] as const

export const spamSignal = z.object({
  // A string rather than an enum: a new signal is then an additive change within .v1.
  signal: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/)
    .max(64)
    .meta({ examples: [...knownSpamSignals] }),
  weight: z.number().min(0).max(1).describe('How strongly this signal alone suggests spam'),
  detail: z.string().max(300).describe('What was seen, for a human reviewing the lead'),
})

/**
 * Spam signals scored at intake. The lead is still accepted and travels on: downstream
 * decides what a high score means, and a false positive is never a silently lost lead.
 */
export const spamAssessment = z
  .object({
    score: z
      .number()
      .min(0)
      .max(1)
      .describe('0 when no signal fired; the signals combined as independent evidence otherwise'),
    signals: z.array(spamSignal).max(20),
  })
  .describe('Spam signals seen when the lead was submitted')

export type SpamAssessment = z.infer<typeof spamAssessment>
export type SpamSignal = z.infer<typeof spamSignal>
