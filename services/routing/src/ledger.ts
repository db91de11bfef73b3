/*
 * The fairness ledger of one pool: credits per rep, one per lead counted (a lead counts
 * once), minus the ones credited back (a re-route, a lead rejected as a duplicate or a bad
 * fit). Weighted round robin picks the eligible rep with the fewest credits per unit of
 * weight, so the rotation is a pure function of the ledger: two picks under the pool's lock
 * never take the same turn, and a team change does not reset anyone's count.
 */
export interface LedgerRow {
  repId: string
  credits: number
  /** Whether the rep was eligible at the pool's previous pick. */
  eligible: boolean
}

export interface Weighted {
  id: string
  weight: number
}

const norm = (credits: number, weight: number) => credits / weight

/**
 * A rep who was not eligible at the last pick (back from leave, new to the team) rejoins at
 * the lowest level among the reps who were, instead of at their old, lower count: absence
 * neither floods the returning rep nor resets everyone else. Returns the lifted credits.
 */
export function levelReturning(
  rows: readonly LedgerRow[],
  eligible: readonly Weighted[],
): Record<string, number> {
  const byId = new Map(rows.map((r) => [r.repId, r]))
  const weightOf = new Map(eligible.map((r) => [r.id, r.weight]))
  const present = rows.filter((r) => r.eligible && weightOf.has(r.repId))
  const floor = Math.min(...present.map((r) => norm(r.credits, weightOf.get(r.repId)!)))
  const credits: Record<string, number> = Object.fromEntries(rows.map((r) => [r.repId, r.credits]))
  if (!Number.isFinite(floor)) return credits
  for (const rep of eligible) {
    const row = byId.get(rep.id)
    if (row?.eligible) continue
    const lifted = floor * rep.weight
    if ((row?.credits ?? 0) < lifted) credits[rep.id] = lifted
  }
  return credits
}

/** The eligible rep with the fewest credits per weight; the earlier one in the pool on a tie. */
export function pickByLedger<T extends Weighted>(
  candidates: readonly T[],
  credits: Readonly<Record<string, number>>,
): T | undefined {
  let best: T | undefined
  let bestLevel = Number.POSITIVE_INFINITY
  for (const rep of candidates) {
    const level = norm(credits[rep.id] ?? 0, rep.weight)
    if (level < bestLevel - 1e-9) [best, bestLevel] = [rep, level]
  }
  return best
}

export interface Share {
  repId: string
  share: number
  target: number
}

/** Each rep's share of the pool's credits against its share of the weight, and the worst gap. */
export function fairness(members: readonly (Weighted & { credits: number })[]) {
  const total = members.reduce((n, m) => n + m.credits, 0)
  const weights = members.reduce((n, m) => n + m.weight, 0)
  const shares: Share[] = members.map((m) => ({
    repId: m.id,
    share: total > 0 ? m.credits / total : 0,
    target: weights > 0 ? m.weight / weights : 0,
  }))
  const maxDeviation = Math.max(0, ...shares.map((s) => Math.abs(s.share - s.target)))
  return { shares, maxDeviation }
}
