import type { Playbook } from '@leadwire/playbook'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedPlaybook } from './test-builders.ts'
import { type HistoryRow, labelOf } from './training-set.ts'

let playbook: Playbook
beforeAll(async () => {
  playbook = await seedPlaybook()
})

const now = new Date('2026-06-01T00:00:00Z')
const row = (daysOld: number, outcomes: string[], rejected = false): HistoryRow => ({
  leadId: 'x',
  capturedAt: new Date(now.getTime() - daysOld * 86_400_000),
  features: {},
  outcomes,
  rejected,
})

describe('training labels', () => {
  it.each<[string, HistoryRow, 0 | 1 | undefined]>([
    ['an opportunity converts', row(5, ['opportunity']), 1],
    ['a win converts', row(5, ['won']), 1],
    ['an opportunity later lost still converted', row(5, ['opportunity', 'lost']), 1],
    ['lost without an opportunity does not', row(5, ['lost']), 0],
    ['a rejection by sales does not', row(5, [], true), 0],
    ['an old lead with nothing did not', row(90, []), 0],
    ['a recent lead with nothing is still open', row(89, []), undefined],
  ])('%s', (_, r, label) => {
    expect(labelOf(r, playbook.model.training, now)).toBe(label)
  })
})
