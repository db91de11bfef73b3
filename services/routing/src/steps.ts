import type { Coverage, CoverageMethod, RoutingRule } from '@leadwire/playbook'
import { routingFilters, routingRules } from '@leadwire/playbook'
import type { Directory, Rep } from './directory.ts'
import { ineligibility, onCallPool, type Pool, type Skipped, teamPool, type Workload } from './eligibility.ts'
import { leadProfile, namedAccountReps } from './filters.ts'
import type { RouteInput, RouteMethod, RoutePlan, Trace } from './rules.ts'

export interface StepContext {
  directory: Directory
  input: RouteInput
  coverage: Coverage
  inHours: boolean
  work: Workload
  trace: Trace
  filteredOut: Skipped[]
  plan(teamId: string, method: RouteMethod, candidates: Rep[]): RoutePlan
}

/** One routing rule: a plan when it decides, undefined to hand over to the next rule. */
export type RouteStep = (ctx: StepContext) => RoutePlan | undefined

/** Playbook coverage -> how the team pool is picked. A dedicated team rotates by rep weight. */
const POOL_METHOD: Record<CoverageMethod, RouteMethod> = {
  dedicated: 'dedicated',
  round_robin: 'round_robin',
  load_balanced: 'load_balanced',
  first_available: 'first_available',
  original_owner: 'round_robin',
}

const escalationTarget: RouteStep = (ctx) => {
  const { coverage, directory, input } = ctx
  if (input.target === 'manager') {
    const managerId = directory.teams.find((t) => t.id === coverage.team)?.manager
    const manager = ownerRep(ctx, 'escalation.manager', managerId)
    // The lead stays the escalated team's; its manager steps in whichever team they sit in.
    if (manager) return ctx.plan(coverage.team, 'dedicated', [manager])
  }
  if (input.target !== 'on_call') return undefined
  const rep = onCall(ctx, 'escalation.on_call')
  return rep && ctx.plan(coverage.team, 'on_call', [rep])
}

const knownOwner: RouteStep = (ctx) => {
  const owner = ownerRep(ctx, 'owner.known', ctx.input.knownOwner)
  return owner && ctx.plan(owner.team, 'account_owner', [owner])
}

/** A named account belongs to its rep whatever the segment's team; the first available one takes it. */
const accountOwner: RouteStep = (ctx) => {
  const named = namedAccountReps(ctx.directory.reps, leadProfile(ctx.input.scored))
  for (const rep of named) {
    const owner = ownerRep(ctx, 'owner.account', rep.id)
    if (owner) return ctx.plan(owner.team, 'account_owner', [owner])
  }
  return undefined
}

const originalOwner: RouteStep = (ctx) => {
  const listed = ctx.coverage.rules?.includes('original_owner')
  if (!listed && ctx.coverage.method !== 'original_owner') return undefined
  const original = ownerRep(ctx, 'owner.original', ctx.input.scored.lead.source.originalOwnerId)
  return original && ctx.plan(original.team, 'original_owner', [original])
}

const hours: RouteStep = (ctx) => {
  const { coverage, inHours } = ctx
  if (!inHours && coverage.hours === 'always') {
    const rep = onCall(ctx, 'coverage.on_call')
    return rep && ctx.plan(coverage.team, 'on_call', [rep])
  }
  const clock = inHours
    ? 'inside business hours'
    : 'outside business hours; the SLA clock waits for business time'
  ctx.trace.push({ rule: 'coverage.hours', outcome: `${coverage.hours} coverage, ${clock}` })
  return undefined
}

const pool: RouteStep = (ctx) => {
  const { coverage, trace } = ctx
  const fit = { lead: leadProfile(ctx.input.scored), filters: coverage.filters ?? routingFilters }
  const members = teamPool(ctx.directory, coverage.team, ctx.work, fit)
  for (const note of members.notes) trace.push({ rule: 'coverage.filters', outcome: note })
  const outcome = poolOutcome(ctx, `team ${coverage.team}`, members)
  trace.push({ rule: `coverage.${coverage.method}`, outcome })
  if (members.eligible.length === 0) return undefined
  return { ...ctx.plan(coverage.team, POOL_METHOD[coverage.method], members.eligible), pooled: true }
}

const fallbackQueue: RouteStep = (ctx) => {
  const queue = ctx.coverage.fallbackQueue
  ctx.trace.push({ rule: 'coverage.fallback_queue', outcome: `no rep eligible; waits in ${queue}` })
  return { ...ctx.plan(ctx.coverage.team, 'fallback_queue', []), queue }
}

const STEPS: Record<RoutingRule, RouteStep> = {
  known_owner: knownOwner,
  account_owner: accountOwner,
  original_owner: originalOwner,
  after_hours: hours,
  team_pool: pool,
}

/**
 * The segment's rules in its order (every rule by default), between an escalation's target,
 * which always comes first, and the fallback queue, which always decides last.
 */
export function stepsFor(coverage: Coverage): RouteStep[] {
  const rules = coverage.rules ?? routingRules
  return [escalationTarget, ...rules.map((r) => STEPS[r]), fallbackQueue]
}

/** An owner (or manager) keeps the lead while available, even at capacity: continuity beats balance. */
function ownerRep(ctx: StepContext, rule: string, repId: string | undefined): Rep | undefined {
  if (repId === undefined) return undefined
  const rep = ctx.directory.reps.find((r) => r.id === repId)
  const why = rep ? ineligibility(rep, { ...ctx.work, checkShift: false }, false) : 'not in the directory'
  ctx.trace.push({ rule, outcome: why ? `${repId} passed over: ${why}` : `${repId} owns this lead` })
  return why ? undefined : rep
}

function onCall(ctx: StepContext, rule: string): Rep | undefined {
  const members = onCallPool(ctx.directory, ctx.coverage.team, ctx.work)
  ctx.trace.push({ rule, outcome: poolOutcome(ctx, `on-call of ${ctx.coverage.team}`, members) })
  return members.eligible[0]
}

function poolOutcome(ctx: StepContext, label: string, members: Pool): string {
  ctx.filteredOut.push(...members.skipped)
  const list = members.skipped.map((s) => `${s.repId}: ${s.reason}`).join(', ')
  return `${label}: ${members.eligible.length} eligible${list ? ` (skipped ${list})` : ''}`
}
