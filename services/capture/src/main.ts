import {
  checks,
  createKafka,
  createLogger,
  createMetrics,
  createNames,
  createOutboxRelay,
  createPool,
  createProducer,
  createRedis,
  installShutdown,
  loadConfig,
  observeHttp,
  startTracing,
  stopTracing,
  waitForDependencies,
} from '@leadwire/runtime'
import { buildApp } from './app.ts'
import { createPgKeyStore } from './auth/pg-key-store.ts'
import { captureEnv } from './capture-config.ts'
import { createPgFeedbackStore } from './feedback/pg-feedback-store.ts'
import { createPgLeadStore } from './leads/pg-lead-store.ts'
import { createRedisRateLimiter } from './limits/redis-rate-limiter.ts'

const config = loadConfig(process.env, { service: 'capture', defaultPort: 3000, extend: captureEnv })
const log = createLogger({ service: config.service, level: config.log.level })
startTracing({ service: config.service, otlpEndpoint: config.otel.endpoint })
const names = createNames(config.namespace)
const schema = names.schema(config.service)
const metrics = createMetrics(config.service)
const pool = createPool(config, log)
const redis = createRedis(config, log)
const kafka = createKafka({ brokers: config.kafka.brokers, clientId: config.kafka.clientId, log })
const admin = kafka.admin()
const producer = createProducer(kafka)
const relay = createOutboxRelay({ pool, producer, schema, log: log.child({ component: 'outbox' }), metrics })
const app = buildApp({
  leads: createPgLeadStore({ pool, schema, names }),
  feedback: createPgFeedbackStore({ pool, schema, names }),
  keys: createPgKeyStore({ pool, schema }),
  limiter: createRedisRateLimiter({
    redis,
    keyOf: names.redisKey,
    log: log.child({ component: 'rate-limit' }),
  }),
  names,
  log,
  limits: {
    perIpPerMinute: config.extra.CAPTURE_RATE_LIMIT_PER_IP,
    perKeyPerMinute: config.extra.CAPTURE_RATE_LIMIT_PER_KEY,
  },
  keyless: config.extra.CAPTURE_KEYLESS,
  trustProxy: config.extra.CAPTURE_TRUST_PROXY,
  // Ready means "can take leads": that needs Postgres only. With Kafka away the outbox holds
  // leads, and with Redis away the rate limits fail open; neither should stop traffic.
  ops: { registry: metrics.registry, checks: { postgres: checks.postgres(pool) } },
})
// Request rate, errors and duration per route for the dashboards (probes excluded).
observeHttp(app, metrics)

installShutdown(log, [
  { name: 'http', run: () => app.close() },
  { name: 'outbox relay', run: () => relay.stop() },
  { name: 'producer', run: () => producer.disconnect() },
  { name: 'kafka admin', run: () => admin.disconnect() },
  { name: 'redis', run: () => redis.quit() },
  { name: 'postgres', run: () => pool.end() },
  { name: 'tracing', run: () => stopTracing() },
])

await waitForDependencies(log, { postgres: checks.postgres(pool) })
// Leads are accepted as soon as Postgres answers; the relay catches up whenever Kafka does.
await app.listen({ host: config.http.host, port: config.http.port })
void (async () => {
  await waitForDependencies(log, { kafka: () => admin.connect().then(() => producer.connect()) })
  relay.start()
  log.info('outbox relay publishing')
})()
