import { createHash, randomBytes } from 'node:crypto'

export const scopes = ['leads:create', 'leads:batch', 'leads:read', 'feedback:write'] as const
export type Scope = (typeof scopes)[number]
export type KeyKind = 'public' | 'secret'

/** Token prefixes say what a key is at a glance, and let us refuse a secret key in a URL. */
export const tokenPrefix = { public: 'lwpk_', secret: 'lwsk_' } as const

export interface ApiKey {
  id: string
  name: string
  kind: KeyKind
  scopes: readonly Scope[]
  /** Exact origins (scheme://host[:port]) a public key may be used from and redirect to. */
  origins: readonly string[]
  ratePerMinute: number | undefined
}

export interface NewKey {
  name: string
  kind: KeyKind
  scopes?: readonly Scope[]
  origins?: readonly string[]
  ratePerMinute?: number
  /** Only for the documented development keys; real keys are always random. */
  token?: string
}

export function generateToken(kind: KeyKind): string {
  return `${tokenPrefix[kind]}${randomBytes(24).toString('base64url')}`
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex')

export const kindOfToken = (token: string): KeyKind | undefined =>
  token.startsWith(tokenPrefix.secret)
    ? 'secret'
    : token.startsWith(tokenPrefix.public)
      ? 'public'
      : undefined

/**
 * Checks what a new key may do, so a bad key is refused when it is made rather than when a
 * form first fails: a public key creates leads only and names its origins.
 */
export function validateNewKey(key: NewKey): string[] {
  const problems: string[] = []
  if (!key.name.trim()) problems.push('a key needs a name (who uses it, for what)')
  const origins = key.origins ?? []
  for (const origin of origins) {
    if (normalizeOrigin(origin) !== origin) {
      problems.push(`origin '${origin}' must be scheme://host[:port] with nothing after it`)
    }
  }
  if (key.kind === 'public') {
    if (origins.length === 0) problems.push('a public key needs at least one origin (--origin)')
    if (key.scopes && (key.scopes.length !== 1 || key.scopes[0] !== 'leads:create')) {
      problems.push('a public key can only create leads; use a secret key for other scopes')
    }
  }
  for (const scope of key.scopes ?? []) {
    if (!scopes.includes(scope)) problems.push(`unknown scope '${scope}' (known: ${scopes.join(', ')})`)
  }
  if (key.ratePerMinute !== undefined && !(Number.isInteger(key.ratePerMinute) && key.ratePerMinute > 0)) {
    problems.push('the rate limit must be a whole number of requests per minute above 0')
  }
  return problems
}

export const defaultScopes = (kind: KeyKind): Scope[] => (kind === 'public' ? ['leads:create'] : [...scopes])

/** The origin of a URL in its canonical form, or undefined when it is not an http(s) URL. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
    return url.origin
  } catch {
    return undefined
  }
}
