import { ident } from '@leadwire/runtime'
import type pg from 'pg'

export interface LoggedDecision {
  attempt: number
  repId: string | null
  teamId: string
  queue: string | null
  method: string
  segment: string
  reason: string
  routedAt: string
  slaDueAt: string | null
  previousRepId: string | null
  closedAt: string | null
  closeReason: string | null
  decision: unknown
}

/** Every attempt of a lead with its decision path, oldest first: the decision log. */
export async function decisionsOf(db: pg.Pool, schema: string, leadId: string): Promise<LoggedDecision[]> {
  const { rows } = await db.query<LoggedDecision>(
    `SELECT attempt, rep_id AS "repId", team_id AS "teamId", queue, method, segment, reason,
            to_json(routed_at) #>> '{}' AS "routedAt", to_json(sla_due_at) #>> '{}' AS "slaDueAt",
            previous_rep_id AS "previousRepId", to_json(closed_at) #>> '{}' AS "closedAt",
            close_reason AS "closeReason", decision
     FROM ${ident(schema)}.assignments WHERE lead_id = $1 ORDER BY attempt`,
    [leadId],
  )
  return rows
}
