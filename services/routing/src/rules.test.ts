import type { Playbook } from '@leadwire/playbook'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Directory } from './directory.ts'
import { planRoute, type RouteInput } from './rules.ts'
import { buildScored, IN_HOURS, OFF_HOURS, seedDirectory, seedPlaybook } from './test-builders.ts'

let playbook: Playbook
let directory: Directory
beforeAll(async () => {
  ;[playbook, directory] = await Promise.all([seedPlaybook(), seedDirectory()])
})

const route = (over: Partial<RouteInput> = {}) =>
  planRoute(playbook, directory, { scored: buildScored(), now: IN_HOURS, ...over })
const ids = (plan: ReturnType<typeof route>) => plan.candidates.map((r) => r.id)
const outbound = (originalOwnerId?: string) =>
  buildScored({
    segment: 'outbound_reply',
    channel: 'outbound_reply',
    ...(originalOwnerId ? { originalOwnerId } : {}),
  })

describe('planRoute', () => {
  it('gives a returning lead to its known owner first', () => {
    const plan = route({ knownOwner: 'rep-jordan-kim' })
    expect(plan).toMatchObject({ method: 'account_owner', teamId: 'general-pool', segment: 'mid_market' })
    expect(ids(plan)).toEqual(['rep-jordan-kim'])
    expect(plan.trace).toContainEqual({ rule: 'owner.known', outcome: 'rep-jordan-kim owns this lead' })
  })

  it('keeps the known owner even at capacity, but passes over an inactive one', () => {
    expect(route({ knownOwner: 'rep-priya-nair', openCounts: { 'rep-priya-nair': 40 } }).method).toBe(
      'account_owner',
    )
    const plan = route({ knownOwner: 'rep-lena-fischer' })
    expect(plan.method).toBe('round_robin')
    expect(plan.trace).toContainEqual({
      rule: 'owner.known',
      outcome: 'rep-lena-fischer passed over: inactive',
    })
  })

  it('sends an outbound reply back to the rep who sent the outreach', () => {
    const plan = route({ scored: outbound('rep-sofia-rossi') })
    expect(plan).toMatchObject({ method: 'original_owner', teamId: 'outbound' })
    expect(ids(plan)).toEqual(['rep-sofia-rossi'])
  })

  it('rotates an outbound reply over the team when its sender is unknown', () => {
    const plan = route({ scored: outbound('rep-left-last-year') })
    expect(plan.method).toBe('round_robin')
    expect(ids(plan)).toEqual(['rep-omar-haddad', 'rep-sofia-rossi'])
    expect(plan.trace[1]).toEqual({
      rule: 'owner.original',
      outcome: 'rep-left-last-year passed over: not in the directory',
    })
  })

  it('routes an enterprise demo to the dedicated team in hours, weighted by rotation', () => {
    const plan = route({ scored: buildScored({ segment: 'enterprise_demo' }) })
    expect(plan).toMatchObject({ method: 'dedicated', teamId: 'enterprise-ae' })
    expect(ids(plan)).toEqual(['rep-ava-chen', 'rep-marcus-bell'])
  })

  it('pages the first eligible on-call rep for a 24/7 segment off hours', () => {
    const scored = buildScored({ segment: 'enterprise_demo' })
    expect(ids(route({ scored, now: OFF_HOURS }))).toEqual(['rep-ava-chen'])
    const busy = route({ scored, now: OFF_HOURS, openCounts: { 'rep-ava-chen': 25 } })
    expect(busy.method).toBe('on_call')
    expect(ids(busy)).toEqual(['rep-marcus-bell'])
  })

  it('still assigns a business-hours segment off hours, noting the business clock', () => {
    const plan = route({ now: OFF_HOURS })
    expect(plan.method).toBe('round_robin')
    expect(plan.trace).toContainEqual({
      rule: 'coverage.hours',
      outcome: 'business coverage, outside business hours; the SLA clock waits for business time',
    })
  })

  it('leaves out inactive reps, reps at capacity and reps already tried', () => {
    const plan = route({ openCounts: { 'rep-tom-okafor': 40 } })
    expect(ids(plan)).toEqual(['rep-priya-nair'])
    expect(plan.trace.at(-1)?.outcome).toBe(
      'team mid-market-sdr: 1 eligible (skipped rep-tom-okafor: at capacity (40/40), rep-lena-fischer: inactive)',
    )
    expect(ids(route({ exclude: ['rep-priya-nair'] }))).toEqual(['rep-tom-okafor'])
  })

  it('queues the lead in the fallback queue when nobody is eligible', () => {
    const plan = route({ openCounts: { 'rep-tom-okafor': 40, 'rep-priya-nair': 41 } })
    expect(plan).toMatchObject({ method: 'fallback_queue', queue: 'sdr-queue', candidates: [] })
  })

  it('uses the catch-all segment when the scored segment left the playbook', () => {
    const plan = route({ scored: buildScored({ segment: 'retired_segment' }) })
    expect(plan).toMatchObject({ segment: 'general', method: 'first_available', teamId: 'general-pool' })
    expect(plan.trace[0]?.outcome).toMatch(/'retired_segment' is not in playbook/)
  })

  // New York moved to EDT on 2026-03-08: 13:30Z is 08:30 on one Monday and 09:30 on the next.
  it.each([
    ['Friday 17:30 EST, after closing', '2026-03-06T22:30:00Z', 'on_call'],
    ['Monday 08:30 EST, before opening', '2026-03-02T13:30:00Z', 'on_call'],
    ['Monday 09:30 EDT, after the change', '2026-03-09T13:30:00Z', 'dedicated'],
    ['Thanksgiving noon, a holiday', '2026-11-26T17:00:00Z', 'on_call'],
  ])('covers an enterprise demo on %s with %s', (_name, at, method) => {
    const plan = route({ scored: buildScored({ segment: 'enterprise_demo' }), now: new Date(at) })
    expect(plan.method).toBe(method)
  })

  it('pages the rep of the on-call shift covering now, before the standing order', () => {
    const shift = { from: '2026-03-09T00:00:00Z', to: '2026-03-11T00:00:00Z', primary: 'rep-marcus-bell' }
    const teams = directory.teams.map((t) => (t.id === 'enterprise-ae' ? { ...t, onCallShifts: [shift] } : t))
    const scored = buildScored({ segment: 'enterprise_demo' })
    const plan = planRoute(playbook, { ...directory, teams }, { scored, now: OFF_HOURS })
    expect(plan).toMatchObject({ method: 'on_call' })
    expect(ids(plan)).toEqual(['rep-marcus-bell'])
  })

  it('balances by load when the segment says so', () => {
    const balanced = structuredClone(playbook)
    balanced.segments.find((s) => s.name === 'mid_market')!.coverage.method = 'load_balanced'
    const plan = planRoute(balanced, directory, { scored: buildScored(), now: IN_HOURS })
    expect(plan).toMatchObject({ method: 'load_balanced', pooled: true })
  })

  it('gives a named account to its owner in any team, before the segment team', () => {
    const accounts = { countries: [], regions: [], states: [], accounts: ['contoso.example'] }
    const named = (active: boolean) => ({
      ...directory,
      reps: directory.reps.map((r) =>
        r.id === 'rep-ava-chen' ? { ...r, active, territories: accounts } : r,
      ),
    })
    const plan = planRoute(playbook, named(true), { scored: buildScored(), now: IN_HOURS })
    expect(plan).toMatchObject({ method: 'account_owner', teamId: 'enterprise-ae' })
    expect(ids(plan)).toEqual(['rep-ava-chen'])
    const away = planRoute(playbook, named(false), { scored: buildScored(), now: IN_HOURS })
    expect(away).toMatchObject({ method: 'round_robin', teamId: 'mid-market-sdr' })
    expect(away.trace).toContainEqual({
      rule: 'owner.account',
      outcome: 'rep-ava-chen passed over: inactive',
    })
  })

  it('runs only the rules a segment lists, in its order', () => {
    const poolOnly = structuredClone(playbook)
    poolOnly.segments.find((s) => s.name === 'mid_market')!.coverage.rules = ['team_pool']
    const plan = planRoute(poolOnly, directory, {
      scored: buildScored(),
      now: IN_HOURS,
      knownOwner: 'rep-jordan-kim',
    })
    expect(plan).toMatchObject({ method: 'round_robin', teamId: 'mid-market-sdr' })
    expect(plan.trace.map((t) => t.rule)).toEqual(['segment', 'coverage.round_robin'])
  })
})
