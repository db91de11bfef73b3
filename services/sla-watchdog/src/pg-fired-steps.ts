import type pg from 'pg'
import type { ClockStep } from './clock.ts'
import type { Clock } from './clock-row.ts'

export interface FiredRow {
  clock: Clock
  step: ClockStep
}

/**
 * Records fired steps for the RevOps figures, in the ticker's transaction, one statement per
 * batch. ON CONFLICT DO NOTHING: the row lock already makes a step fire once; this keeps a bug
 * there from counting a breach twice.
 */
export async function recordFired(
  tx: pg.ClientBase,
  fired: readonly FiredRow[],
  firedAt: Date,
): Promise<void> {
  if (fired.length === 0) return
  const col = <T>(pick: (f: FiredRow) => T) => fired.map(pick)
  await tx.query(
    `INSERT INTO fired_steps (lead_id, attempt, step, level, action, segment, rep_id, team_id, routed_at,
       fire_at, fired_at)
     SELECT *, $11::timestamptz FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::text[],
       $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])
     ON CONFLICT DO NOTHING`,
    [
      col((f) => f.clock.leadId),
      col((f) => f.clock.attempt),
      col((f) => f.step.step),
      col((f) => f.step.level),
      col((f) => f.step.action),
      col((f) => f.clock.segment),
      col((f) => f.clock.repId ?? null),
      col((f) => f.clock.teamId ?? null),
      col((f) => f.clock.routedAt),
      col((f) => f.step.fireAt),
      firedAt,
    ],
  )
}
