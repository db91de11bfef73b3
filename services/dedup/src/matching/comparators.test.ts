import { describe, expect, it } from 'vitest'
import {
  editDistance,
  jaro,
  jaroWinkler,
  phoneticCode,
  soundsAlike,
  tokenContainment,
  tokenJaccard,
} from './comparators.ts'
import { compareRecords, comparisons } from './comparisons.ts'
import { buildRecord } from './record.ts'

describe('string comparators', () => {
  // Reference values from Winkler's papers and the record-linkage literature.
  it.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['jellyfish', 'smellyfish', 0.896],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', 'abc', 0],
  ])('jaroWinkler(%j, %j) ≈ %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3)
  })

  it('keeps Jaro below Jaro-Winkler when a prefix is shared', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3)
  })

  it.each([
    ['kitten', 'sitting', 3],
    ['19710624', '19710642', 2],
    ['smith', 'smith', 0],
    ['', 'abc', 3],
  ])('editDistance(%j, %j) is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
  })

  it.each([
    [['acme', 'labs'], ['acme', 'labs'], 1, 1],
    [['acme'], ['acme', 'labs'], 0.5, 1],
    [['acme', 'x'], ['acme', 'y'], 1 / 3, 0.5],
    [[], ['acme'], 0, 0],
  ])('token overlap of %j and %j: jaccard %d, containment %d', (a, b, jac, contain) => {
    expect(tokenJaccard(a, b)).toBeCloseTo(jac)
    expect(tokenContainment(a, b)).toBeCloseTo(contain)
  })

  it.each([
    ['smith', 'smyth', true],
    ['catherine', 'kathryn', true],
    ['smith', 'jones', false],
    ['', 'smith', false],
  ])('soundsAlike(%j, %j) is %j', (a, b, same) => {
    expect(soundsAlike(a, b)).toBe(same)
  })

  it('codes a name by its sound', () => {
    expect(phoneticCode('smith')).toBe(phoneticCode('smyth'))
  })
})

describe('comparison levels', () => {
  const level = (name: string, a: Record<string, string>, b: Record<string, string>) => {
    const i = comparisons.findIndex((c) => c.name === name)
    const vector = compareRecords(buildRecord(a), buildRecord(b))
    const index = vector[i] ?? -1
    return index < 0 ? 'null' : comparisons[i]?.levels[index]?.name
  }

  it.each([
    ['firstName', { firstName: 'Robert' }, { firstName: 'robert' }, 'exact'],
    ['firstName', { firstName: 'Bob' }, { firstName: 'Robert' }, 'nickname'],
    ['firstName', { firstName: 'Jonathon' }, { firstName: 'Jonathan' }, 'jw0.92'],
    [
      'firstName',
      { firstName: 'Hall', lastName: 'Isla' },
      { firstName: 'Isla', lastName: 'Hall' },
      'swapped',
    ],
    ['firstName', { firstName: 'J' }, { firstName: 'Jane' }, 'initial'],
    ['firstName', { firstName: 'Jane' }, { firstName: 'Omar' }, 'different'],
    ['firstName', { firstName: 'Jane' }, {}, 'null'],
    ['lastName', { lastName: 'Wright' }, { lastName: 'Right' }, 'jw0.92'],
    ['lastName', { lastName: 'Smith' }, { lastName: 'Smyth' }, 'phonetic'],
    ['lastName', { lastName: 'Knight' }, { lastName: 'Nite' }, 'phonetic'],
    ['lastName', { lastName: 'Smith' }, { lastName: 'Jones' }, 'different'],
    ['dob', { dob: '1971-06-24' }, { dob: '19710624' }, 'exact'],
    ['dob', { dob: '1971-06-24' }, { dob: '1971-06-25' }, 'edit1'],
    ['dob', { dob: '1971-06-04' }, { dob: '1971-04-06' }, 'day-month-swapped'],
    ['email', { email: 'Jane+x@acme.com' }, { email: 'jane@acme.com' }, 'exact'],
    ['email', { email: 'jane@acme.com' }, { email: 'jane@acmee.com' }, 'edit2'],
    ['email', { email: 'jane.doe@acme.com' }, { email: 'jane.doe@other.org' }, 'local-part'],
    ['phone', { phone: '+1 415 555 2671' }, { phone: '+14155552671' }, 'exact'],
    ['company', { company: 'Acme, Inc.' }, { company: 'ACME' }, 'exact'],
    ['company', { company: 'Acme' }, { company: 'Acme Robotics' }, 'containment1'],
    ['company', { company: 'Acme Robotics Labs' }, { company: 'Acme Robotics Group' }, 'jaccard0.5'],
    ['postcode', { postcode: 'SW1A 1AA' }, { postcode: 'sw1a1ab' }, 'edit1'],
  ])('%s of %j and %j is %j', (name, a, b, expected) => {
    expect(level(name, a, b)).toBe(expected)
  })
})
