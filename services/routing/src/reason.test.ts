import { describe, expect, it } from 'vitest'
import { routingReason } from './reason.ts'
import { seedDirectory } from './test-builders.ts'

describe('routingReason', async () => {
  const rep = (await seedDirectory()).reps.find((r) => r.id === 'rep-tom-okafor')
  const base = { segment: 'Inbound form fill', teamName: 'Mid-market SDRs', attempt: 1 }

  it('names the segment, the rep and why they got the lead, in one sentence', () => {
    expect(routingReason({ ...base, method: 'round_robin', rep })).toBe(
      'Inbound form fill: Tom Okafor is next in the Mid-market SDRs rotation.',
    )
  })

  it('says a re-route is one, and where a lead nobody can take waits', () => {
    expect(routingReason({ ...base, method: 'fallback_queue', queue: 'sdr-queue', attempt: 2 })).toBe(
      'Re-routed after an SLA escalation (attempt 2): no rep in Mid-market SDRs can take it now, so it waits in the sdr-queue queue.',
    )
  })
})
