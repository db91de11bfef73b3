import {
  dayMonthSwapped,
  different,
  edits,
  exact,
  type Field,
  initial,
  jw,
  type Level,
  nickname,
  phonetic,
  sameLocalPart,
  samePhoneTail,
  swapped,
  tokens,
} from './levels.ts'
import type { MatchRecord } from './record.ts'

export type { Level } from './levels.ts'

/** A field compared level by level; a pair where either side lacks the field is 'null'. */
export interface Comparison {
  readonly name: string
  readonly field: Field
  /** Most to least similar; the last one always passes ('different'). */
  readonly levels: readonly Level[]
}

/** Every field leadwire compares, people and organisations alike; absent fields weigh nothing. */
export const comparisons: readonly Comparison[] = [
  {
    name: 'firstName',
    field: 'firstName',
    levels: [
      exact('firstName'),
      nickname,
      jw('firstName', 0.92),
      swapped('firstName', 'lastName'),
      jw('firstName', 0.8),
      initial,
      different,
    ],
  },
  {
    name: 'lastName',
    field: 'lastName',
    levels: [
      exact('lastName'),
      jw('lastName', 0.92),
      swapped('lastName', 'firstName'),
      phonetic('lastName'),
      jw('lastName', 0.8),
      different,
    ],
  },
  {
    name: 'dob',
    field: 'dob',
    levels: [exact('dob'), edits('dob', 1), dayMonthSwapped, edits('dob', 2), different],
  },
  { name: 'email', field: 'email', levels: [exact('email'), edits('email', 2), sameLocalPart, different] },
  { name: 'phone', field: 'phone', levels: [exact('phone'), samePhoneTail, different] },
  {
    name: 'nationalId',
    field: 'nationalId',
    levels: [exact('nationalId'), edits('nationalId', 1), edits('nationalId', 2), different],
  },
  { name: 'streetNumber', field: 'streetNumber', levels: [exact('streetNumber'), different] },
  {
    name: 'street',
    field: 'street',
    levels: [exact('street'), jw('street', 0.9), tokens('street', 'jaccard', 0.5), different],
  },
  { name: 'address2', field: 'address2', levels: [exact('address2'), jw('address2', 0.9), different] },
  { name: 'city', field: 'city', levels: [exact('city'), jw('city', 0.9), jw('city', 0.8), different] },
  { name: 'postcode', field: 'postcode', levels: [exact('postcode'), edits('postcode', 1), different] },
  { name: 'region', field: 'region', levels: [exact('region'), different] },
  { name: 'country', field: 'country', levels: [exact('country'), different] },
  {
    name: 'company',
    field: 'company',
    levels: [
      exact('company'),
      tokens('company', 'containment', 1),
      tokens('company', 'jaccard', 0.5),
      jw('company', 0.9),
      different,
    ],
  },
  { name: 'domain', field: 'domain', levels: [exact('domain'), different] },
]

/** The level index of each comparison for a pair; -1 where either record lacks the field. */
export function compareRecords(a: MatchRecord, b: MatchRecord, list = comparisons): Int8Array {
  const vector = new Int8Array(list.length)
  list.forEach((c, i) => {
    if (a[c.field] === undefined || b[c.field] === undefined) {
      vector[i] = -1
      return
    }
    vector[i] = c.levels.findIndex((level) => level.test(a, b))
  })
  return vector
}
