import { join } from 'node:path'
import type { LeadScoredV1 } from '@leadwire/contracts'
import { loadPlaybook } from '@leadwire/playbook'
import { loadDirectory } from './directory.ts'

/** Small builders for the unit tests: the seed playbook and directory, and one scored lead. */
const seed = (file: string) => join(import.meta.dirname, '../../../infra/seed', file)
export const seedPlaybook = () => loadPlaybook(seed('playbook.yaml'))
export const seedDirectory = () => loadDirectory(seed('directory.yaml'))

/** Tuesday 11:00 and Monday 23:00 in New York (EDT), the seed playbook's time zone. */
export const IN_HOURS = new Date('2026-03-10T15:00:00Z')
export const OFF_HOURS = new Date('2026-03-10T03:00:00Z')

type Over = {
  segment?: string
  channel?: LeadScoredV1['lead']['source']['channel']
  originalOwnerId?: string
}

export function buildScored({
  segment = 'mid_market',
  channel = 'inbound_form',
  originalOwnerId,
}: Over = {}): LeadScoredV1 {
  const at = '2026-03-10T14:58:00Z'
  return {
    lead: {
      leadId: '7c1e4a52-9a8b-4d6f-8a3e-2b9f0d1c5e77',
      capturedAt: at,
      contact: {
        firstName: 'Rosa',
        lastName: 'Diaz',
        email: 'rosa.diaz@contoso.example',
        title: 'Sales Manager',
      },
      company: { name: 'Contoso', domain: 'contoso.example', employees: 350, country: 'US' },
      source: { channel, intent: 'content_download', ...(originalOwnerId ? { originalOwnerId } : {}) },
      consent: {},
      custom: {},
    },
    enrichment: { provenance: {}, completeness: 0.9, missing: [], providers: [] },
    dedup: {
      identityId: 'a3b1c2d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
      isDuplicate: false,
      matchedOn: [],
      evidence: [],
    },
    score: {
      fit: 38,
      intent: 5,
      total: 43,
      stage: 'mql',
      segment,
      contributions: [],
      rubricVersion: '2026.1-default',
      modelVersion: null,
      scoredAt: at,
    },
  }
}
