import type pg from 'pg'
import type { EndReason } from './clock-row.ts'

type Tx = pg.ClientBase

export interface Closure {
  reason: EndReason
  closedAt: Date
}

/** Leads rejected as a duplicate or spam; their clocks stay cancelled whatever arrives later. */
export function createPgClosureStore() {
  return {
    async find(tx: Tx, leadId: string): Promise<Closure | undefined> {
      const { rows } = await tx.query<{ reason: EndReason; closed_at: Date }>(
        `SELECT reason, closed_at FROM closed_leads WHERE lead_id = $1`,
        [leadId],
      )
      return rows[0] && { reason: rows[0].reason, closedAt: rows[0].closed_at }
    },

    /** The first closure of a lead wins; a second rejection changes nothing. */
    async record(tx: Tx, leadId: string, closure: Closure): Promise<void> {
      await tx.query(
        `INSERT INTO closed_leads (lead_id, reason, closed_at) VALUES ($1, $2, $3) ON CONFLICT (lead_id) DO NOTHING`,
        [leadId, closure.reason, closure.closedAt],
      )
    },
  }
}

export type ClosureStore = ReturnType<typeof createPgClosureStore>
