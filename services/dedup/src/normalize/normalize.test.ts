import { describe, expect, it } from 'vitest'
import { companyTokens, normalizeCompanyName } from './company.ts'
import { normalizeDate } from './date.ts'
import { isFreeMailDomain, normalizeDomain } from './domain.ts'
import { normalizeEmail } from './email.ts'
import { givenNameRoots, parseNicknames } from './nicknames.ts'
import { normalizeGivenName, normalizePersonName, splitFullName } from './person-name.ts'
import { normalizePhone } from './phone.ts'

describe('normalizeEmail', () => {
  it.each([
    ['Jane.Doe@Acme.com', 'jane.doe@acme.com'],
    ['  jane+newsletter@acme.com ', 'jane@acme.com'],
    ['Jane.Doe+x@gmail.com', 'janedoe@gmail.com'],
    ['j.a.n.e@googlemail.com', 'jane@gmail.com'],
    ['jane_doe-1@proton.me', 'janedoe1@proton.me'],
    ['jane-promo@yahoo.com', 'jane@yahoo.com'],
    ['jane.doe@outlook.com', 'jane.doe@outlook.com'],
    ['+tag@acme.com', undefined],
    ['jane@', undefined],
    ['jane@localhost', undefined],
    ['acme.com', undefined],
  ])('turns %j into %j', (raw, key) => {
    expect(normalizeEmail(raw)).toBe(key)
  })
})

describe('normalizePhone', () => {
  it.each([
    ['+1 (415) 555-2671', undefined, '14155552671'],
    ['(415) 555-2671', 'US', '14155552671'],
    ['020 7946 0958', 'GB', '442079460958'],
    ['+44 20 7946 0958', 'US', '442079460958'],
    ['(415) 555-2671', undefined, undefined],
    ['+1 555', undefined, undefined],
    ['not a number', 'US', undefined],
  ])('reads %j in %j as %j', (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toBe(e164)
  })
})

describe('person names', () => {
  it.each([
    ["O'Brien", 'obrien'],
    ['Núñez-García', 'nunezgarcia'],
    ['De la Cruz', 'delacruz'],
    ['Strauß', 'strauss'],
    ['Dr. Søren Kierkegaard Jr.', 'sorenkierkegaard'],
    ['Mr.', undefined],
  ])('normalizePersonName(%j) is %j', (raw, key) => {
    expect(normalizePersonName(raw)).toBe(key)
  })

  it.each([
    ['Mary-Ann', 'maryann'],
    ['John Paul', 'john'],
    ['  Zoë ', 'zoe'],
  ])('normalizeGivenName(%j) is %j', (raw, key) => {
    expect(normalizeGivenName(raw)).toBe(key)
  })

  it.each([
    ['Jane Q. Doe', { first: 'jane', last: 'doe' }],
    ['Doe, Jane', { first: 'jane', last: 'doe' }],
    ['Madonna', { first: 'madonna' }],
  ])('splitFullName(%j) is %j', (raw, parts) => {
    expect(splitFullName(raw)).toEqual(parts)
  })
})

describe('nicknames', () => {
  it.each([
    ['bob', 'robert'],
    ['bill', 'william'],
    ['raj', 'rajesh'],
    ['peggy', 'margaret'],
    ['liz', 'elizabeth'],
  ])('knows %j may be %j', (nick, full) => {
    expect(givenNameRoots(nick)).toContain(full)
  })

  it('gives an unknown name itself as its only root', () => {
    expect(givenNameRoots('zebulon')).toEqual(['zebulon'])
  })

  it('reads the carltonnorthern triplet layout as well as one name a line', () => {
    const index = parseNicknames('name1,relationship,name2\nrobert,has_nickname,bob\nwilliam,bill,will\n')
    expect(index.get('bob')).toEqual(['bob', 'robert'])
    expect(index.get('will')).toEqual(['will', 'william'])
  })
})

describe('company names', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['The Acme Company', 'acme'],
    ['ACME L.L.C.', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    ['Müller & Söhne GmbH', 'muller and sohne'],
    ['Société Générale S.A.', 'societe generale'],
    ['Acme Intl. Corp', 'acme international'],
    ['Amazon.com, Inc.', 'amazon'],
    ['Univ.of Bologna', 'university of bologna'],
    ['Grupo Bimbo, S.A. de C.V.', 'grupo bimbo'],
    ['The Company', 'company'],
    ['Inc', 'inc'],
    ['!!!', undefined],
  ])('turns %j into %j', (raw, key) => {
    expect(normalizeCompanyName(raw)).toBe(key)
  })

  it('drops words that do not tell organisations apart from its tokens', () => {
    expect(companyTokens('university of california and the arts')).toEqual([
      'university',
      'california',
      'arts',
    ])
  })
})

describe('domains and dates', () => {
  it.each([
    ['https://www.Shop.Acme.co.uk/about', 'acme.co.uk'],
    ['mail.acme.com', 'acme.com'],
    ['jane@sales.acme.io', 'acme.io'],
    ['localhost', undefined],
  ])('normalizeDomain(%j) is %j', (raw, domain) => {
    expect(normalizeDomain(raw)).toBe(domain)
  })

  it('knows free-mail domains', () => {
    expect([isFreeMailDomain('gmail.com'), isFreeMailDomain('acme.com')]).toEqual([true, false])
  })

  it.each([
    ['1971-06-24', '19710624'],
    ['19710624', '19710624'],
    ['24/06/1971', '19710624'],
    ['1971-06-24T00:00:00Z', '19710624'],
    ['June 1971', undefined],
  ])('normalizeDate(%j) is %j', (raw, date) => {
    expect(normalizeDate(raw)).toBe(date)
  })
})
