import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { ident, migrate, runtimeMigrationsDir } from '@leadwire/runtime'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatCostTable, measureCandidateCost } from '../src/bench/candidate-cost.ts'
import { candidatesPerKey } from '../src/matching/blocking.ts'

// Keeps bench/candidate-cost.ts from rotting with a store of a few thousand; the 1M run is
// the bench's business, never npm test's. It asserts what was measured, not how fast.
const schema = `dedup_bench_smoke_${randomBytes(4).toString('hex')}`
let pool: pg.Pool
beforeAll(async () => {
  pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    max: 2,
    options: `-c search_path=${schema}`,
  })
  await migrate(pool, schema, [
    { label: 'runtime', dir: runtimeMigrationsDir },
    { label: 'dedup', dir: fileURLToPath(new URL('../migrations', import.meta.url)) },
  ])
})
afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`)
  await pool.end()
})

describe('candidate cost bench', () => {
  it('grows the store step by step and bounds the candidates any lead is compared with', async () => {
    const steps = await measureCandidateCost(pool, schema, { sizes: [3000, 1000], probes: 20 })
    expect(steps.map((s) => s.identities)).toEqual([1000, 3000])
    for (const s of steps) {
      expect(s.candidates.mean).toBeGreaterThan(0)
      expect(s.candidates.max).toBeLessThanOrEqual(candidatesPerKey * 20)
      expect(s.ms.p50).toBeGreaterThan(0)
    }
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM identities')
    expect(rows[0].n).toBe(3000)
    expect(formatCostTable(steps)).toMatch(/identities\s+probes/)
  })
})
