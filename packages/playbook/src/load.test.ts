import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PlaybookError } from './errors.ts'
import { loadPlaybook, parsePlaybook } from './load.ts'

const seedPath = join(import.meta.dirname, '../../../infra/seed/playbook.yaml')
const seed = () => parse(readFileSync(seedPath, 'utf8'))
const asJson = (doc: unknown) => parsePlaybook(JSON.stringify(doc), { format: 'json' })

function issuesOf(run: () => unknown): PlaybookError {
  try {
    run()
  } catch (err) {
    if (err instanceof PlaybookError) return err
    throw err
  }
  throw new Error('expected a PlaybookError')
}

describe('loadPlaybook', () => {
  it('loads the seed playbook with the four default segments in order', async () => {
    const playbook = await loadPlaybook(seedPath)
    expect(playbook.segments.map((s) => [s.name, s.sla.firstTouch, s.coverage.method])).toEqual([
      ['enterprise_demo', '5m', 'dedicated'],
      ['mid_market', '15m', 'round_robin'],
      ['outbound_reply', '30m', 'original_owner'],
      ['general', 'same_business_day', 'first_available'],
    ])
    expect(playbook.stages.mql.minScore).toBe(40)
  })

  it('reads the same document as JSON', () => {
    expect(asJson(seed()).version).toBe('2026.1-default')
  })

  it('turns an unreadable file into a PlaybookError', async () => {
    await expect(loadPlaybook('/nonexistent/playbook.yaml')).rejects.toThrow(/cannot read '\/nonexistent/)
  })
})

describe('parsePlaybook errors', () => {
  it('names the path and the bad value of a duration', () => {
    const doc = seed()
    doc.segments[2].sla.firstTouch = '5 minutes'
    expect(issuesOf(() => asJson(doc)).message).toContain(
      "segments[2].sla.firstTouch: expected a duration like 5m, or same_business_day, got '5 minutes'",
    )
  })

  it('lists every issue in one error, cross-document checks included', () => {
    const doc = seed()
    doc.timezone = 'Mars/Olympus'
    doc.segments[0].sla.escalation[0].after = 'soon'
    doc.segments[1].coverage.method = 'rr'
    doc.segments[3].when = { channel: { in: ['event'] } }
    doc.scoring.fit.rules[1].id = doc.scoring.fit.rules[0].id
    doc.scoring.fit.rules[2].when = { score: { gte: 10 } }
    doc.stages.sql.when.seniorty = doc.stages.sql.when.seniority
    const error = issuesOf(() => asJson(doc))
    expect(error.code).toBe('PLAYBOOK_INVALID')
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'timezone',
        'segments[0].sla.escalation[0].after',
        'segments[1].coverage.method',
        'segments[3].when',
        'scoring.fit.rules[1].id',
        'scoring.fit.rules[2].when.score',
        'stages.sql.when',
      ]),
    )
    expect(error.issues).toHaveLength(7)
    expect(error.message).toMatch(/^invalid playbook \(7 issues\):\n {2}/)
    expect(error.message).toContain("stages.sql.when: unknown key 'seniorty'")
  })

  it('says a required field is missing', () => {
    const doc = seed()
    delete doc.segments[0].coverage.fallbackQueue
    expect(issuesOf(() => asJson(doc)).issues).toEqual([
      { path: 'segments[0].coverage.fallbackQueue', message: 'is required (a string)' },
    ])
  })

  it('rejects a catch-all segment before the last one', () => {
    const doc = seed()
    doc.segments[1].when = {}
    expect(issuesOf(() => asJson(doc)).issues[0]?.message).toMatch(/only the last segment may catch all/)
  })

  it('reports YAML syntax errors with their line', () => {
    const error = issuesOf(() => parsePlaybook('version: 1\nsegments: [a, b\n', { format: 'yaml' }))
    expect(error.issues[0]?.path).toBe('(document)')
    expect(error.message).toMatch(/not valid YAML: .*line \d+/)
  })
})
