import { businessHours, timeZone } from '@leadwire/playbook'
import { z } from 'zod'

export const directoryId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'expected a lowercase id like rep-ava-chen' })
  .max(64)

const words = z.array(z.string().min(1).max(100)).default([])
const instant = z.iso.datetime({ offset: true })

export const territories = z
  .strictObject({
    countries: z.array(z.string().length(2).toUpperCase()).default([]),
    regions: words,
    states: words,
    accounts: words.describe('Named accounts: company domains or names, matched case-insensitively'),
  })
  .describe('A rep with territories only takes leads from them; none means anywhere')

export const skills = z
  .strictObject({ industries: words, products: words, languages: words })
  .describe('Each non-empty list must contain the lead’s value when the lead has one')

export const absence = z
  .strictObject({ from: instant, to: instant, note: z.string().max(200).optional() })
  .refine((a) => Date.parse(a.from) < Date.parse(a.to), { error: 'from must be before to', path: ['to'] })

export const rep = z.strictObject({
  id: directoryId,
  name: z.string().min(1),
  email: z.email(),
  team: directoryId,
  timezone: timeZone,
  weight: z.int().min(1).default(1).describe('Share in a weighted round robin'),
  active: z.boolean().default(true).describe('Inactive reps (leave, departed) receive no leads'),
  capacity: z.strictObject({
    maxOpen: z.int().min(1).describe('Open leads before the rep is skipped'),
    maxPerDay: z.int().min(1).optional().describe('New leads per local day before the rep is skipped'),
  }),
  territories: territories.optional(),
  skills: skills.optional(),
  workingHours: businessHours.optional().describe('Weekly hours and holidays in the rep’s own time zone'),
  outOfOffice: z.array(absence).default([]),
})

export const onCallShift = z
  .strictObject({ from: instant, to: instant, primary: directoryId, secondary: directoryId.optional() })
  .refine((s) => Date.parse(s.from) < Date.parse(s.to), { error: 'from must be before to', path: ['to'] })

export const team = z.strictObject({
  id: directoryId,
  name: z.string().min(1),
  manager: directoryId.optional().describe('Takes escalations that the playbook sends to the manager'),
  onCall: z.array(directoryId).default([]).describe('In order; the first eligible one takes off-hours leads'),
  onCallShifts: z
    .array(onCallShift)
    .default([])
    .describe('Rotation with handover times; the shift covering now overrides onCall'),
})

export type RepInput = z.input<typeof rep>
export type TeamInput = z.input<typeof team>
