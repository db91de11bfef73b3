import type { RerouteTarget } from '@leadwire/playbook'
import type { Rep } from './directory.ts'
import type { RouteMethod } from './rules.ts'

export interface ReasonInput {
  method: RouteMethod
  /** The segment's description from the playbook, e.g. "Inbound form fill from a company of 100+ employees". */
  segment: string
  teamName: string
  rep?: Rep | undefined
  queue?: string | undefined
  attempt: number
  target?: RerouteTarget | undefined
}

/** The one sentence a rep reads in their CRM: what kind of lead, and why it is theirs. */
export function routingReason(input: ReasonInput): string {
  const lead =
    input.attempt > 1 ? `Re-routed after an SLA escalation (attempt ${input.attempt})` : input.segment
  return `${lead}: ${why(input)}.`
}

function why({ method, rep, teamName, queue, target }: ReasonInput): string {
  const name = rep?.name ?? 'no rep'
  if (target === 'manager' && method === 'dedicated')
    return `${name} manages ${teamName} and takes the escalation`
  switch (method) {
    case 'account_owner':
      return `${name} already owns this person, so the lead stays with them`
    case 'original_owner':
      return `${name} sent the outreach this lead replied to`
    case 'on_call':
      return `outside business hours, ${name} is on call for ${teamName}`
    case 'round_robin':
    case 'dedicated':
      return `${name} is next in the ${teamName} rotation`
    case 'load_balanced':
      return `${name} has the most free capacity in ${teamName}`
    case 'first_available':
      return `${name} is the first available rep in ${teamName}`
    case 'fallback_queue':
      return `no rep in ${teamName} can take it now, so it waits in the ${queue} queue`
  }
}
