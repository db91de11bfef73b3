import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PlaybookError } from './errors.ts'
import { parsePlaybook } from './load.ts'

const seed = () => parse(readFileSync(join(import.meta.dirname, '../../../infra/seed/playbook.yaml'), 'utf8'))
const withTeams = (teamHours: unknown) =>
  parsePlaybook(JSON.stringify({ ...seed(), teamHours }), { format: 'json' })

describe('teamHours', () => {
  it('is empty when the playbook does not give any (the seed does not)', () => {
    expect(withTeams(undefined).teamHours).toEqual({})
  })

  it('reads a team zone, with or without its own weekly hours and holidays', () => {
    const playbook = withTeams({
      'mid-market-sdr': { timezone: 'America/Chicago' },
      emea: {
        timezone: 'Europe/Berlin',
        businessHours: { weekly: { mon: ['08:00-16:00'] }, holidays: ['2026-12-24'] },
      },
    })
    expect(playbook.teamHours['mid-market-sdr']).toEqual({ timezone: 'America/Chicago' })
    expect(playbook.teamHours.emea?.businessHours?.holidays).toEqual(['2026-12-24'])
  })

  it('rejects an unknown zone and a bad span, naming the path', () => {
    let error: unknown
    try {
      withTeams({ emea: { timezone: 'Mars/Olympus', businessHours: { weekly: { mon: ['17:00-09:00'] } } } })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(PlaybookError)
    expect((error as PlaybookError).message).toMatch(/teamHours\.emea\.timezone/)
    expect((error as PlaybookError).message).toMatch(/teamHours\.emea\.businessHours\.weekly\.mon/)
  })
})
