import { z } from 'zod'
import { businessHours, timeZone } from './business-hours.ts'
import { crossCheck } from './cross-checks.ts'
import { modelSection } from './model.ts'
import { customers, scoring, stageDefinitions } from './rubric.ts'
import { segment } from './segment.ts'
import { teamHours } from './team-hours.ts'

export const playbookSchema = z
  .strictObject({
    version: z
      .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1))
      .describe('Travels on every score as rubricVersion'),
    timezone: timeZone.describe('The business clock runs in this zone'),
    businessHours,
    teamHours,
    targetIndustries: z.array(z.string().min(1)).default([]),
    customers: customers.prefault({}),
    scoring,
    stages: stageDefinitions,
    model: modelSection
      .prefault({})
      .describe('How a trained model joins the rubric; none trained: rubric only'),
    segments: z.array(segment).min(1).describe('In order; the first match wins, the last catches all'),
  })
  // `when`: run the cross checks even if a part failed, so one pass reports every issue.
  .superRefine(crossCheck, { when: (payload) => typeof payload.value === 'object' && payload.value !== null })

export type Playbook = z.output<typeof playbookSchema>
export type PlaybookInput = z.input<typeof playbookSchema>
