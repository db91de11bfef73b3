import { ident } from '@leadwire/runtime'
import type pg from 'pg'
import type { LedgerRow } from './ledger.ts'

type Tx = pg.ClientBase

export interface CountedLead {
  leadId: string
  attempt: number
  pool: string
  repId: string
  at: Date
}

/**
 * The fairness ledger in Postgres. `lockPools` serialises every pick of the same pools across
 * replicas until the transaction ends, which is what keeps capacity and the rotation exact:
 * counts and credits read after the lock include every earlier pick. Locks are taken in
 * sorted order so two replicas locking two pools cannot deadlock.
 */
export function createPgLedgerStore() {
  async function lockPools(tx: Tx, pools: readonly string[]): Promise<void> {
    for (const pool of [...new Set(pools)].sort()) {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':pool:' || $1))`, [pool])
    }
  }

  async function rows(tx: Tx, pool: string): Promise<LedgerRow[]> {
    const { rows } = await tx.query<{ rep_id: string; credits: number; eligible: boolean }>(
      `SELECT rep_id, credits, eligible FROM pool_ledger WHERE pool = $1`,
      [pool],
    )
    return rows.map((r) => ({ repId: r.rep_id, credits: r.credits, eligible: r.eligible }))
  }

  /** Writes the pool's credits; `eligible` (when given) is who could take this pick. */
  async function save(
    tx: Tx,
    pool: string,
    credits: Readonly<Record<string, number>>,
    eligible: readonly string[] | undefined,
    at: Date,
  ): Promise<void> {
    const ids = Object.keys(credits)
    await tx.query(
      `INSERT INTO pool_ledger (pool, rep_id, credits, eligible, updated_at)
       SELECT $1, id, c, coalesce(id = ANY($4::text[]), false), $5
       FROM unnest($2::text[], $3::float8[]) AS t(id, c)
       ON CONFLICT (pool, rep_id) DO UPDATE SET credits = EXCLUDED.credits, updated_at = EXCLUDED.updated_at,
         eligible = CASE WHEN $4::text[] IS NULL THEN pool_ledger.eligible ELSE EXCLUDED.eligible END`,
      [pool, ids, ids.map((id) => credits[id]), eligible ?? null, at],
    )
  }

  async function recordCounted(tx: Tx, c: CountedLead): Promise<void> {
    await tx.query(
      `INSERT INTO ledger_entries (lead_id, attempt, kind, pool, rep_id, delta, reason, at)
       VALUES ($1, $2, 'counted', $3, $4, 1, 'routed', $5) ON CONFLICT DO NOTHING`,
      [c.leadId, c.attempt, c.pool, c.repId, c.at],
    )
  }

  /** Gives back the credit an attempt counted; once only. Returns the rep credited, if any. */
  async function creditBack(tx: Tx, leadId: string, attempt: number, reason: string, at: Date) {
    const { rows } = await tx.query<{ pool: string; rep_id: string }>(
      `INSERT INTO ledger_entries (lead_id, attempt, kind, pool, rep_id, delta, reason, at)
       SELECT lead_id, attempt, 'credited_back', pool, rep_id, -delta, $3, $4 FROM ledger_entries
       WHERE lead_id = $1 AND attempt = $2 AND kind = 'counted'
       ON CONFLICT DO NOTHING RETURNING pool, rep_id`,
      [leadId, attempt, reason, at],
    )
    const row = rows[0]
    if (!row) return undefined
    await tx.query(
      `UPDATE pool_ledger SET credits = greatest(credits - 1, 0), updated_at = $3 WHERE pool = $1 AND rep_id = $2`,
      [row.pool, row.rep_id, at],
    )
    return row.rep_id
  }

  async function all(db: Tx | pg.Pool, schema: string) {
    const { rows } = await db.query<{ pool: string; rep_id: string; credits: number }>(
      `SELECT pool, rep_id, credits FROM ${ident(schema)}.pool_ledger ORDER BY pool, rep_id`,
    )
    return rows.map((r) => ({ pool: r.pool, repId: r.rep_id, credits: r.credits }))
  }

  return { lockPools, rows, save, recordCounted, creditBack, all }
}

export type LedgerStore = ReturnType<typeof createPgLedgerStore>
