import { fileURLToPath } from 'node:url'
import { ConfigError, loadConfig } from '@leadwire/runtime'
import { z } from 'zod'
import { knownFieldNames } from './completeness.ts'
import type { BreakerSettings } from './firmographics/breaker.ts'
import type { CacheSettings } from './firmographics/cache.ts'
import type { HttpProviderSettings } from './firmographics/http-provider.ts'

export const sampleCsv = fileURLToPath(new URL('../seed/firmographics.csv', import.meta.url))

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback)
const providerName = z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, 'lower-case letters, digits and _')

/** 'clearbit' -> ENRICHMENT_CLEARBIT_*; every remote provider has its own URL, key, budget and limits. */
const envKey = (name: string, key: string) => `ENRICHMENT_${name.toUpperCase()}_${key}`
function remoteShape(name: string): z.ZodRawShape {
  return {
    [envKey(name, 'URL')]: z.url({ protocol: /^https?$/ }),
    [envKey(name, 'API_KEY')]: z.string().min(1),
    [envKey(name, 'TIMEOUT_MS')]: int(50, 60_000, 1500),
    [envKey(name, 'RETRIES')]: int(0, 5, 2),
    [envKey(name, 'BUDGET_PER_MINUTE')]: int(1, 100_000, 60),
  }
}

const baseShape = {
  ENRICHMENT_REQUIRED_FIELDS: z
    .string()
    .default('email,phone,companyDomain,title,seniority,employees,industry,country')
    .transform((s) => s.split(',').map((f) => f.trim()))
    .pipe(z.array(z.enum(knownFieldNames as [string, ...string[]])).min(1)),
  /** The waterfall, in order. 'local' is the Postgres store; any other name is a remote API. */
  ENRICHMENT_PROVIDERS: z
    .string()
    .default('local')
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(providerName).refine((a) => new Set(a).size === a.length, 'a provider is listed twice')),
  ENRICHMENT_PROVIDER_DEADLINE_MS: int(100, 60_000, 4000),
  ENRICHMENT_RETRY_BASE_MS: int(1, 10_000, 200),
  ENRICHMENT_CACHE_TTL_SECONDS: int(60, 90 * 86_400, 7 * 86_400),
  ENRICHMENT_CACHE_NEGATIVE_TTL_SECONDS: int(10, 90 * 86_400, 86_400),
  ENRICHMENT_BREAKER_FAILURES: int(1, 1000, 5),
  ENRICHMENT_BREAKER_COOLDOWN_MS: int(100, 3_600_000, 30_000),
  /** The file `load-firmographics.ts` loads when given none (default: the sample in seed/). */
  ENRICHMENT_FIRMOGRAPHICS_CSV: z.string().min(1).optional(),
}

export type ProviderSettings =
  | { readonly kind: 'local' }
  | ({ readonly kind: 'http'; readonly budgetPerMinute: number } & HttpProviderSettings)

export interface EnrichmentSettings {
  readonly requiredFields: readonly string[]
  readonly providers: readonly ProviderSettings[]
  readonly deadlineMs: number
  readonly cache: CacheSettings
  readonly breaker: BreakerSettings
  readonly firmographicsCsv: string | undefined
}

/**
 * The service's configuration: the runtime's keys plus the enrichment ones, all errors in one
 * list. The remote providers' keys depend on which providers are named, so the list is read
 * first (leniently; the strict parse reports a bad name) to know which keys to expect.
 */
export function loadEnrichmentConfig(env: Record<string, string | undefined>) {
  const named = (env.ENRICHMENT_PROVIDERS ?? '').split(',').map((p) => p.trim())
  const remotes = named.filter((n) => n !== 'local' && providerName.safeParse(n).success)
  const extend = Object.assign({}, baseShape, ...remotes.map(remoteShape)) as typeof baseShape
  const config = loadConfig(env, { service: 'enrichment', defaultPort: 3001, extend })
  const e = config.extra as z.infer<z.ZodObject<typeof baseShape>> & Record<string, unknown>
  if (e.ENRICHMENT_CACHE_NEGATIVE_TTL_SECONDS > e.ENRICHMENT_CACHE_TTL_SECONDS) {
    throw new ConfigError('enrichment', [
      'ENRICHMENT_CACHE_NEGATIVE_TTL_SECONDS: must not exceed ENRICHMENT_CACHE_TTL_SECONDS',
    ])
  }
  const providers = e.ENRICHMENT_PROVIDERS.map((name): ProviderSettings => {
    if (name === 'local') return { kind: 'local' }
    const get = (key: string) => e[envKey(name, key)] as never
    return {
      kind: 'http',
      name,
      url: get('URL'),
      apiKey: get('API_KEY'),
      timeoutMs: get('TIMEOUT_MS'),
      retries: get('RETRIES'),
      retryBaseMs: e.ENRICHMENT_RETRY_BASE_MS,
      budgetPerMinute: get('BUDGET_PER_MINUTE'),
    }
  })
  const settings: EnrichmentSettings = Object.freeze({
    requiredFields: e.ENRICHMENT_REQUIRED_FIELDS,
    providers,
    deadlineMs: e.ENRICHMENT_PROVIDER_DEADLINE_MS,
    cache: {
      ttlSeconds: e.ENRICHMENT_CACHE_TTL_SECONDS,
      negativeTtlSeconds: e.ENRICHMENT_CACHE_NEGATIVE_TTL_SECONDS,
    },
    breaker: {
      failureThreshold: e.ENRICHMENT_BREAKER_FAILURES,
      cooldownMs: e.ENRICHMENT_BREAKER_COOLDOWN_MS,
    },
    firmographicsCsv: e.ENRICHMENT_FIRMOGRAPHICS_CSV,
  })
  return { config, settings }
}
