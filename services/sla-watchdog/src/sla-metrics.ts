import { ident } from '@leadwire/runtime'
import type pg from 'pg'
import { Counter, Gauge, Histogram, type Registry } from 'prom-client'
import type { FiredStep } from './ticker.ts'

/**
 * The watchdog's own metrics on the service registry. Names agreed with the runtime metrics
 * work: `leadwire_sla_timers_pending` and `leadwire_sla_breaches_total{segment,level}`.
 */
export function createSlaMetrics(registry: Registry, pool: pg.Pool, schema: string) {
  // Another module may have registered them first (the metrics work runs in parallel): reuse.
  const existing = <T>(name: string) => registry.getSingleMetric(name) as T | undefined
  const pending =
    existing<Gauge>('leadwire_sla_timers_pending') ??
    new Gauge({
      name: 'leadwire_sla_timers_pending',
      help: 'Running SLA clocks with a step still to fire (read from Postgres at scrape time)',
      registers: [registry],
      // At scrape time rather than per tick: one indexed count, and replicas agree on it.
      async collect() {
        const { rows } = await pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM ${ident(schema)}.clocks WHERE state = 'running' AND next_fire_at IS NOT NULL`,
        )
        this.set(Number(rows[0]?.n ?? 0))
      },
    })
  const breaches =
    existing<Counter<'segment' | 'level'>>('leadwire_sla_breaches_total') ??
    new Counter({
      name: 'leadwire_sla_breaches_total',
      help: 'SLA steps fired by this replica (warnings, breaches, escalations), by segment and level',
      labelNames: ['segment', 'level'] as const,
      registers: [registry],
    })
  const lateness =
    existing<Histogram>('leadwire_sla_fire_lateness_seconds') ??
    new Histogram({
      name: 'leadwire_sla_fire_lateness_seconds',
      help: 'How long after its planned time a step was committed to the outbox',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30],
      registers: [registry],
    })
  return {
    pending,
    onFired(steps: readonly FiredStep[]) {
      for (const s of steps) {
        breaches.inc({ segment: s.segment, level: s.level })
        lateness.observe(Math.max(0, s.lateMs) / 1000)
      }
    },
  }
}
