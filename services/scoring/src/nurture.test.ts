import type { Playbook } from '@leadwire/playbook'
import { beforeAll, describe, expect, it } from 'vitest'
import { nurtureReason } from './nurture.ts'
import { scoreLead } from './score.ts'
import { buildEnrichment, buildInput, seedPlaybook, studentInput } from './test-builders.ts'

let playbook: Playbook
beforeAll(async () => {
  playbook = await seedPlaybook()
})

describe('nurtureReason', () => {
  it('tells a marketer why a student is not sales-ready and what would change it', () => {
    const input = studentInput()
    const { reason, exitCriteria } = nurtureReason(playbook, scoreLead(playbook, input), input)
    expect(reason).toBe('Score -10 (fit -10, intent 0) is below the MQL threshold of 40.')
    expect(exitCriteria[0]).toBe(
      'Reach a score of 40 (50 more points), for example: demo request (+30), outbound reply (+25).',
    )
    expect(exitCriteria.at(-1)).toMatch(
      /^Or go straight to sales \(SQL\) when seniority is director, VP or C-level/,
    )
    expect(exitCriteria.at(-1)).toContain('the company has at least 500 employees (unknown now)')
    expect(exitCriteria.at(-1)).toContain('(now individual contributor)')
  })

  it('names the failed MQL condition when the score is high enough', () => {
    const input = buildInput({
      enrichment: buildEnrichment({ email: { normalized: 'x@y.z', domain: 'y.z', kind: 'disposable' } }),
    })
    const score = { ...scoreLead(playbook, input), stage: 'nurture' as const, total: 45 }
    const { reason, exitCriteria } = nurtureReason(playbook, score, input)
    expect(reason).toBe('Score 45 meets the MQL threshold of 40, but not every MQL condition holds.')
    expect(exitCriteria).toContain(
      'For MQL, the email is not a disposable or invalid address (now disposable).',
    )
  })

  it('lists the whole SQL definition when only the score is known', () => {
    const score = scoreLead(playbook, studentInput())
    const { exitCriteria } = nurtureReason(playbook, score)
    expect(exitCriteria.at(-1)).toContain('not an existing customer')
    expect(exitCriteria.at(-1)).not.toContain('now')
  })
})
