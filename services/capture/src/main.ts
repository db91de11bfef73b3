import {
  checks,
  createKafka,
  createLogger,
  createMetrics,
  createNames,
  createOutboxRelay,
  createPool,
  createProducer,
  installShutdown,
  loadConfig,
  startTracing,
  stopTracing,
  waitForDependencies,
} from '@leadwire/runtime'
import { buildApp } from './app.ts'
import { createPgLeadStore } from './pg-lead-store.ts'

const config = loadConfig(process.env, { service: 'capture', defaultPort: 3000 })
const log = createLogger({ service: config.service, level: config.log.level })
startTracing({ service: config.service, otlpEndpoint: config.otel.endpoint })
const names = createNames(config.namespace)
const schema = names.schema(config.service)
const metrics = createMetrics(config.service)
const pool = createPool(config, log)
const kafka = createKafka({ brokers: config.kafka.brokers, clientId: config.kafka.clientId, log })
const admin = kafka.admin()
const producer = createProducer(kafka)
const relay = createOutboxRelay({ pool, producer, schema, log: log.child({ component: 'outbox' }), metrics })
const app = buildApp({
  store: createPgLeadStore({ pool, schema, names }),
  log,
  ops: {
    registry: metrics.registry,
    checks: { postgres: checks.postgres(pool), kafka: checks.kafka(admin) },
  },
})

installShutdown(log, [
  { name: 'http', run: () => app.close() },
  { name: 'outbox relay', run: () => relay.stop() },
  { name: 'producer', run: () => producer.disconnect() },
  { name: 'kafka admin', run: () => admin.disconnect() },
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
