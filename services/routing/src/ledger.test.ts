import { describe, expect, it } from 'vitest'
import { fairness, type LedgerRow, levelReturning, pickByLedger } from './ledger.ts'

const rep = (id: string, weight = 1) => ({ id, weight })
const row = (repId: string, credits: number, eligible = true): LedgerRow => ({ repId, credits, eligible })

/** Runs n picks through the ledger as the service does, returning who got each lead. */
function run(reps: { id: string; weight: number }[], n: number, start: LedgerRow[] = []) {
  let rows = start
  const picks: string[] = []
  for (let i = 0; i < n; i++) {
    const credits = levelReturning(rows, reps)
    for (const r of reps) credits[r.id] ??= 0
    const chosen = pickByLedger(reps, credits)!
    credits[chosen.id]! += 1
    picks.push(chosen.id)
    rows = Object.entries(credits).map(([id, c]) =>
      row(
        id,
        c,
        reps.some((r) => r.id === id),
      ),
    )
  }
  return { picks, rows }
}

describe('fairness ledger', () => {
  it('shares leads by weight, interleaved', () => {
    const { picks } = run([rep('a', 2), rep('b', 1)], 6)
    expect(picks).toEqual(['a', 'b', 'a', 'a', 'b', 'a'])
    const { picks: many } = run([rep('a', 3), rep('b', 1), rep('c', 2)], 600)
    expect(many.filter((p) => p === 'a')).toHaveLength(300)
    expect(many.filter((p) => p === 'b')).toHaveLength(100)
  })

  it('does not flood a rep back from two weeks away: they rejoin at the lowest level', () => {
    const away = run([rep('a'), rep('b')], 40, [row('c', 2, false)])
    expect(away.rows.find((r) => r.repId === 'c')?.credits).toBe(2)
    const back = run([rep('a'), rep('b'), rep('c')], 6, away.rows)
    expect(back.picks.filter((p) => p === 'c')).toHaveLength(2)
  })

  it('gives a rep new to the team no backlog of turns', () => {
    const start = [row('a', 10), row('b', 12)]
    const { picks } = run([rep('a'), rep('b'), rep('n')], 3, start)
    expect(picks).toEqual(['a', 'n', 'a'])
  })

  it('keeps a rep credited back ahead in the rotation', () => {
    const credits = levelReturning([row('a', 4), row('b', 5)], [rep('a'), rep('b')])
    expect(pickByLedger([rep('a'), rep('b')], { ...credits, b: 3 })?.id).toBe('b')
  })

  it('reports each share against its weight and the largest deviation', () => {
    const figures = fairness([
      { id: 'a', weight: 2, credits: 6 },
      { id: 'b', weight: 1, credits: 4 },
    ])
    expect(figures.shares).toEqual([
      { repId: 'a', share: 0.6, target: 2 / 3 },
      { repId: 'b', share: 0.4, target: 1 / 3 },
    ])
    expect(figures.maxDeviation).toBeCloseTo(1 / 15)
    expect(fairness([]).maxDeviation).toBe(0)
  })
})
