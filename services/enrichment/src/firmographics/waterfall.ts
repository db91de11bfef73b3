import type { Logger } from '@leadwire/runtime'
import type { CircuitBreaker } from './breaker.ts'
import type { AnswerCache } from './cache.ts'
import {
  type CompanyRecord,
  type FirmographicProvider,
  ProviderError,
  type ProviderStatus,
  providerFailures,
} from './types.ts'

export interface ProviderEntry {
  readonly provider: FirmographicProvider
  /** Remote providers only: the local store is as fast as the cache and must show reloads at once. */
  readonly cache?: AnswerCache
  readonly breaker?: CircuitBreaker
}

export interface Hit {
  readonly provider: string
  readonly record: CompanyRecord
  readonly asOf: Date
}

export interface WaterfallResult {
  /** One status per configured provider, in order, for the event's `providers` field. */
  readonly statuses: readonly ProviderStatus[]
  /** What the providers that knew the company said, in waterfall order. */
  readonly hits: readonly Hit[]
}

/**
 * Asks providers in the configured order until one knows the company and `enough` says the
 * lead needs nothing more. A provider that is down, slow, out of budget or behind an open
 * circuit is recorded and passed over; nothing here throws, so no provider can hold a lead
 * back longer than the deadline.
 */
export function createWaterfall(opts: {
  entries: readonly ProviderEntry[]
  deadlineMs: number
  log: Logger
}) {
  const log = opts.log.child({ component: 'firmographics' })

  async function ask(entry: ProviderEntry, domain: string, signal: AbortSignal, hits: Hit[]) {
    const { provider, cache, breaker } = entry
    const name = provider.name
    const cached = await cache?.get(name, domain).catch((err: unknown) => {
      log.warn({ err, provider: name }, 'firmographics cache unreadable; asking the provider')
      return undefined
    })
    if (cached) {
      if (cached.found) hits.push({ provider: name, record: cached.record, asOf: cached.asOf })
      return status(name, cached.found ? 'hit' : 'miss', 'cached')
    }
    if (breaker && !breaker.allow()) return status(name, 'skipped', 'circuit open')
    try {
      const answer = await provider.lookup(domain, signal)
      breaker?.success()
      if (answer.found) hits.push({ provider: name, record: answer.record, asOf: answer.asOf })
      await cache?.set(name, domain, answer).catch((err: unknown) => {
        log.warn({ err, provider: name }, 'firmographics cache not written')
      })
      return status(name, answer.found ? 'hit' : 'miss')
    } catch (err) {
      if (err instanceof ProviderError && providerFailures[err.reason] === 'skip') {
        breaker?.release()
        return status(name, 'skipped', err.message)
      }
      breaker?.failure()
      log.warn({ err, provider: name, breaker: breaker?.state() }, 'firmographics provider failed')
      return status(name, 'error', err instanceof ProviderError ? err.message : 'failed')
    }
  }

  return {
    async run(
      domain: string | undefined,
      enough: (hits: readonly Hit[]) => boolean,
    ): Promise<WaterfallResult> {
      const names = opts.entries.map((e) => e.provider.name)
      if (domain === undefined)
        return { statuses: names.map((n) => status(n, 'skipped', 'no company domain')), hits: [] }
      const signal = AbortSignal.timeout(opts.deadlineMs)
      const hits: Hit[] = []
      const statuses: ProviderStatus[] = []
      for (const entry of opts.entries) {
        const name = entry.provider.name
        if (hits.length > 0 && enough(hits)) statuses.push(status(name, 'skipped', 'not needed'))
        else if (signal.aborted) statuses.push(status(name, 'skipped', 'deadline'))
        else statuses.push(await ask(entry, domain, signal, hits))
      }
      return { statuses, hits }
    },
  }
}

export type Waterfall = ReturnType<typeof createWaterfall>

const status = (name: string, s: ProviderStatus['status'], detail?: string): ProviderStatus =>
  detail === undefined ? { name, status: s } : { name, status: s, detail }
