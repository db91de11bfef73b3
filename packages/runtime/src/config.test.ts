import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('gives local defaults and groups the settings', () => {
    const config = loadConfig({}, { service: 'dedup', defaultPort: 3002 })
    expect(config).toMatchObject({
      service: 'dedup',
      namespace: '',
      http: { host: '127.0.0.1', port: 3002 },
      pg: { url: 'postgres://postgres@127.0.0.1:5432/test' },
      redis: { url: 'redis://127.0.0.1:6379' },
      kafka: { brokers: ['127.0.0.1:9092'], clientId: 'leadwire-dedup', maxMessageBytes: 256 * 1024 },
    })
    expect(Object.isFrozen(config.kafka)).toBe(true)
  })

  it('lists every bad key in one error', () => {
    const env = { KAFKA_BROKERS: 'localhost', HTTP_PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'nope' }
    let error: unknown
    try {
      loadConfig(env, { service: 'routing', defaultPort: 1 })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ConfigError)
    const keys = (error as ConfigError).issues.map((i) => i.split(':')[0])
    expect(keys.sort()).toEqual(['DATABASE_URL', 'HTTP_PORT', 'KAFKA_BROKERS.0', 'LOG_LEVEL'])
    expect((error as Error).message).toContain('routing: invalid configuration')
  })

  it('parses service-specific keys under extra', () => {
    const config = loadConfig(
      { TICK_MS: '100' },
      { service: 's', defaultPort: 1, extend: { TICK_MS: z.coerce.number().int().positive() } },
    )
    expect(config.extra.TICK_MS).toBe(100)
  })

  it('rejects a namespace that could not be part of a schema name', () => {
    expect(() => loadConfig({ LEADWIRE_NAMESPACE: 'Bad-Name' }, { service: 's', defaultPort: 1 })).toThrow(
      /LEADWIRE_NAMESPACE/,
    )
  })
})
