// Providers that deliver mail for a local part whatever its dots (and, for Proton, dashes and
// underscores) are: one mailbox, several spellings.
const ignoredLocalCharacters: Readonly<Record<string, RegExp>> = {
  'gmail.com': /\./g,
  'proton.me': /[._-]/g,
  'protonmail.com': /[._-]/g,
  'pm.me': /[._-]/g,
}

// One mailbox under two domain names.
const domainAliases: Readonly<Record<string, string>> = {
  'googlemail.com': 'gmail.com',
  'protonmail.ch': 'protonmail.com',
}

// Yahoo's disposable addresses are 'base-keyword@'; everyone else who sub-addresses uses '+'.
const subAddressSeparator: Readonly<Record<string, RegExp>> = { 'yahoo.com': /[+-]/ }

/** 'Jane.Doe+news@GoogleMail.com' -> 'janedoe@gmail.com'; 'a+b@acme.com' -> 'a@acme.com'. */
export function normalizeEmail(raw: string): string | undefined {
  const email = raw.trim().toLowerCase()
  const at = email.lastIndexOf('@')
  if (at <= 0 || at === email.length - 1) return undefined
  const rawDomain = email.slice(at + 1).replace(/\.$/, '')
  if (!rawDomain.includes('.') || /\s/.test(email)) return undefined
  const domain = domainAliases[rawDomain] ?? rawDomain
  let local = email.slice(0, at).split(subAddressSeparator[domain] ?? '+')[0] ?? ''
  const ignored = ignoredLocalCharacters[domain]
  if (ignored) local = local.replace(ignored, '')
  return local ? `${local}@${domain}` : undefined
}

/** The parts of a normalised email. */
export function emailParts(email: string): { local: string; domain: string } {
  const at = email.lastIndexOf('@')
  return { local: email.slice(0, at), domain: email.slice(at + 1) }
}

// Shared inboxes: the same local part at two companies says nothing about the person.
const roleLocalParts = new Set(
  'info sales admin contact hello support office marketing team hr jobs careers billing accounts enquiries inquiries mail noreply webmaster'.split(
    ' ',
  ),
)

export function isRoleLocalPart(local: string): boolean {
  return roleLocalParts.has(local)
}
