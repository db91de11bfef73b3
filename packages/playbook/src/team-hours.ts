import { z } from 'zod'
import { businessHours, timeZone } from './business-hours.ts'

/**
 * Working hours of one team, when they differ from the playbook's: a team in Chicago or
 * Berlin runs its business-time SLA clocks in its own zone, with its own holidays.
 */
export const teamHoursEntry = z.strictObject({
  timezone: timeZone.describe("The team's business clock runs in this zone"),
  businessHours: businessHours.optional().describe("Absent: the playbook's weekly hours and holidays"),
})

export const teamHours = z
  .record(z.string().min(1).max(64), teamHoursEntry)
  .default({})
  .describe('Team id (from the rep directory) -> working hours; teams not listed use the playbook hours')

export type TeamHours = z.infer<typeof teamHoursEntry>
