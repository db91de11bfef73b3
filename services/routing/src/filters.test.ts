import { describe, expect, it } from 'vitest'
import type { Directory, Rep } from './directory.ts'
import { teamPool } from './eligibility.ts'
import { type LeadProfile, misfit } from './filters.ts'

const base = {
  email: 'r@leadwire.example',
  team: 't',
  timezone: 'UTC',
  weight: 1,
  active: true,
  outOfOffice: [],
}
const rep = (id: string, over: Partial<Rep> = {}): Rep => ({
  id,
  name: id,
  capacity: { maxOpen: 9 },
  ...base,
  ...over,
})
const terr = (t: Partial<NonNullable<Rep['territories']>>) => ({
  countries: [],
  regions: [],
  states: [],
  accounts: [],
  ...t,
})
const sk = (s: Partial<NonNullable<Rep['skills']>>) => ({ industries: [], products: [], languages: [], ...s })
const lead = (over: Partial<LeadProfile> = {}): LeadProfile => ({ accounts: ['contoso.example'], ...over })

const cases: [string, Rep, LeadProfile, 'territory' | 'skills', string | undefined][] = [
  ['no territory takes anything', rep('a'), lead({ country: 'DE' }), 'territory', undefined],
  [
    'country matches',
    rep('a', { territories: terr({ countries: ['DE'] }) }),
    lead({ country: 'DE' }),
    'territory',
    undefined,
  ],
  [
    'state matches case-insensitively',
    rep('a', { territories: terr({ states: ['tx'] }) }),
    lead({ country: 'US', state: 'TX' }),
    'territory',
    undefined,
  ],
  [
    'other country',
    rep('a', { territories: terr({ countries: ['FR'] }) }),
    lead({ country: 'DE' }),
    'territory',
    'territory does not cover DE',
  ],
  [
    'named account',
    rep('a', { territories: terr({ accounts: ['Contoso.example'] }) }),
    lead(),
    'territory',
    undefined,
  ],
  [
    'industry skill',
    rep('a', { skills: sk({ industries: ['Healthcare'] }) }),
    lead({ industry: 'Retail' }),
    'skills',
    'no industry skill for Retail',
  ],
  [
    'language skill',
    rep('a', { skills: sk({ languages: ['German'] }) }),
    lead({ language: 'german' }),
    'skills',
    undefined,
  ],
  ['unknown lead value passes', rep('a', { skills: sk({ products: ['api'] }) }), lead(), 'skills', undefined],
]

describe('territory and skill filters', () => {
  it.each(cases)('%s', (_name, r, l, filter, expected) => {
    expect(misfit(r, l, filter)).toBe(expected)
  })

  const directory = (reps: Rep[]): Directory => ({
    teams: [{ id: 't', name: 'T', onCall: [], onCallShifts: [] }],
    reps,
  })
  const fit = (l: LeadProfile) => ({ lead: l, filters: ['territory', 'skills'] as const })

  it('narrows the pool, then distributes among those who fit', () => {
    const reps = [
      rep('de', { territories: terr({ countries: ['DE'] }) }),
      rep('fr', { territories: terr({ countries: ['FR'] }) }),
    ]
    const pool = teamPool(directory(reps), 't', {}, fit(lead({ country: 'FR' })))
    expect(pool.eligible.map((r) => r.id)).toEqual(['fr'])
    expect(pool.skipped).toEqual([{ repId: 'de', reason: 'territory does not cover FR' }])
  })

  it('relaxes a filter nobody fits instead of queueing the lead', () => {
    const reps = [rep('de', { territories: terr({ countries: ['DE'] }) })]
    const pool = teamPool(directory(reps), 't', {}, fit(lead({ country: 'JP' })))
    expect(pool.eligible.map((r) => r.id)).toEqual(['de'])
    expect(pool.notes).toEqual(['territory filter relaxed: no rep of t fits'])
  })
})
