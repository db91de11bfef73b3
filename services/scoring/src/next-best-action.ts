import type { NextBestAction, Score } from '@leadwire/contracts'
import { humanize, type Playbook } from '@leadwire/playbook'
import type { ScoreInput } from './facts.ts'
import { leadZone, nextBusinessMinute, wallClock } from './lead-hours.ts'
import { talkingPointOf } from './talking-point.ts'

const REACHABLE_EMAIL = new Set(['work', 'role', 'free'])
const HOT_SIGNALS = new Set(['demo_request', 'contact_sales', 'pricing', 'pricing_page', 'trial'])

/** Channel, timing and an opening line for the first touch, each with its reason. */
export function nextBestAction(playbook: Playbook, input: ScoreInput, score: Score): NextBestAction {
  return {
    channel: channelOf(playbook, input, score),
    timing: timingOf(playbook, input),
    talkingPoint: talkingPointOf(playbook, input, score),
  }
}

function hotRule(playbook: Playbook, score: Score): string | undefined {
  const hot = playbook.scoring.intent.rules.filter((r) => r.signals.some((s) => HOT_SIGNALS.has(s)))
  return score.contributions.find((c) => c.points > 0 && hot.some((r) => r.id === c.rule))?.rule
}

function channelOf(
  playbook: Playbook,
  { lead, enrichment }: ScoreInput,
  score: Score,
): NextBestAction['channel'] {
  const consented = lead.consent.contact !== false
  const phone = lead.contact.phone ?? enrichment.phoneE164
  const kind = enrichment.email?.kind ?? (lead.contact.email ? 'work' : undefined)
  const emailOk = kind !== undefined && REACHABLE_EMAIL.has(kind)
  const hot = hotRule(playbook, score)
  if (!consented)
    return {
      value: 'linkedin',
      reason: 'They did not agree to be contacted by phone or email; connect on LinkedIn.',
    }
  if (lead.source.channel === 'outbound_reply' && emailOk)
    return { value: 'email', reason: 'They replied to outbound outreach: answer in the same email thread.' }
  if (phone && (score.stage === 'sql' || hot)) {
    const why = score.stage === 'sql' ? 'Sales-qualified' : `Buying signal (${hot})`
    return {
      value: 'call',
      reason: `${why} with a phone number on file: a call converts best while interest is fresh.`,
    }
  }
  if (emailOk) {
    const why = phone ? 'No buying signal strong enough for a cold call' : 'No phone number on file'
    return { value: 'email', reason: `${why}; their ${kind} email address is reachable.` }
  }
  const what = kind ? `a ${humanize(kind)} email address` : 'no email address'
  return {
    value: 'linkedin',
    reason: `${phone ? 'No buying signal for a call and' : 'No phone and'} ${what}: reach them on LinkedIn.`,
  }
}

function timingOf(playbook: Playbook, { enrichment, now }: ScoreInput): NextBestAction['timing'] {
  const { zone, own } = leadZone(enrichment.timezone, playbook.timezone)
  const at = nextBusinessMinute(playbook.businessHours.weekly, zone, now)
  const where = own
    ? `in the lead's time zone (${zone})`
    : `in ${zone} (the playbook's; the lead's zone is unknown)`
  if (at.getTime() === now.getTime()) {
    return {
      value: 'now',
      at: at.toISOString(),
      timezone: zone,
      reason: `${wallClock(now, zone)} ${where}, within business hours.`,
    }
  }
  const reason = `${wallClock(now, zone)} ${where} is outside business hours; the next business hour starts ${wallClock(at, zone)}.`
  return { value: 'next_business_hour', at: at.toISOString(), timezone: zone, reason }
}
