import type { Score } from '@leadwire/contracts'
import { describeConditions, type LeadFacts, matchesConditions, type Playbook } from '@leadwire/playbook'

type Contribution = Score['contributions'][number]

const DAY_MS = 86_400_000
export const round1 = (n: number): number => Math.round(n * 10) / 10
export const sumPoints = (list: readonly Contribution[]): number =>
  round1(list.reduce((s, c) => s + c.points, 0))

/** Every fit rule whose conditions hold adds its points; the fit cap trims the sum. */
export function fitContributions(playbook: Playbook, facts: LeadFacts): Contribution[] {
  const { rules, cap } = playbook.scoring.fit
  const hits = rules
    .filter((rule) => matchesConditions(rule.when, facts))
    .map(
      (rule): Contribution => ({
        rule: rule.id,
        kind: 'fit',
        points: round1(rule.points),
        detail: rule.description ?? describeConditions(rule.when).join('; '),
      }),
    )
  return capped(hits, cap, 'fit')
}

/**
 * Each intent rule adds its points per matching signal, halved every half-life, up to the
 * rule's cap; the rubric's total cap then trims the sum. A cap shows as its own negative
 * contribution so the contributions always add up to the score.
 */
export function intentContributions(playbook: Playbook, facts: LeadFacts): Contribution[] {
  const { rules, cap, halfLifeDays } = playbook.scoring.intent
  const hits: Contribution[] = []
  for (const rule of rules) {
    const matching = facts.signals.filter((s) => (rule.signals as readonly string[]).includes(s.type))
    if (matching.length === 0) continue
    const ages = matching.map((s) => Math.max(0, facts.now.getTime() - s.at.getTime()) / DAY_MS)
    const halfLife = rule.halfLifeDays ?? halfLifeDays
    const raw = ages.reduce((sum, age) => sum + rule.points * 0.5 ** (age / halfLife), 0)
    const points = round1(Math.min(raw, rule.cap))
    if (points <= 0) continue
    const latest = Math.min(...ages)
    const note = raw > rule.cap ? `, capped at ${rule.cap}` : ''
    const when = latest < 1 ? 'today' : `${round1(latest)} days ago`
    const detail = `${matching.length} signal${matching.length === 1 ? '' : 's'}, latest ${when}${note}`
    hits.push({ rule: rule.id, kind: 'intent', points, detail })
  }
  return capped(hits, cap, 'intent')
}

function capped(hits: Contribution[], cap: number | undefined, kind: 'fit' | 'intent'): Contribution[] {
  const total = sumPoints(hits)
  if (cap === undefined || total <= cap) return hits
  const trim: Contribution = {
    rule: `scoring.${kind}.cap`,
    kind,
    points: round1(cap - total),
    detail: `${kind} is capped at ${cap}`,
  }
  return [...hits, trim]
}
