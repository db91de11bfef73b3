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
  /** From this moment the key is refused; undefined never expires. */
  expiresAt: Date | undefined
}

export const isExpired = (key: Pick<ApiKey, 'expiresAt'>, now: Date): boolean =>
  key.expiresAt !== undefined && key.expiresAt.getTime() <= now.getTime()

export interface NewKey {
  name: string
  kind: KeyKind
  scopes?: readonly Scope[]
  origins?: readonly string[]
  ratePerMinute?: number
  expiresAt?: Date
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
export function validateNewKey(key: NewKey, now = new Date()): string[] {
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
  if (key.expiresAt !== undefined && !(key.expiresAt.getTime() > now.getTime())) {
    problems.push('the expiry must be a valid moment in the future')
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

const units = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const

/**
 * When a key made now ends, from the keys command's `--expires-in 90d` (m, h, d or w) or
 * `--expires-at 2026-12-31T23:59:59Z` (an ISO 8601 date, or a date-time with its offset).
 */
export function expiryFrom(opts: { expiresIn?: string; expiresAt?: string }, now: Date): Date | undefined {
  if (opts.expiresIn !== undefined && opts.expiresAt !== undefined) {
    throw new Error('say --expires-in or --expires-at, not both')
  }
  if (opts.expiresIn !== undefined) {
    const m = /^(\d+)([mhdw])$/.exec(opts.expiresIn)
    if (!m || Number(m[1]) === 0)
      throw new Error(`--expires-in '${opts.expiresIn}': use a count and a unit, e.g. 90d, 12h, 2w`)
    return new Date(now.getTime() + Number(m[1]) * units[m[2] as keyof typeof units])
  }
  if (opts.expiresAt !== undefined) {
    const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/
    const at = new Date(opts.expiresAt)
    if (!iso.test(opts.expiresAt) || Number.isNaN(at.getTime())) {
      throw new Error(
        `--expires-at '${opts.expiresAt}': use an ISO 8601 date or date-time with offset, e.g. 2026-12-31T23:59:59Z`,
      )
    }
    return at
  }
  return undefined
}
