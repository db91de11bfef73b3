import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { repoRoot } from '@leadwire/stack/services'
import { describe, expect, it } from 'vitest'
import { type FaultResult, faults, formatTable, runFaultSuite } from './suite.ts'

// The fault suite at the size `npm test` affords (a few minutes): every fault once, against
// a private Kafka, Postgres and Redis, while leads stream in. `npm run faults` runs it longer
// and at a higher rate.
describe('faults', () => {
  it('loses no accepted lead, routes none twice and keeps every SLA clock through each fault', async () => {
    rmSync(`${repoRoot}.leadwire/test-logs/faults`, { recursive: true, force: true })
    const results = await runFaultSuite({
      ratePerSecond: Number(process.env.FAULTS_RATE ?? 4),
      calmSeconds: 4,
      backPressureSeconds: Number(process.env.FAULTS_BACK_PRESSURE_SECONDS ?? 30),
      recoveryTimeoutSeconds: 120,
      logDir: `${repoRoot}.leadwire/test-logs/faults`,
      rawFile: `${repoRoot}.leadwire/test-logs/faults/raw.json`,
    })
    const table = formatTable(results)
    console.log(`\n${table}\n`)
    mkdirSync(`${repoRoot}.leadwire/faults`, { recursive: true })
    writeFileSync(`${repoRoot}.leadwire/faults/test-run.md`, `${table}\n`)

    expect(results.map((r) => r.fault)).toEqual(['none (baseline)', ...faults.map((f) => f.name)])
    const row = (name: string): FaultResult => results.find((r) => r.fault.startsWith(name))!
    for (const r of results) {
      // The stream kept going through every fault, and nearly every POST was accepted.
      expect(r.accepted, r.fault).toBeGreaterThan(0)
      expect(r, r.fault).toMatchObject({ missing: 0, duplicated: 0, timersBroken: 0 })
      expect(r.stored, `${r.fault}: every 202 is in the capture store`).toBeGreaterThanOrEqual(r.accepted)
      expect(r.routed, r.fault).toBe(r.stored)
      expect(
        r.notes.filter((n) => n.startsWith('not recovered') || n.startsWith('crash')),
        r.fault,
      ).toEqual([])
    }
    // Upstream keeps accepting while a downstream service is away: no POST refused at all.
    expect(row('scoring stopped').refused).toEqual({})
    expect(row('scoring stopped').accepted).toBe(row('scoring stopped').sent)
    // Capture refuses only while its own store is down, and then with a 503 that says when
    // to retry, never a 500.
    expect(Object.keys(row('Postgres crash').refused).every((s) => s === '503')).toBe(true)
    expect(row('Postgres crash').withoutRetryAfter).toBe(0)
    // Every other fault, Kafka and Redis included, costs no POST its 202.
    for (const r of results.filter((r) => !r.fault.startsWith('Postgres') && !r.fault.includes('capture'))) {
      expect(r.refused, r.fault).toEqual({})
    }
  }, 1_800_000)
})
