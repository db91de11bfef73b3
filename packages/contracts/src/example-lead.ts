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
    { field: 'domain', comparator: 'exact', level: 'exact', weight: 4.1 },
  ],
  decision: 'distinct',
  candidate: {
    identityId: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
    leadId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
    matchProbability: 0.0004,
  },
  identity: {
    canonicalLeadId: exampleLeadId,
    leadCount: 1,
    firstSeenAt: exampleAt('14:02:07.412'),
    lastSeenAt: exampleAt('14:02:07.412'),
    mergedIdentityIds: [],
    recentIntents: [
      {
        leadId: exampleLeadId,
        intent: 'demo_request',
        channel: 'inbound_form',
        at: exampleAt('14:02:07.412'),
      },
    ],
  },
  account: {
    accountId: '5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
    name: 'Northwind Logistics',
    domain: 'northwind-logistics.example',
    matchedBy: 'domain',
    corroboratedBy: [],
  },
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
  nextBestAction: {
    channel: { value: 'call', reason: 'SQL with a phone number on file: a call now converts best.' },
    timing: {
      value: 'now',
      at: exampleAt('14:02:08.020'),
      timezone: 'America/Chicago',
      reason: "09:02 on Tuesday in the lead's time zone (America/Chicago), within business hours.",
    },
    talkingPoint: {
      text: 'They asked to see the product; confirm the use case and book the demo.',
      basedOn: ['demo_request_7d'],
      reason: 'Strongest intent signal: demo_request_7d (+35 points).',
    },
  },
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
  segment: 'enterprise_demo',
  slaDueAt: exampleAt('14:07:08.104'),
  decision: {
    segment: 'enterprise_demo',
    rules: [
      { rule: 'account_owner', outcome: 'no existing account owner' },
      { rule: 'enterprise_on_call', outcome: 'on-call AE rep_0142 has capacity' },
    ],
    filteredOut: [{ repId: 'rep_0107', reason: 'out of office until 2026-03-14' }],
    chosen: 'rep_0142',
    pool: {
      id: 'enterprise-ae-west',
      members: [
        { repId: 'rep_0142', weight: 2, credits: 14, open: 9 },
        { repId: 'rep_0107', weight: 1, credits: 7, open: 4 },
      ],
    },
  },
}
