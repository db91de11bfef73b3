import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Playbook } from '@leadwire/playbook'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Directory } from '../directory.ts'
import { buildScored, seedDirectory, seedPlaybook } from '../test-builders.ts'
import { runSimulation } from './cli.ts'
import { simulate } from './simulate.ts'

let playbook: Playbook
let directory: Directory
let dir: string
beforeAll(async () => {
  ;[playbook, directory] = await Promise.all([seedPlaybook(), seedDirectory()])
  dir = await mkdtemp(join(tmpdir(), 'leadwire-sim-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** A scored lead of a fresh person at `at`. */
const lead = (segment: string, at: string) => {
  const scored = buildScored({ segment })
  return {
    ...scored,
    lead: { ...scored.lead, leadId: randomUUID() },
    dedup: { ...scored.dedup, identityId: randomUUID() },
    score: { ...scored.score, scoredAt: at },
  }
}
// Tuesday in hours (11:00 New York) and Tuesday night (23:00).
const day = Array.from({ length: 6 }, () => lead('mid_market', '2026-03-10T15:00:00Z'))
const night = Array.from({ length: 2 }, () => lead('enterprise_demo', '2026-03-11T03:00:00Z'))

describe('simulation', () => {
  it('reports per-rep load, fairness, after-hours coverage and SLA share', () => {
    const report = simulate(playbook, directory, [...day, ...night])
    expect(report.perRep).toEqual({ 'rep-priya-nair': 3, 'rep-tom-okafor': 3, 'rep-ava-chen': 2 })
    expect(report.fairness.find((f) => f.pool === 'mid-market-sdr')?.maxDeviation).toBe(0)
    expect(report.afterHours).toEqual({ leads: 2, toRep: 2, coverage: 1 })
    expect(report.sla).toEqual({ met: 8, share: 1 })
  })

  it('shows the diff of a candidate that drops 24/7 cover, from a file', async () => {
    const candidate = structuredClone(playbook)
    candidate.segments.find((s) => s.name === 'enterprise_demo')!.coverage.hours = 'business'
    candidate.version = 'candidate'
    await writeFile(join(dir, 'candidate.json'), JSON.stringify(candidate))
    await writeFile(join(dir, 'leads.jsonl'), [...day, ...night].map((l) => JSON.stringify(l)).join('\n'))
    const seed = (f: string) => join(import.meta.dirname, '../../../../infra/seed', f)
    const result = await runSimulation({
      candidate: join(dir, 'candidate.json'),
      current: seed('playbook.yaml'),
      directory: seed('directory.yaml'),
      file: join(dir, 'leads.jsonl'),
      brokers: [],
    })
    expect(result.leads).toBe(8)
    // Off hours the enterprise demos now rotate over the team instead of paging on-call;
    // their 5-minute calendar clock then runs while nobody is on shift.
    expect(result.diff.slaMetShare).toEqual({ current: 1, candidate: 0.75 })
    expect(result.diff.perRep['rep-marcus-bell']).toEqual({ current: 0, candidate: 1 })
  })
})
