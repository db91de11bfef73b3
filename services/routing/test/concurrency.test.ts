import { leadScoredV1 } from '@leadwire/contracts'
import { deliver } from '@leadwire/stack/testing'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { scoredLead } from './builders.ts'
import { type RoutingFixture, routingFixture, subscriptionsFor } from './support.ts'

// Several routing replicas, each with its own Postgres pool (its own connections), route
// leads of one pool at the same time against the same schema.
let fx: RoutingFixture
let replicas: pg.Pool[]
beforeEach(async () => {
  fx = await routingFixture()
  replicas = Array.from({ length: 4 }, () => new pg.Pool({ connectionString: fx.ns.config.pg.url, max: 3 }))
})
afterEach(async () => {
  await Promise.all(replicas.map((p) => p.end()))
  await fx.cleanup()
})

/** Routes `count` fresh mid-market leads spread over the replicas, all at once. */
async function routeInParallel(count: number) {
  const subs = subscriptionsFor(fx)
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      deliver(
        { ...fx.ns, pool: replicas[i % replicas.length]! },
        'routing',
        subs,
        leadScoredV1,
        scoredLead(),
      ),
    ),
  )
  const { rows } = await fx.ns.pool.query<{ rep_id: string | null; n: number }>(
    `SELECT rep_id, count(*)::int AS n FROM ${`"${fx.schema}"`}.assignments GROUP BY rep_id`,
  )
  return Object.fromEntries(rows.map((r) => [r.rep_id ?? 'queue', r.n]))
}

const setCapacity = (maxOpen: number) =>
  fx.directoryStore.update(fx.ns.pool, fx.playbook, (d) => ({
    ...d,
    reps: d.reps.map((r) => ({ ...(r as object), capacity: { maxOpen } })),
  }))

describe('routing replicas in parallel', () => {
  it('never exceeds a rep capacity; the rest waits in the fallback queue', async () => {
    await setCapacity(3)
    expect(await routeInParallel(16)).toEqual({ 'rep-priya-nair': 3, 'rep-tom-okafor': 3, queue: 10 })
  })

  it('hands out every round-robin turn once: an exact split, credits matching leads', async () => {
    expect(await routeInParallel(20)).toEqual({ 'rep-priya-nair': 10, 'rep-tom-okafor': 10 })
    const ledger = await fx.ledger.all(fx.ns.pool, fx.schema)
    expect(ledger.filter((r) => r.pool === 'mid-market-sdr')).toEqual([
      { pool: 'mid-market-sdr', repId: 'rep-priya-nair', credits: 10 },
      { pool: 'mid-market-sdr', repId: 'rep-tom-okafor', credits: 10 },
    ])
  })
})
