import { companyTokens } from '../normalize/company.ts'
import { isFreeMailDomain } from '../normalize/domain.ts'
import { emailParts, isRoleLocalPart } from '../normalize/email.ts'
import { phoneticCode } from './comparators.ts'
import type { MatchRecord } from './record.ts'

/**
 * How many stored records one key may bring back. A fuzzy key shared by more records than
 * this ('ct:university', a common name in a big city) says little about any one of them and
 * is skipped, like a stop word; an identifier key (email, phone, national id) brings back its
 * newest records instead, since a person who filled in forty forms is still that person.
 * Either way the work per lead is bounded, which keeps its cost flat as the store grows.
 */
export const candidatesPerKey = 40

const identifierKinds = new Set(['e', 'p', 'n'])

/** True for keys that identify a person by themselves (see candidatesPerKey). */
export function isIdentifierKey(key: string): boolean {
  return identifierKinds.has(key.slice(0, key.indexOf(':')))
}

/**
 * The keys a record is filed under and looked up by. Two records can only be compared when
 * they share a key, so each key is a cheap, indexed guess that they might be the same:
 * exact identifiers, and phonetic codes of names combined with one more field, so that a
 * typo in any one field still leaves another key in common.
 */
export function blockingKeys(r: MatchRecord): string[] {
  const keys = new Set<string>()
  const add = (kind: string, ...parts: (string | undefined)[]) => {
    if (parts.every((p) => p)) keys.add(`${kind}:${parts.join('|')}`)
  }
  add('e', r.email)
  if (r.email) {
    const { local } = emailParts(r.email)
    if (local.length >= 3 && !isRoleLocalPart(local)) add('el', local)
  }
  add('p', r.phone)
  add('n', r.nationalId)
  const last = r.lastName ? phoneticCode(r.lastName) : undefined
  for (const first of firstNameCodes(r)) {
    // Sorted, so 'Hall Isla' and 'Isla Hall' file under the same key.
    add('nm', ...[first, last].sort())
    add('fd', first, r.dob)
    add('fz', first, r.postcode)
    add('fc', first, r.domain ?? r.company)
  }
  const year = r.dob?.slice(0, 4)
  for (const first of firstNameCodes(r)) {
    add('fy', first, year)
    add('ft', first, r.city)
  }
  add('ly', last, year)
  add('lt', last, r.city)
  add('db', r.dob)
  const mailDomain = r.email ? emailParts(r.email).domain : undefined
  if (mailDomain && !isFreeMailDomain(mailDomain)) {
    for (const first of firstNameCodes(r)) add('ef', mailDomain, first)
    add('eL', mailDomain, last)
  }
  add('ld', last, r.dob)
  add('lz', last, r.postcode)
  add('lc', last, r.domain ?? r.company)
  add('dz', r.dob, r.postcode)
  add('dc', r.dob, r.city)
  add('zs', r.postcode, r.streetNumber, r.street?.split(' ')[0])
  add('co', r.company)
  // Organisations without people (an account list, an affiliation string): each rare word.
  if (!r.firstName && !r.lastName && r.company) {
    for (const token of companyTokens(r.company)) if (token.length >= 3) add('ct', token)
  }
  return [...keys].sort()
}

/** Phonetic codes of the given name and of the names it may be short for ('Bob' -> Robert's too). */
function firstNameCodes(r: MatchRecord): string[] {
  if (!r.firstName) return []
  const roots = (r.firstNameRoots ?? []).slice(0, 4)
  return [...new Set([r.firstName, ...roots].map(phoneticCode).filter(Boolean))]
}
