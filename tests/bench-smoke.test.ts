import { formatTable } from '@leadwire/bench/report'
import { runBench, smokeBench } from '@leadwire/bench/run'
import { describe, expect, it } from 'vitest'

// Keeps `npm run bench` from rotting: one short, low-rate step through the same code. It
// asserts what was measured, never how fast: speed is the full bench's business.
describe('bench smoke', () => {
  it('measures the floor and leadwire at one low rate, with every lead routed and every figure present', async () => {
    const result = await runBench({ ...smokeBench, log: () => {} })
    expect(result.steps).toHaveLength(1)
    const [step] = result.steps
    expect(step!.floor.delivered).toBe(step!.floor.sent)
    expect(step!.leadwire.accepted).toBeGreaterThan(0)
    expect(step!.leadwire.routed).toBe(step!.leadwire.accepted)
    expect(step!.leadwire.missing).toBe(0)
    expect(step!.leadwire.endToEnd.p99).toBeGreaterThan(0)
    expect(Object.keys(step!.rssMiB).sort()).toEqual([
      'capture',
      'dedup',
      'enrichment',
      'routing',
      'scoring',
      'sla-watchdog',
    ])
    expect(formatTable(result.steps)).toMatch(/e2e p99/)
    expect(result.bulk).toMatchObject({ leads: 200, accepted: 200, missing: 0 })
  })
})
