import { normalizeCompanyName } from '../normalize/company.ts'
import { normalizeDate } from '../normalize/date.ts'
import { normalizeDomain } from '../normalize/domain.ts'
import { normalizeEmail } from '../normalize/email.ts'
import { givenNameRoots } from '../normalize/nicknames.ts'
import { normalizeGivenName, normalizePersonName, splitFullName } from '../normalize/person-name.ts'
import { normalizePhone } from '../normalize/phone.ts'
import { foldText, present, wordsOf } from '../normalize/text.ts'

/** The fields a record may carry, as submitted (a lead) or as read from a CSV column. */
export const rawFields = [
  'fullName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'dob',
  'nationalId',
  'streetNumber',
  'street',
  'address2',
  'city',
  'postcode',
  'region',
  'country',
  'company',
  'domain',
] as const

export type RawField = (typeof rawFields)[number]
export type RawRecord = Partial<Record<RawField, string | undefined>>

/** A record after normalisation: what blocking keys and comparisons read, and what is stored. */
export interface MatchRecord {
  readonly firstName?: string
  readonly firstNameRoots?: readonly string[]
  readonly lastName?: string
  readonly email?: string
  readonly phone?: string
  readonly dob?: string
  readonly nationalId?: string
  readonly streetNumber?: string
  readonly street?: string
  readonly address2?: string
  readonly city?: string
  readonly postcode?: string
  readonly region?: string
  readonly country?: string
  readonly company?: string
  readonly domain?: string
}

const squash = (v: string) => wordsOf(v).join(' ') || undefined
const digits = (v: string) => v.replace(/\D/g, '') || undefined

/** Normalises every field the same way, whether the record came from a lead or a CSV row. */
export function buildRecord(raw: RawRecord): MatchRecord {
  const v = (field: RawField) => present(raw[field])
  const split = v('fullName') ? splitFullName(v('fullName') ?? '') : {}
  const firstName = (v('firstName') && normalizeGivenName(v('firstName') ?? '')) || split.first
  const lastName = (v('lastName') && normalizePersonName(v('lastName') ?? '')) || split.last
  const email = v('email') && normalizeEmail(v('email') ?? '')
  const country = v('country') && foldText(v('country') ?? '').trim()
  const domain = v('domain') && normalizeDomain(v('domain') ?? '')
  const record: Record<string, unknown> = {
    firstName,
    firstNameRoots: firstName ? givenNameRoots(firstName) : undefined,
    lastName,
    email,
    phone: v('phone') && normalizePhone(v('phone') ?? '', country?.length === 2 ? country : undefined),
    dob: v('dob') && normalizeDate(v('dob') ?? ''),
    nationalId: v('nationalId') && digits(v('nationalId') ?? ''),
    streetNumber: v('streetNumber') && squash(v('streetNumber') ?? ''),
    street: v('street') && squash(v('street') ?? ''),
    address2: v('address2') && squash(v('address2') ?? ''),
    city: v('city') && squash(v('city') ?? ''),
    postcode: v('postcode') && foldText(v('postcode') ?? '').replace(/[^a-z0-9]/g, ''),
    region: v('region') && squash(v('region') ?? ''),
    country: country || undefined,
    company: v('company') && normalizeCompanyName(v('company') ?? ''),
    domain,
  }
  for (const key of Object.keys(record)) if (!record[key]) delete record[key]
  return record as MatchRecord
}
