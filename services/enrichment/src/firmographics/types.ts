import type { Enrichment } from '@leadwire/contracts'

/** What a provider knows about a company; every part is optional except the technology list. */
export interface CompanyRecord {
  readonly name?: string
  readonly industry?: string
  /** Head count when the provider has one; otherwise the band's lower bound is used downstream. */
  readonly employees?: number
  readonly employeeBand?: string
  readonly revenueBand?: string
  /** ISO 3166-1 alpha-2 of the company's head office. */
  readonly country?: string
  readonly technologies: readonly string[]
}

/** A provider's answer: a record and when the provider produced it, or a definite "unknown". */
export type Answer =
  | { readonly found: true; readonly record: CompanyRecord; readonly asOf: Date }
  | { readonly found: false }

export interface FirmographicProvider {
  readonly name: string
  /** Looks a company up by its web domain. Throws ProviderError when it could not answer. */
  lookup(domain: string, signal: AbortSignal): Promise<Answer>
}

export type ProviderStatus = Enrichment['providers'][number]

/** Why a provider gave no answer; `skip` reasons never count against its circuit breaker. */
export const providerFailures = {
  timeout: 'error',
  network: 'error',
  http: 'error',
  bad_response: 'error',
  budget_exhausted: 'skip',
  budget_unavailable: 'skip',
  deadline: 'skip',
} as const
export type ProviderFailure = keyof typeof providerFailures

export class ProviderError extends Error {
  readonly reason: ProviderFailure
  readonly retryable: boolean
  constructor(reason: ProviderFailure, message: string, opts: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: opts.cause })
    this.name = 'ProviderError'
    this.reason = reason
    this.retryable = opts.retryable ?? false
  }
}
