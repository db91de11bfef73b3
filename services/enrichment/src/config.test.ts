import { ConfigError } from '@leadwire/runtime'
import { describe, expect, it } from 'vitest'
import { loadEnrichmentConfig } from './config.ts'

describe('loadEnrichmentConfig', () => {
  it('defaults to the local store alone, so a machine with no provider reachable works', () => {
    const { settings } = loadEnrichmentConfig({})
    expect(settings.providers).toEqual([{ kind: 'local' }])
    expect(settings.cache.negativeTtlSeconds).toBeLessThan(settings.cache.ttlSeconds)
    expect(settings.requiredFields).toContain('email')
  })

  it('reads each remote provider from its own keys, in the configured order', () => {
    const { settings } = loadEnrichmentConfig({
      ENRICHMENT_PROVIDERS: 'clearbit, local,apollo',
      ENRICHMENT_CLEARBIT_URL: 'https://company.example/v2/companies/find',
      ENRICHMENT_CLEARBIT_API_KEY: 'sk_test',
      ENRICHMENT_CLEARBIT_BUDGET_PER_MINUTE: '30',
      ENRICHMENT_APOLLO_URL: 'http://127.0.0.1:9/enrich',
      ENRICHMENT_APOLLO_API_KEY: 'k',
      ENRICHMENT_APOLLO_TIMEOUT_MS: '800',
    })
    expect(settings.providers.map((p) => (p.kind === 'local' ? 'local' : p.name))).toEqual([
      'clearbit',
      'local',
      'apollo',
    ])
    expect(settings.providers[0]).toMatchObject({ kind: 'http', budgetPerMinute: 30, retries: 2 })
    expect(settings.providers[2]).toMatchObject({ kind: 'http', timeoutMs: 800, budgetPerMinute: 60 })
  })

  it('lists every bad key in one error', () => {
    const attempt = () =>
      loadEnrichmentConfig({
        ENRICHMENT_PROVIDERS: 'local,clearbit,Bad-Name',
        ENRICHMENT_CLEARBIT_URL: 'ftp://x',
        ENRICHMENT_BREAKER_FAILURES: '0',
      })
    expect(attempt).toThrow(ConfigError)
    const issues = (() => {
      try {
        attempt()
      } catch (err) {
        return (err as ConfigError).issues.join('\n')
      }
    })()
    expect(issues).toMatch(/ENRICHMENT_PROVIDERS/)
    expect(issues).toMatch(/ENRICHMENT_CLEARBIT_URL/)
    expect(issues).toMatch(/ENRICHMENT_CLEARBIT_API_KEY/)
    expect(issues).toMatch(/ENRICHMENT_BREAKER_FAILURES/)
  })

  it('refuses a negative-cache TTL longer than the positive one', () => {
    expect(() =>
      loadEnrichmentConfig({
        ENRICHMENT_CACHE_TTL_SECONDS: '600',
        ENRICHMENT_CACHE_NEGATIVE_TTL_SECONDS: '3600',
      }),
    ).toThrow(/NEGATIVE_TTL/)
  })
})
