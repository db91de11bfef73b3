import { ident } from '@leadwire/runtime'
import type pg from 'pg'

export const statsDimensions = ['all', 'segment', 'rep', 'team', 'hour_of_week'] as const
export type StatsDimension = (typeof statsDimensions)[number]

export interface StatsQuery {
  from: Date
  to: Date
  by: StatsDimension
  /** The zone hour_of_week is read in (the playbook's by default). */
  timezone: string
  now: Date
}

/** Median and p90 in milliseconds; null when nothing was touched in the group. */
export interface Spread {
  medianMs: number | null
  p90Ms: number | null
}

export interface StatsGroup {
  key: string
  clocks: number
  met: number
  missed: number
  /** met / (met + missed); null while no clock in the group has been decided. */
  compliance: number | null
  touched: number
  speedToLead: { calendar: Spread; business: Spread }
  warnings: number
  breaches: number
  escalations: number
}

// Whitelisted column expressions: the dimension never reaches SQL as user text. Both tables
// (clocks, fired_steps) carry these columns under the same names; `zone` is a placeholder.
function keyOf(by: StatsDimension, zone: string, t = ''): string {
  const local = `(${t}routed_at AT TIME ZONE ${zone}::text)`
  const how = `(extract(isodow FROM ${local})::int - 1) * 24 + extract(hour FROM ${local})::int`
  const keys: Record<StatsDimension, string> = {
    all: `'all'`,
    segment: `${t}segment`,
    rep: `coalesce(${t}rep_id, '(queue)')`,
    team: `coalesce(${t}team_id, '(none)')`,
    hour_of_week: `lpad((${how})::text, 3, '0')`,
  }
  return keys[by]
}

/**
 * SLA figures per group over clocks routed in [from, to), from the service's own tables. A
 * clock is met when touched by its deadline, missed when its deadline passed untouched (or it
 * was re-routed late); clocks closed as duplicate or spam, or re-routed in time, count in
 * neither. Speed-to-lead (capture to first touch) is attributed to the attempt that was touched.
 */
export async function slaStats(
  db: pg.Pool | pg.ClientBase,
  schema: string,
  q: StatsQuery,
): Promise<StatsGroup[]> {
  const s = ident(schema)
  const zoned = q.by === 'hour_of_week' ? [q.timezone] : []
  const pct = (p: number, col: string) =>
    `percentile_cont(${p}) WITHIN GROUP (ORDER BY f.${col}) FILTER (WHERE f.lead_id IS NOT NULL)`
  const clocks = await db.query(
    `SELECT ${keyOf(q.by, '$4', 'c.')} AS key, count(*)::int AS clocks,
       count(*) FILTER (WHERE c.end_reason = 'touched' AND c.ended_at <= c.due_at)::int AS met,
       count(*) FILTER (WHERE c.due_at < coalesce(c.ended_at, $3)
         AND coalesce(c.end_reason, 'touched') IN ('touched', 'rerouted'))::int AS missed,
       count(f.lead_id)::int AS touched,
       ${pct(0.5, 'speed_calendar_ms')} AS cal_median, ${pct(0.9, 'speed_calendar_ms')} AS cal_p90,
       ${pct(0.5, 'speed_business_ms')} AS bus_median, ${pct(0.9, 'speed_business_ms')} AS bus_p90
     FROM ${s}.clocks c
     LEFT JOIN ${s}.first_touches f ON f.lead_id = c.lead_id AND c.end_reason = 'touched'
     WHERE c.routed_at >= $1 AND c.routed_at < $2
     GROUP BY 1`,
    [q.from, q.to, q.now, ...zoned],
  )
  const fired = await db.query(
    `SELECT ${keyOf(q.by, '$3')} AS key,
       count(*) FILTER (WHERE level = 'warning')::int AS warnings,
       count(*) FILTER (WHERE level = 'breach')::int AS breaches,
       count(*) FILTER (WHERE level = 'escalation')::int AS escalations
     FROM ${s}.fired_steps WHERE routed_at >= $1 AND routed_at < $2
     GROUP BY 1`,
    [q.from, q.to, ...zoned],
  )
  return merge(clocks.rows, fired.rows, q.by)
}

const ms = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)))
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

/** "Tue 09:00" for hour 33 of the week; other keys as they are. */
function label(key: string, by: StatsDimension): string {
  if (by !== 'hour_of_week') return key
  const hour = Number(key)
  return `${DAYS[Math.floor(hour / 24)]} ${String(hour % 24).padStart(2, '0')}:00`
}

function merge(
  clockRows: Record<string, unknown>[],
  firedRows: Record<string, unknown>[],
  by: StatsDimension,
) {
  const keys = [...new Set([...clockRows, ...firedRows].map((r) => String(r.key)))].sort()
  return keys.map((key): StatsGroup => {
    const c = clockRows.find((r) => r.key === key) ?? {}
    const f = firedRows.find((r) => r.key === key) ?? {}
    const met = Number(c.met ?? 0)
    const missed = Number(c.missed ?? 0)
    return {
      key: label(key, by),
      clocks: Number(c.clocks ?? 0),
      met,
      missed,
      compliance: met + missed === 0 ? null : met / (met + missed),
      touched: Number(c.touched ?? 0),
      speedToLead: {
        calendar: { medianMs: ms(c.cal_median), p90Ms: ms(c.cal_p90) },
        business: { medianMs: ms(c.bus_median), p90Ms: ms(c.bus_p90) },
      },
      warnings: Number(f.warnings ?? 0),
      breaches: Number(f.breaches ?? 0),
      escalations: Number(f.escalations ?? 0),
    }
  })
}
