import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Playbook } from '@leadwire/playbook'
import { modelFeatureNames, PlaybookError, parsePlaybook } from '@leadwire/playbook'
import { beforeAll, describe, expect, it } from 'vitest'
import { type CaptureSnapshot, captureFeatures, serviceFeatureSpecs } from './capture-features.ts'
import { scoreLead } from './score.ts'
import { buildInput, daysAgo, NOW, seedPlaybook } from './test-builders.ts'

let playbook: Playbook
beforeAll(async () => {
  playbook = await seedPlaybook()
})

/** Wraps a value so every property path read from it is recorded. */
function recordReads<T extends object>(value: T, reads: Set<string>, path = ''): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver)
      if (typeof key !== 'string') return v
      const at = path ? `${path}.${key}` : key
      reads.add(at)
      return v !== null && typeof v === 'object' ? recordReads(v, reads, at) : v
    },
  })
}

// What a lead carries once it has been scored, handed over and judged by sales: none of it
// may reach the model, whose training rows are what was known at capture.
const POST_CAPTURE = [
  'score',
  'activities',
  'now',
  'assignment',
  'handoff',
  'outcome',
  'reason',
  'exitCriteria',
]

function laterState(snapshot: CaptureSnapshot) {
  const input = buildInput({
    ...snapshot,
    activities: [{ activity: 'demo_request', occurredAt: daysAgo(1) }],
  })
  const score = scoreLead(playbook, input)
  return {
    ...input,
    score,
    assignment: { repId: 'rep-1' },
    handoff: { decision: 'rejected' },
    outcome: 'won',
  }
}

describe('capture-time features (no leakage into the model)', () => {
  it('reads nothing a lead gains after capture, even when handed its later state', () => {
    const reads = new Set<string>()
    captureFeatures(playbook, recordReads(laterState(buildInput()), reads))
    const roots = new Set([...reads].map((r) => r.split('.')[0]))
    expect([...roots].filter((r) => POST_CAPTURE.includes(r!))).toEqual([])
    expect([...roots].sort()).toEqual(['dedup', 'enrichment', 'lead'])
  })

  it('gives the same features at capture and after activities, scores and outcomes', () => {
    const atCapture = captureFeatures(playbook, buildInput())
    expect(captureFeatures(playbook, laterState(buildInput()))).toEqual(atCapture)
    expect(atCapture).toMatchObject({ intent: 'demo_request', seniority: 'director', employees: 1200 })
  })

  it('covers exactly the feature names the playbook allows, each with an encoding', () => {
    expect(Object.keys(captureFeatures(playbook, buildInput())).sort()).toEqual([...modelFeatureNames].sort())
    expect(serviceFeatureSpecs(playbook).map((s) => s.name)).toEqual(playbook.model.features)
  })

  it.each(['score', 'intentScore', 'stage', 'signals', 'engaged'])(
    'refuses a playbook whose model lists the post-capture fact %s',
    async (fact) => {
      const text = await readFile(join(import.meta.dirname, '../../../infra/seed/playbook.yaml'), 'utf8')
      const bad = text.replace('features: [channel,', `features: [${fact}, channel,`)
      expect(bad).not.toBe(text)
      expect(() => parsePlaybook(bad)).toThrow(PlaybookError)
      expect(() => parsePlaybook(bad)).toThrow(/model\.features\[0\]/)
    },
  )

  it('stamps nothing from the scoring clock', () => {
    const later = { ...buildInput(), now: new Date(NOW.getTime() + 86_400_000 * 30) }
    expect(captureFeatures(playbook, later)).toEqual(captureFeatures(playbook, buildInput()))
  })
})
