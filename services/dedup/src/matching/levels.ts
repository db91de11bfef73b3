import { companyTokens } from '../normalize/company.ts'
import { emailParts } from '../normalize/email.ts'
import { editDistance, jaroWinkler, soundsAlike, tokenContainment, tokenJaccard } from './comparators.ts'
import type { MatchRecord } from './record.ts'

export type Field = keyof MatchRecord
type Test = (a: MatchRecord, b: MatchRecord) => boolean

/** One agreement level of a field: the first level whose test passes is the pair's level. */
export interface Level {
  readonly name: string
  /** The comparator that decided, for the evidence on the event. */
  readonly comparator: string
  readonly test: Test
}

const str = (r: MatchRecord, f: Field) => (r[f] as string | undefined) ?? ''
export const exact = (f: Field): Level => ({
  name: 'exact',
  comparator: 'exact',
  test: (a, b) => str(a, f) === str(b, f),
})
export const jw = (f: Field, min: number, name = `jw${min}`): Level => ({
  name,
  comparator: 'jaro-winkler',
  test: (a, b) => jaroWinkler(str(a, f), str(b, f)) >= min,
})
export const edits = (f: Field, max: number): Level => ({
  name: `edit${max}`,
  comparator: 'edit-distance',
  test: (a, b) => editDistance(str(a, f), str(b, f)) <= max,
})
export const different: Level = { name: 'different', comparator: 'exact', test: () => true }

export const swapped = (f: Field, other: Field): Level => ({
  name: 'swapped',
  comparator: 'jaro-winkler',
  test: (a, b) => jaroWinkler(str(a, f), str(b, other)) >= 0.92 && str(a, f) !== str(a, other),
})

export const nickname: Level = {
  name: 'nickname',
  comparator: 'nickname',
  test: (a, b) => (a.firstNameRoots ?? []).some((r) => (b.firstNameRoots ?? []).includes(r)),
}

export const initial: Level = {
  name: 'initial',
  comparator: 'exact',
  test: (a, b) => {
    const [x, y] = [str(a, 'firstName'), str(b, 'firstName')]
    return (x.length === 1 || y.length === 1) && x[0] === y[0]
  },
}

// Day and month written the other way round (US forms against everyone else's).
export const dayMonthSwapped: Level = {
  name: 'day-month-swapped',
  comparator: 'exact',
  test: (a, b) => {
    const [x, y] = [str(a, 'dob'), str(b, 'dob')]
    return (
      x.slice(0, 4) === y.slice(0, 4) && x.slice(4, 6) === y.slice(6, 8) && x.slice(6, 8) === y.slice(4, 6)
    )
  },
}

// Tokenising the same stored record for every pair it meets would dominate scoring time.
const tokenCache = new WeakMap<MatchRecord, Map<Field, string[]>>()
function tokensOf(r: MatchRecord, f: Field): string[] {
  const byField = tokenCache.get(r) ?? new Map<Field, string[]>()
  tokenCache.set(r, byField)
  const cached = byField.get(f) ?? companyTokens(str(r, f))
  byField.set(f, cached)
  return cached
}

export const tokens = (f: Field, measure: 'containment' | 'jaccard', min: number): Level => ({
  name: `${measure}${min}`,
  comparator: 'token-overlap',
  test: (a, b) => {
    const [x, y] = [tokensOf(a, f), tokensOf(b, f)]
    return (measure === 'jaccard' ? tokenJaccard(x, y) : tokenContainment(x, y)) >= min
  },
})

export const sameLocalPart: Level = {
  name: 'local-part',
  comparator: 'exact',
  test: (a, b) => emailParts(str(a, 'email')).local === emailParts(str(b, 'email')).local,
}

export const phonetic = (f: Field): Level => ({
  name: 'phonetic',
  comparator: 'double-metaphone',
  test: (a, b) => soundsAlike(str(a, f), str(b, f)),
})

export const samePhoneTail: Level = {
  name: 'last7',
  comparator: 'exact',
  test: (a, b) => str(a, 'phone').slice(-7) === str(b, 'phone').slice(-7),
}
