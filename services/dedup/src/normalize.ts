import type { Enrichment, LeadSnapshot } from '@leadwire/contracts'

/** Exact keys two leads of the same person are likely to share once normalised. */
export interface MatchKeys {
  readonly email?: string
  readonly phone?: string
  /** 'first last|company', present only when both names and the company name are known. */
  readonly nameCompany?: string
}

// Gmail ignores dots in the local part and treats googlemail.com as the same mailbox.
const dotInsensitiveDomains: Readonly<Record<string, string>> = {
  'gmail.com': 'gmail.com',
  'googlemail.com': 'gmail.com',
}

const legalSuffixes = new Set(
  'inc incorporated llc llp lllp pllc lp ltd limited plc corp corporation co company gmbh mbh ag kg ug se sa sas sarl sl srl spa bv nv ab as asa oy oyj aps pty pte kk ltda lda sae'.split(
    ' ',
  ),
)

// Letters that NFKD does not split into a base letter plus an accent.
const foldedLetters: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ı: 'i',
}

/** 'Jane.Doe+news@GoogleMail.com' -> 'janedoe@gmail.com'; 'a+b@acme.com' -> 'a@acme.com'. */
export function normalizeEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase()
  const at = email.lastIndexOf('@')
  if (at <= 0 || at === email.length - 1) return undefined
  const domain = email.slice(at + 1)
  let local = email.slice(0, at).split('+')[0] ?? ''
  const canonical = dotInsensitiveDomains[domain]
  if (canonical !== undefined) local = local.replaceAll('.', '')
  return local ? `${local}@${canonical ?? domain}` : undefined
}

/** E.164 digits without the '+': '+1 (415) 555-2671' -> '14155552671'; needs the country code. */
export function normalizePhone(e164: string): string | undefined {
  if (!e164.trim().startsWith('+')) return undefined
  const digits = e164.replace(/\D/g, '')
  return digits.length >= 8 && digits.length <= 15 ? digits : undefined
}

/** Lower-case ASCII letters and digits only: "O'Brien-Núñez" -> 'obriennunez'. */
export function normalizePersonName(name: string): string {
  return foldText(name).replace(/[^a-z0-9]/g, '')
}

/** 'The Acme Company, Inc.' -> 'acme'; 'Müller & Söhne GmbH' -> 'muller and sohne'. */
export function normalizeCompanyName(name: string): string | undefined {
  const words = foldText(name)
    .replace(/&/g, ' and ')
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
  if (words[0] === 'the' && words.length > 1) words.shift()
  while (words.length > 1 && legalSuffixes.has(words[words.length - 1] ?? '')) words.pop()
  return words.length ? words.join(' ') : undefined
}

/** The exact keys dedup looks identities up by; a key is left out when its parts are unknown. */
export function matchKeys(lead: LeadSnapshot, enrichment: Enrichment): MatchKeys {
  const rawEmail = enrichment.email
    ? enrichment.email.kind !== 'invalid' && enrichment.email.normalized
    : lead.contact.email
  const email = rawEmail ? normalizeEmail(rawEmail) : undefined
  // Only a number enrichment validated: raw junk ('+1 111 111 1111') would merge strangers.
  const phone = enrichment.phoneE164 ? normalizePhone(enrichment.phoneE164) : undefined
  const nameCompany = nameCompanyKey(lead)
  return { ...(email && { email }), ...(phone && { phone }), ...(nameCompany && { nameCompany }) }
}

function nameCompanyKey({ contact, company }: LeadSnapshot): string | undefined {
  const first = contact.firstName && normalizePersonName(contact.firstName)
  const last = contact.lastName && normalizePersonName(contact.lastName)
  const org = company.name && normalizeCompanyName(company.name)
  return first && last && org ? `${first} ${last}|${org}` : undefined
}

function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđþı]/g, (c) => foldedLetters[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
}
