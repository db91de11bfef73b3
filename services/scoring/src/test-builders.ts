import { join } from 'node:path'
import type { DedupResult, Enrichment, LeadSnapshot } from '@leadwire/contracts'
import { loadPlaybook } from '@leadwire/playbook'
import type { ScoreInput } from './facts.ts'

/** Small builders for the unit tests: realistic leads, one field changed per test. */
export const seedPlaybook = () => loadPlaybook(join(import.meta.dirname, '../../../infra/seed/playbook.yaml'))

export const NOW = new Date('2026-03-10T15:00:00Z')
export const minutesAgo = (minutes: number, now = NOW) =>
  new Date(now.getTime() - minutes * 60_000).toISOString()
export const daysAgo = (days: number, now = NOW) => minutesAgo(days * 24 * 60, now)

export function buildLead(over: Partial<LeadSnapshot> = {}): LeadSnapshot {
  return {
    leadId: '0b6f3f3e-2f7a-4f43-9a57-3c1c1c9b8a11',
    capturedAt: minutesAgo(2),
    contact: {
      firstName: 'Dana',
      lastName: 'Reyes',
      email: 'dana.reyes@northwind.example',
      title: 'Director of IT',
    },
    company: { name: 'Northwind Manufacturing', domain: 'northwind.example', employees: 1200, country: 'US' },
    source: { channel: 'inbound_form', intent: 'demo_request', formId: 'demo-request' },
    consent: { marketing: true, contact: true },
    custom: {},
    ...over,
  }
}

export function buildEnrichment(over: Partial<Enrichment> = {}): Enrichment {
  return {
    email: { normalized: 'dana.reyes@northwind.example', domain: 'northwind.example', kind: 'work' },
    companyDomain: 'northwind.example',
    seniority: 'director',
    department: 'it',
    country: 'US',
    timezone: 'America/Chicago',
    employees: 1200,
    industry: 'Manufacturing',
    provenance: { seniority: { source: 'derived', at: minutesAgo(1) } },
    completeness: 1,
    missing: [],
    providers: [],
    ...over,
  }
}

export const newPerson: DedupResult = {
  identityId: '5d0c1f9e-8a51-4c0e-b1b8-2f1c9e6d7a01',
  isDuplicate: false,
  matchedOn: [],
  evidence: [],
}

export function buildInput(over: Partial<ScoreInput> = {}): ScoreInput {
  return {
    lead: buildLead(),
    enrichment: buildEnrichment(),
    dedup: newPerson,
    activities: [],
    now: NOW,
    ...over,
  }
}

/** A student on a personal mailbox who signed up without asking for anything. */
export function studentInput(): ScoreInput {
  return buildInput({
    lead: buildLead({
      contact: { firstName: 'Jamie', email: 'jamie.lee2004@gmail.com', title: 'Student' },
      company: {},
      source: { channel: 'inbound_form', formId: 'newsletter-footer' },
    }),
    enrichment: buildEnrichment({
      email: { normalized: 'jamie.lee2004@gmail.com', domain: 'gmail.com', kind: 'free' },
      companyDomain: undefined,
      seniority: 'individual_contributor',
      department: undefined,
      employees: undefined,
      industry: undefined,
      country: undefined,
      completeness: 0.25,
      missing: ['company', 'employees', 'industry'],
    }),
  })
}
