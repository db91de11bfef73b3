import type { NextBestAction, Score } from '@leadwire/contracts'
import { humanize, type Playbook } from '@leadwire/playbook'
import type { ScoreInput } from './facts.ts'

type Contribution = Score['contributions'][number]

const strongest = (parts: Contribution[], kind: Contribution['kind']) =>
  parts
    .filter((c) => c.kind === kind && c.points > 0 && !c.rule.startsWith('scoring.'))
    .toSorted((a, b) => b.points - a.points)

/**
 * The opening line from the lead's strongest intent signals (the playbook rule's talking
 * point, else a generic one from the signal); with no intent yet, from its strongest fit.
 */
export function talkingPointOf(
  playbook: Playbook,
  { lead }: ScoreInput,
  score: Score,
): NextBestAction['talkingPoint'] {
  const intents = strongest(score.contributions, 'intent').slice(0, 2)
  const top = intents[0]
  if (top) {
    const rule = playbook.scoring.intent.rules.find((r) => r.id === top.rule)
    const signal = humanize(rule?.signals[0] ?? top.rule)
    const text = rule?.talkingPoint ?? `They showed interest (${signal}); ask what prompted it.`
    const also = intents[1] ? `; next: ${intents[1].rule} (+${intents[1].points})` : ''
    return {
      text,
      basedOn: intents.map((c) => c.rule),
      reason: `Strongest intent signal: ${top.rule} (+${top.points} points, ${top.detail ?? 'recent'})${also}.`,
    }
  }
  const fit = strongest(score.contributions, 'fit')[0]
  const who = [lead.contact.title, lead.company.name && `at ${lead.company.name}`].filter(Boolean).join(' ')
  return {
    text: `No buying signal yet: introduce yourself${who ? ` to the ${who}` : ''} and ask what they are working on.`,
    basedOn: fit ? [fit.rule] : [],
    reason: fit
      ? `No intent signal yet; strongest fit rule: ${fit.rule} (+${fit.points} points).`
      : 'No intent signal and no fit rule matched yet.',
  }
}
