import { Gauge, type Registry } from 'prom-client'
import { poolFairness } from './admin/read-routes.ts'
import type { DirectoryStore } from './pg-directory-store.ts'

type Figures = Awaited<ReturnType<typeof poolFairness>>

/**
 * Fairness per pool on /metrics, read from the ledger at scrape time so every replica
 * reports the same shared figures: each rep's share, its weighted target, and the pool's
 * largest deviation.
 */
export function registerFairnessMetrics(
  registry: Registry,
  deps: { pool: import('pg').Pool; schema: string; directory: DirectoryStore },
) {
  // One query per scrape, shared by the three gauges that collect concurrently.
  let inFlight: Promise<Figures> | undefined
  const figures = () => {
    inFlight ??= poolFairness(deps).finally(() => setImmediate(() => (inFlight = undefined)))
    return inFlight
  }
  new Gauge({
    name: 'leadwire_routing_pool_share',
    help: "A rep's share of the pool's ledger credits",
    labelNames: ['pool', 'rep'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const p of await figures())
        for (const s of p.shares) this.set({ pool: p.pool, rep: s.repId }, s.share)
    },
  })
  new Gauge({
    name: 'leadwire_routing_pool_target_share',
    help: "A rep's weight as a share of the pool's weights",
    labelNames: ['pool', 'rep'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const p of await figures())
        for (const s of p.shares) this.set({ pool: p.pool, rep: s.repId }, s.target)
    },
  })
  new Gauge({
    name: 'leadwire_routing_pool_max_deviation',
    help: 'Largest gap between a rep share and its target in the pool',
    labelNames: ['pool'] as const,
    registers: [registry],
    async collect() {
      this.reset()
      for (const p of await figures()) this.set({ pool: p.pool }, p.maxDeviation)
    },
  })
}
