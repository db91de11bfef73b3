import { Redis } from 'ioredis'
import type { Admin } from 'kafkajs'
import pg from 'pg'
import type { BaseConfig } from './config.ts'
import type { Logger } from './logger.ts'

export function createPool(config: BaseConfig, log: Logger): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.pg.url,
    max: config.pg.poolMax,
    connectionTimeoutMillis: 5000,
    application_name: `leadwire-${config.service}`,
  })
  // A client losing its connection (Postgres restart) must not crash the process. The pool
  // reports idle clients itself; a checked-out client emits on itself, and with no listener
  // that is an uncaught 'error' event that ends the process. Its query in progress fails
  // anyway, the handler sees the error, and the pool discards the broken client on release.
  pool.on('error', (err) => log.warn({ err }, 'idle Postgres client lost its connection'))
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn({ err: err.message }, 'Postgres connection lost while in use'))
  })
  return pool
}

/**
 * Commands fail after a few reconnect attempts instead of queueing forever, so a handler
 * sees the outage as an infrastructure error and waits, rather than hanging unseen.
 */
export function createRedis(config: BaseConfig, log: Logger): Redis {
  const redis = new Redis(config.redis.url, {
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
    retryStrategy: (times) => Math.min(100 * 2 ** times, 2000),
    lazyConnect: false,
  })
  let warned = false
  redis.on('error', (err) => {
    if (!warned) log.warn({ err }, 'Redis connection error')
    warned = true
  })
  redis.on('ready', () => {
    warned = false
  })
  return redis
}

export const checks = {
  postgres: (pool: pg.Pool) => () => pool.query('SELECT 1'),
  redis: (redis: Redis) => () => redis.ping(),
  kafka: (admin: Admin) => () => admin.describeCluster(),
}
