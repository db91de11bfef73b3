import { setTimeout as sleep } from 'node:timers/promises'
import type { Budget } from './budget.ts'
import { readCompanyResponse } from './http-response.ts'
import { toCompanyRecord } from './record.ts'
import { type Answer, type FirmographicProvider, ProviderError } from './types.ts'

export interface HttpProviderSettings {
  readonly name: string
  /** The company-lookup endpoint; `?domain=<domain>` is appended. */
  readonly url: string
  readonly apiKey: string
  /** Per attempt, body included. */
  readonly timeoutMs: number
  /** Extra attempts after the first, for timeouts, network errors, 429 and 5xx. */
  readonly retries: number
  readonly retryBaseMs: number
}

/**
 * A Clearbit/Apollo-style company API as a provider. Each attempt spends one call of the
 * shared per-minute budget (vendors bill retries too) and has its own timeout; the caller's
 * signal bounds the whole lookup, backoff included. 404 is a definite "unknown company".
 */
export function createHttpProvider(
  settings: HttpProviderSettings,
  deps: { budget: Budget; clock: () => Date },
): FirmographicProvider {
  async function attempt(domain: string, signal: AbortSignal): Promise<Answer> {
    const url = new URL(settings.url)
    url.searchParams.set('domain', domain)
    const timeout = AbortSignal.timeout(settings.timeoutMs)
    try {
      const res = await fetch(url, {
        // Clearbit reads the bearer token, Apollo the x-api-key header; one adapter fits both.
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${settings.apiKey}`,
          'x-api-key': settings.apiKey,
        },
        signal: AbortSignal.any([signal, timeout]),
      })
      if (res.status === 404 || res.status === 202) {
        await res.body?.cancel()
        return { found: false }
      }
      if (res.status !== 200) {
        await res.body?.cancel()
        const retryable = res.status === 429 || res.status >= 500
        throw new ProviderError('http', `http ${res.status}`, { retryable })
      }
      const raw = readCompanyResponse(await res.json().catch(() => undefined))
      if (!raw) throw new ProviderError('bad_response', 'bad response')
      return { found: true, record: toCompanyRecord(raw), asOf: deps.clock() }
    } catch (err) {
      if (err instanceof ProviderError) throw err
      if (signal.aborted) throw new ProviderError('deadline', 'deadline', { cause: err })
      if (timeout.aborted) throw new ProviderError('timeout', 'timeout', { retryable: true, cause: err })
      throw new ProviderError('network', 'unreachable', { retryable: true, cause: err })
    }
  }

  async function takeBudget(): Promise<void> {
    const ok = await deps.budget.take().catch((err: unknown) => {
      throw new ProviderError('budget_unavailable', 'budget unavailable', { cause: err })
    })
    if (!ok) throw new ProviderError('budget_exhausted', 'budget exhausted')
  }

  return {
    name: settings.name,
    async lookup(domain, signal) {
      for (let n = 0; ; n++) {
        if (signal.aborted) throw new ProviderError('deadline', 'deadline')
        await takeBudget()
        try {
          return await attempt(domain, signal)
        } catch (err) {
          if (!(err instanceof ProviderError) || !err.retryable || n >= settings.retries) throw err
          await sleep(settings.retryBaseMs * 2 ** n, undefined, { signal }).catch(() => {})
        }
      }
    },
  }
}
