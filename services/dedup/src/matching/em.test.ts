import { describe, expect, it } from 'vitest'
import { blockingKeys } from './blocking.ts'
import { type Comparison, compareRecords, comparisons } from './comparisons.ts'
import { estimateParameters } from './em.ts'
import { createMemoryIndex } from './memory-index.ts'
import { type ModelParams, scorePair } from './model.ts'
import { buildRecord, type RawRecord } from './record.ts'
import { initialM, mulberry32, trainModel } from './training.ts'

// Three made-up comparisons with known parameters; EM sees only the vectors they produce.
const level = (name: string, n: number): Comparison['levels'][number] => ({
  name,
  comparator: 'exact',
  test: () => n > 0,
})
const toy: Comparison[] = ['a', 'b', 'c'].map((name) => ({
  name,
  field: 'firstName',
  levels: [level('exact', 1), level('close', 1), level('different', 1)],
}))
const truth: ModelParams = {
  prior: 0.3,
  comparisons: {
    a: { m: [0.85, 0.1, 0.05], u: [0.05, 0.15, 0.8] },
    b: { m: [0.7, 0.2, 0.1], u: [0.1, 0.1, 0.8] },
    c: { m: [0.9, 0.05, 0.05], u: [0.2, 0.2, 0.6] },
  },
}

function draw(probabilities: readonly number[], r: number): number {
  let acc = 0
  for (let i = 0; i < probabilities.length; i++) {
    acc += probabilities[i] ?? 0
    if (r < acc) return i
  }
  return probabilities.length - 1
}

function sampleVectors(n: number, seed: number): Int8Array[] {
  const random = mulberry32(seed)
  return Array.from({ length: n }, () => {
    const match = random() < truth.prior
    return Int8Array.from(toy.map((c) => draw(truth.comparisons[c.name]![match ? 'm' : 'u'], random())))
  })
}

describe('estimateParameters (EM)', () => {
  it('recovers the prior, m and u that generated unlabelled comparison vectors', () => {
    const start: ModelParams = {
      prior: 0.1,
      comparisons: Object.fromEntries(toy.map((c) => [c.name, { m: initialM(3), u: [0.2, 0.2, 0.6] }])),
    }
    const fitted = estimateParameters(sampleVectors(20_000, 7), start, toy)
    expect(fitted.prior).toBeCloseTo(truth.prior, 1)
    for (const c of toy) {
      const [got, want] = [fitted.comparisons[c.name]!, truth.comparisons[c.name]!]
      for (const [i, m] of got.m.entries()) expect(m).toBeCloseTo(want.m[i]!, 1)
      for (const [i, u] of got.u.entries()) expect(u).toBeCloseTo(want.u[i]!, 1)
    }
  })
})

const givenNames =
  'olivia liam emma noah ava elijah sophia lucas mia mateo amelia levi ines omar priya wei sara jonas aiko tomas nadia felix lena ravi'.split(
    ' ',
  )
const stems = 'gar nguy oka schm ross kowal tan murph silv dub berg lind hask pol mend'.split(' ')
const endings = 'cia en for idt i ski aka y va ois man qvist ell ard ez'.split(' ')
const cities = 'leeds york bath ely hull derby truro wells ripon salford exeter lincoln'.split(' ')

/** People, some submitted twice with a typo or a missing field, as leads tend to be. */
function syntheticPeople(n: number, seed: number): { raw: RawRecord; person: number }[] {
  const random = mulberry32(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
  const typo = (s: string) => {
    const i = 1 + Math.floor(random() * (s.length - 1))
    return s.slice(0, i) + s.slice(i + 1)
  }
  const out: { raw: RawRecord; person: number }[] = []
  for (let p = 0; p < n; p++) {
    const first = pick(givenNames)
    const last = pick(stems) + pick(endings)
    const raw: RawRecord = {
      firstName: first,
      lastName: last,
      dob: `19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      email: `${first[0]}${Math.floor(random() * 1e6).toString(36)}@${pick(['acme.com', 'globex.io', 'initech.co'])}`,
      city: pick(cities),
    }
    out.push({ raw, person: p })
    if (random() < 0.4) out.push({ raw: { ...raw, lastName: typo(last), city: undefined }, person: p })
    if (random() < 0.2) out.push({ raw: { ...raw, email: undefined, firstName: typo(first) }, person: p })
  }
  return out
}

describe('trainModel', () => {
  it('learns from unlabelled leads parameters that tell duplicates from strangers', () => {
    const people = syntheticPeople(400, 11)
    const records = people.map((p) => buildRecord(p.raw))
    const index = createMemoryIndex()
    const pairs: [number, number][] = []
    records.forEach((r, i) => {
      for (const c of index.candidates(blockingKeys(r))) pairs.push([i, Number(c.recordId)])
      index.add(r, blockingKeys(r))
    })
    const params = trainModel(
      records,
      pairs.map(([i, j]) => compareRecords(records[i]!, records[j]!)),
      comparisons,
    )
    let right = 0
    for (const [i, j] of pairs) {
      const same = people[i]!.person === people[j]!.person
      const p = scorePair(records[i]!, records[j]!, params).probability
      if (same === p >= 0.5) right++
    }
    expect(right / pairs.length).toBeGreaterThan(0.97)
    expect(params.comparisons.email!.m[0]!).toBeGreaterThan(params.comparisons.email!.u[0]!)
  })
})
