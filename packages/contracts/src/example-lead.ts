import type { Assignment } from './assignment.ts'
import type { DedupResult } from './dedup-result.ts'
import type { Enrichment } from './enrichment.ts'
import type { LeadSnapshot } from './lead.ts'
import type { Score } from './score.ts'

/*
 * The parts every later lead event carries, written once: one lead (an enterprise demo request)
 * and what enrichment, dedup, scoring and routing said about it. In wire form, as `encodeEvent`
 * emits them after parsing: defaults filled in, text already trimmed and upper-cased.
 */

export const exampleLeadId = '3f1c2a9e-8b7d-4e6f-9a5b-1c2d3e4f5a6b'
/** A time on the day the example lead arrived. */
export const exampleAt = (time: string) => `2025-03-11T${time}Z`

export const exampleLead: LeadSnapshot = {
  leadId: exampleLeadId,
  capturedAt: exampleAt('14:02:07.412'),
  contact: {
    firstName: 'Dana',
    lastName: 'Whitfield',
    email: 'dana.whitfield@northwind-logistics.example',
    phone: '+1 415 555 0142',
    title: 'Director of Revenue Operations',
  },
  company: {
    name: 'Northwind Logistics',
    domain: 'northwind-logistics.example',
    employees: 1200,
    industry: 'Logistics',
    country: 'US',
  },
  source: {
    channel: 'inbound_form',
    intent: 'demo_request',
    formId: 'demo-request',
    submissionId: 'sub_01JP3Z8M6V4K2T9XQ7',
    utm: { source: 'google', medium: 'cpc', campaign: 'q1-enterprise-demo' },
    pageUrl: 'https://leadwire.example/demo',
    referrer: 'https://www.google.com/',
  },
  consent: { marketing: true, contact: true },
  custom: { fleet_size: 340, current_crm: 'Salesforce' },
}

export const exampleEnrichment: Enrichment = {
  email: {
    normalized: 'dana.whitfield@northwind-logistics.example',
    domain: 'northwind-logistics.example',
    kind: 'work',
  },
  companyDomain: 'northwind-logistics.example',
  phoneE164: '+14155550142',
  phoneCountry: 'US',
  seniority: 'director',
  department: 'operations',
  country: 'US',
  timezone: 'America/Los_Angeles',
  employees: 1200,
  industry: 'Logistics',
  firmographics: {
    name: 'Northwind Logistics',
    industry: 'Transportation & Logistics',
    employeeBand: '1001-5000',
    revenueBand: '100M-500M',
    country: 'US',
    technologies: ['Salesforce', 'Snowflake'],
  },
  provenance: {
    seniority: { source: 'derived', at: exampleAt('14:02:07.530') },
    phoneE164: { source: 'derived', at: exampleAt('14:02:07.530') },
    firmographics: { source: 'clearbit', at: exampleAt('14:02:07.811') },
  },
  completeness: 1,
  missing: [],
  providers: [{ name: 'clearbit', status: 'hit' }],
}

export const exampleDedup: DedupResult = {
  identityId: '9d4e1b7c-2f3a-4c5d-8e6f-7a8b9c0d1e2f',
  isDuplicate: false,
  matchWeight: -11.2,
  matchProbability: 0.0004,
  matchedOn: [],
  evidence: [
    { field: 'email', comparator: 'exact', level: 'different', weight: -9.6 },
    { field: 'company_domain', comparator: 'exact', level: 'exact', weight: 4.1 },
  ],
}

export const exampleScore: Score = {
  fit: 62,
  intent: 35,
  total: 97,
  stage: 'sql',
  segment: 'enterprise_demo',
  contributions: [
    { rule: 'title_director_plus', kind: 'fit', points: 25 },
    { rule: 'employees_500_plus', kind: 'fit', points: 25 },
    { rule: 'target_industry', kind: 'fit', points: 12, detail: 'Logistics' },
    { rule: 'demo_request_7d', kind: 'intent', points: 35 },
  ],
  rubricVersion: '2025-03-01',
  modelVersion: null,
  scoredAt: exampleAt('14:02:08.020'),
}

export const exampleAssignment: Assignment = {
  repId: 'rep_0142',
  repName: 'Maya Okafor',
  repEmail: 'maya.okafor@leadwire.example',
  teamId: 'enterprise-ae-west',
  method: 'on_call',
  reason: 'Enterprise demo request: assigned to the on-call AE for the West territory.',
  trace: [
    { rule: 'account_owner', outcome: 'no existing account owner' },
    { rule: 'enterprise_on_call', outcome: 'on-call AE rep_0142 has capacity' },
  ],
  attempt: 1,
  routedAt: exampleAt('14:02:08.104'),
}
