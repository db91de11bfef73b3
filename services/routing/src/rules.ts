import type { LeadScoredV1, routingMethods } from '@leadwire/contracts'
import { type CoverageMethod, isBusinessTime, type Playbook, type Segment } from '@leadwire/playbook'
import type { Directory, Rep } from './directory.ts'
import { ineligibility, onCallPool, type Pool, teamPool, type Workload } from './eligibility.ts'

export type RouteMethod = (typeof routingMethods)[number]

export interface RouteInput extends Workload {
  scored: LeadScoredV1
  now: Date
  /** The rep who already owns this person or account (a returning identity). */
  knownOwner?: string | undefined
}

export interface RoutePlan {
  segment: string
  teamId: string
  method: RouteMethod
  /** Eligible reps in stable order; pick one with the method (see pick.ts). */
  candidates: Rep[]
  /** Set when no rep is eligible: the lead waits in this queue. */
  queue?: string
  trace: { rule: string; outcome: string }[]
}

/** Playbook coverage -> how the team pool is picked. A dedicated team rotates by rep weight. */
const POOL_METHOD: Record<CoverageMethod, RouteMethod> = {
  dedicated: 'dedicated',
  round_robin: 'round_robin',
  load_balanced: 'load_balanced',
  first_available: 'first_available',
  original_owner: 'round_robin',
}

/**
 * Decides who may take a scored lead, in order: the known owner, the original owner of an
 * outbound reply, the on-call rep off hours for 24/7 segments, the segment's team, and last
 * the segment's fallback queue. Every rule considered leaves a line in the trace.
 */
export function planRoute(playbook: Playbook, directory: Directory, input: RouteInput): RoutePlan {
  const trace: RoutePlan['trace'] = []
  const segment = segmentFor(playbook, input.scored.score.segment, trace)
  const { coverage } = segment
  const plan = (teamId: string, method: RouteMethod, candidates: Rep[]): RoutePlan => ({
    segment: segment.name,
    teamId,
    method,
    candidates,
    trace,
  })

  const owner = ownerRep(directory, input, 'owner.known', input.knownOwner, trace)
  if (owner) return plan(owner.team, 'account_owner', [owner])
  if (coverage.method === 'original_owner') {
    const original = ownerRep(
      directory,
      input,
      'owner.original',
      input.scored.lead.source.originalOwnerId,
      trace,
    )
    if (original) return plan(original.team, 'original_owner', [original])
  }

  const inHours = isBusinessTime(playbook.businessHours, playbook.timezone, input.now)
  if (!inHours && coverage.hours === 'always') {
    const onCall = onCallPool(directory, coverage.team, input)
    trace.push({ rule: 'coverage.on_call', outcome: poolOutcome(`on-call of ${coverage.team}`, onCall) })
    const first = onCall.eligible[0]
    if (first) return plan(coverage.team, 'on_call', [first])
  } else {
    const clock = inHours
      ? 'inside business hours'
      : 'outside business hours; the SLA clock waits for business time'
    trace.push({ rule: 'coverage.hours', outcome: `${coverage.hours} coverage, ${clock}` })
  }

  const pool = teamPool(directory, coverage.team, input)
  trace.push({ rule: `coverage.${coverage.method}`, outcome: poolOutcome(`team ${coverage.team}`, pool) })
  if (pool.eligible.length > 0) return plan(coverage.team, POOL_METHOD[coverage.method], pool.eligible)

  trace.push({
    rule: 'coverage.fallback_queue',
    outcome: `no rep eligible; waits in ${coverage.fallbackQueue}`,
  })
  return { ...plan(coverage.team, 'fallback_queue', []), queue: coverage.fallbackQueue }
}

/** The scored segment, or the catch-all when the playbook changed since the lead was scored. */
function segmentFor(playbook: Playbook, name: string, trace: RoutePlan['trace']): Segment {
  const found = playbook.segments.find((s) => s.name === name)
  const segment = found ?? playbook.segments.at(-1)!
  const outcome = found ? name : `'${name}' is not in playbook ${playbook.version}; using ${segment.name}`
  trace.push({ rule: 'segment', outcome })
  return segment
}

/** An owner keeps the lead while active, even at capacity: continuity beats balance. */
function ownerRep(
  directory: Directory,
  work: Workload,
  rule: string,
  repId: string | undefined,
  trace: RoutePlan['trace'],
): Rep | undefined {
  if (repId === undefined) return undefined
  const rep = directory.reps.find((r) => r.id === repId)
  const why = rep ? ineligibility(rep, work, false) : 'not in the directory'
  trace.push({ rule, outcome: why ? `${repId} passed over: ${why}` : `${repId} owns this lead` })
  return why ? undefined : rep
}

function poolOutcome(label: string, pool: Pool): string {
  const skipped = pool.skipped.length > 0 ? ` (skipped ${pool.skipped.join(', ')})` : ''
  return `${label}: ${pool.eligible.length} eligible${skipped}`
}
