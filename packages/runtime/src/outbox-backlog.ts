import type pg from 'pg'
import type { Metrics } from './metrics.ts'
import { ident } from './migrate.ts'

/**
 * The backlog gauges: counted when a pass fails or comes back full (at most once a second,
 * since a count over a long backlog is not free), cleared when a pass empties the outbox.
 * While Kafka is down the failing passes keep the count and the oldest row's age current.
 */
export function backlogGauge(pool: pg.Pool, schema: string, metrics: Metrics | undefined) {
  let last = 0
  return {
    async measure() {
      if (!metrics || Date.now() - last < 1000) return
      last = Date.now()
      const { rows } = await pool
        .query<{ n: number; age: number | null }>(
          `SELECT count(*)::int AS n, EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS age FROM ${ident(schema)}.outbox`,
        )
        .catch(() => ({ rows: [] }))
      if (!rows[0]) return
      metrics.outboxPending.set(rows[0].n)
      metrics.outboxOldestSeconds.set(rows[0].age ?? 0)
    },
    clear() {
      metrics?.outboxPending.set(0)
      metrics?.outboxOldestSeconds.set(0)
    },
  }
}
