import type pg from 'pg'
import type { Speed } from './speed.ts'

export interface FirstTouch {
  leadId: string
  repId: string
  touchedAt: Date
  /** Absent while the touch waits for the lead's routed event (they travel on different topics). */
  measured?: Measured
}

export interface Measured {
  capturedAt: Date
  routedAt: Date
  speed: Speed
}

interface TouchRow {
  lead_id: string
  rep_id: string
  touched_at: Date
  captured_at: Date | null
  routed_at: Date | null
  speed_calendar_ms: string | null
  speed_business_ms: string | null
  within_sla: boolean | null
}

/** A client in a transaction with the service schema on its search_path. */
type Tx = pg.ClientBase

/** Each lead's first touch and its speed-to-lead; later touches of the same lead change nothing. */
export function createPgFirstTouchStore() {
  return {
    async find(tx: Tx, leadId: string): Promise<FirstTouch | undefined> {
      const { rows } = await tx.query<TouchRow>(`SELECT * FROM first_touches WHERE lead_id = $1`, [leadId])
      return rows[0] && fromRow(rows[0])
    },

    /** Records the touch if it is the lead's first; false when one was already recorded. */
    async record(tx: Tx, touch: FirstTouch): Promise<boolean> {
      const m = touch.measured
      const res = await tx.query(
        `INSERT INTO first_touches (lead_id, rep_id, touched_at, captured_at, routed_at,
           speed_calendar_ms, speed_business_ms, within_sla)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (lead_id) DO NOTHING`,
        [
          touch.leadId,
          touch.repId,
          touch.touchedAt,
          m?.capturedAt ?? null,
          m?.routedAt ?? null,
          m?.speed.calendarMs ?? null,
          m?.speed.businessMs ?? null,
          m?.speed.withinSla ?? null,
        ],
      )
      return res.rowCount === 1
    },

    /** Fills in the speed of a touch recorded before its lead had a clock. */
    async complete(tx: Tx, leadId: string, m: Measured): Promise<void> {
      await tx.query(
        `UPDATE first_touches SET captured_at = $2, routed_at = $3, speed_calendar_ms = $4,
           speed_business_ms = $5, within_sla = $6
         WHERE lead_id = $1 AND routed_at IS NULL`,
        [leadId, m.capturedAt, m.routedAt, m.speed.calendarMs, m.speed.businessMs, m.speed.withinSla],
      )
    },
  }
}

export type FirstTouchStore = ReturnType<typeof createPgFirstTouchStore>

function fromRow(r: TouchRow): FirstTouch {
  const touch: FirstTouch = { leadId: r.lead_id, repId: r.rep_id, touchedAt: r.touched_at }
  if (r.captured_at && r.routed_at) {
    touch.measured = {
      capturedAt: r.captured_at,
      routedAt: r.routed_at,
      speed: {
        calendarMs: Number(r.speed_calendar_ms),
        businessMs: Number(r.speed_business_ms),
        withinSla: r.within_sla === true,
      },
    }
  }
  return touch
}
