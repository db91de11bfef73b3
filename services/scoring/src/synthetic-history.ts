import { randomUUID } from 'node:crypto'
import type { LeadDeduplicatedV1 } from '@leadwire/contracts'
import { seededRandom } from './model/random.ts'
import { buildEnrichment, buildLead, newPerson } from './test-builders.ts'

const seniorities = ['c_level', 'vp', 'director', 'manager', 'individual_contributor'] as const
const intents = ['demo_request', 'pricing', 'content_download', 'newsletter', undefined] as const
const industries = ['Software', 'Manufacturing', 'Education', 'Retail'] as const

export interface SyntheticLead {
  data: LeadDeduplicatedV1
  /** Whether it went on to convert, drawn from a known rule so a model has something to learn. */
  converted: boolean
}

/**
 * Leads for tests of training: senior people at larger firms who asked for a demo convert
 * more often, with noise. Same seed, same leads; ids are fresh so tests never collide.
 */
export function syntheticLeads(
  count: number,
  seed: number,
  capturedAt: (i: number) => Date,
): SyntheticLead[] {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  return Array.from({ length: count }, (_, i) => {
    const seniority = pick(seniorities)
    const intent = pick(intents)
    const industry = pick(industries)
    const employees = Math.round(10 ** (1 + random() * 3.5))
    const logit =
      -1.5 +
      (seniority === 'c_level' || seniority === 'vp' ? 1.5 : seniority === 'director' ? 1 : 0) +
      (intent === 'demo_request' ? 2 : intent === 'pricing' ? 1.2 : 0) +
      (employees >= 500 ? 0.8 : 0) -
      (industry === 'Education' ? 1 : 0)
    const converted = random() < 1 / (1 + Math.exp(-logit))
    const leadId = randomUUID()
    const lead = buildLead({
      leadId,
      capturedAt: capturedAt(i).toISOString(),
      company: { name: `Firm ${i}`, employees, industry },
      source: {
        channel: 'inbound_form',
        ...(intent && { intent }),
        formId: intent ? `${intent}-form` : 'newsletter',
      },
    })
    const enrichment = buildEnrichment({ seniority, employees, industry })
    return { data: { lead, enrichment, dedup: { ...newPerson, identityId: randomUUID() } }, converted }
  })
}
