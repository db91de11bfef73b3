import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoredAssignment } from '../src/pg-assignment-store.ts'
import { scoredLead } from './builders.ts'
import { inTransaction, type RoutingFixture, routingFixture } from './support.ts'

let fx: RoutingFixture
beforeAll(async () => {
  fx = await routingFixture()
})
afterAll(() => fx.cleanup())

const at = new Date('2026-03-10T15:00:00Z')
const assignment = (over: Partial<StoredAssignment> = {}): StoredAssignment => ({
  leadId: randomUUID(),
  attempt: 1,
  repId: 'rep-a',
  teamId: 'team-a',
  method: 'round_robin',
  segment: 'mid_market',
  identityId: randomUUID(),
  reason: 'test',
  routedAt: at,
  ...over,
})
const tx = <T>(fn: (tx: pg.PoolClient) => Promise<T>) => inTransaction(fx, fn)

describe('pg assignment store', () => {
  it('records an attempt once; the same attempt again reports it was already there', async () => {
    const a = assignment()
    expect(await tx((t) => fx.assignments.record(t, a))).toBe(true)
    expect(await tx((t) => fx.assignments.record(t, { ...a, repId: 'rep-b' }))).toBe(false)
    expect(await tx((t) => fx.assignments.latestAttempt(t, a.leadId))).toEqual({
      attempt: 1,
      repId: 'rep-a',
      open: true,
    })
  })

  it('counts open assignments per rep and stops counting closed ones', async () => {
    const a = assignment({ repId: 'rep-count' })
    await tx((t) => fx.assignments.record(t, a))
    await tx((t) => fx.assignments.record(t, assignment({ repId: 'rep-count' })))
    await tx((t) => fx.assignments.record(t, assignment({ repId: undefined, queue: 'q' })))
    expect((await tx((t) => fx.assignments.openCounts(t)))['rep-count']).toBe(2)
    expect(await tx((t) => fx.assignments.close(t, a.leadId, 'won', at))).toBe(1)
    expect(await tx((t) => fx.assignments.close(t, a.leadId, 'lost', at))).toBe(0)
    expect((await tx((t) => fx.assignments.openCounts(t)))['rep-count']).toBe(1)
    expect(await tx((t) => fx.assignments.latestAttempt(t, a.leadId))).toMatchObject({ open: false })
  })

  it('keeps the first owner of a person', async () => {
    const identityId = randomUUID()
    await tx((t) => fx.assignments.setOwner(t, identityId, 'rep-first', at))
    await tx((t) => fx.assignments.setOwner(t, identityId, 'rep-second', at))
    expect(await tx((t) => fx.assignments.ownerOf(t, identityId))).toBe('rep-first')
    expect(await tx((t) => fx.assignments.ownerOf(t, randomUUID()))).toBeUndefined()
  })

  it('keeps the lead as last scored', async () => {
    const lead = scoredLead()
    await tx((t) => fx.assignments.saveScored(t, lead, at))
    await tx((t) => fx.assignments.saveScored(t, { ...lead, score: { ...lead.score, total: 12 } }, at))
    const saved = await tx((t) => fx.assignments.scoredOf(t, lead.lead.leadId))
    expect(saved?.score.total).toBe(12)
    expect(saved?.lead).toEqual(lead.lead)
  })

  it('counts a rep’s leads since the start of their own local day', async () => {
    const routed = (repId: string, iso: string) =>
      tx((t) => fx.assignments.record(t, assignment({ repId, routedAt: new Date(iso) })))
    await routed('rep-la', '2026-03-10T06:59:00Z') // 23:59 PDT the day before
    await routed('rep-la', '2026-03-10T07:01:00Z') // 00:01 PDT
    await routed('rep-berlin', '2026-03-09T22:59:00Z') // 23:59 CET the day before
    await routed('rep-berlin', '2026-03-09T23:01:00Z') // 00:01 CET
    await routed('rep-berlin', '2026-03-10T14:00:00Z')
    const reps = [
      { id: 'rep-la', timezone: 'America/Los_Angeles' },
      { id: 'rep-berlin', timezone: 'Europe/Berlin' },
      { id: 'rep-none', timezone: 'UTC' },
    ]
    expect(await tx((t) => fx.assignments.dayCounts(t, reps, at))).toEqual({ 'rep-la': 1, 'rep-berlin': 2 })
  })
})
