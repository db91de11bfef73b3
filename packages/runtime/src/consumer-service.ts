import type { FastifyPluginAsync } from 'fastify'
import type { Redis } from 'ioredis'
import type { Kafka, Producer } from 'kafkajs'
import type pg from 'pg'
import type { BaseConfig } from './config.ts'
import { checks, createPool, createRedis } from './connections.ts'
import { createConsumer, type Subscription } from './consumer.ts'
import { createKafka, createProducer } from './kafka.ts'
import { createLogger, type Logger } from './logger.ts'
import { createMetrics, type Metrics } from './metrics.ts'
import { createNames, type Names } from './names.ts'
import { createOpsServer } from './ops-server.ts'
import { createOutboxRelay } from './outbox-relay.ts'
import { installShutdown } from './shutdown.ts'
import { startTracing, stopTracing } from './tracing.ts'

export interface ServiceDeps {
  config: BaseConfig
  log: Logger
  pool: pg.Pool
  /** Connected on first use; only a service that uses it waits for it and reports it in /readyz. */
  readonly redis: Redis
  kafka: Kafka
  producer: Producer
  names: Names
  schema: string
  metrics: Metrics
}

export interface ServiceParts {
  subscriptions: readonly Subscription[]
  /** Background work besides consuming (timers, schedulers); started once consuming. */
  background?: { start(): void; stop(): Promise<void> }
  /** The service's own HTTP routes (read or admin APIs), served on the ops port. */
  routes?: FastifyPluginAsync
}

/**
 * The shared composition of a consumer service: connections, outbox relay, consumer loop,
 * ops HTTP server and shutdown order. A service's main.ts parses its config and hands over a
 * factory that lists its subscriptions; consuming starts only once every dependency answers.
 */
export async function runConsumerService(
  config: BaseConfig,
  build: (deps: ServiceDeps) => Promise<ServiceParts> | ServiceParts,
) {
  const log = createLogger({ service: config.service, level: config.log.level })
  startTracing({ service: config.service, otlpEndpoint: config.otel.endpoint })
  const names = createNames(config.namespace)
  const schema = names.schema(config.service)
  const metrics = createMetrics(config.service)
  const pool = createPool(config, log)
  const kafka = createKafka({ brokers: config.kafka.brokers, clientId: config.kafka.clientId, log })
  const admin = kafka.admin()
  const producer = createProducer(kafka)
  // Redis is connected only for a service whose build asks for it: the others must neither
  // wait for it at start nor report unready while it is away.
  let redis: Redis | undefined
  const deps: ServiceDeps = {
    config,
    log,
    pool,
    get redis() {
      redis ??= createRedis(config, log)
      return redis
    },
    kafka,
    producer,
    names,
    schema,
    metrics,
  }
  const parts = await build(deps)
  const needed = {
    postgres: checks.postgres(pool),
    ...(redis && { redis: checks.redis(redis) }),
  }
  const relay = createOutboxRelay({
    pool,
    producer,
    schema,
    log: log.child({ component: 'outbox' }),
    metrics,
  })
  const consumer = createConsumer({
    kafka,
    producer,
    pool,
    names,
    service: config.service,
    schema,
    subscriptions: parts.subscriptions,
    log: log.child({ component: 'consumer' }),
    metrics,
    maxAttempts: config.handler.maxAttempts,
    retryBaseMs: config.handler.retryBaseMs,
    maxWaitMs: config.kafka.maxWaitMs,
    partitionsConcurrently: config.kafka.partitionsConcurrently,
    sessionTimeoutMs: config.kafka.sessionTimeoutMs,
    lag: { admin, intervalMs: 10_000 },
    // Exit (after the orderly stop) so a supervisor starts a fresh process.
    onFatal: () => void stop('consumer crashed', 1),
    maxMessageBytes: config.kafka.maxMessageBytes,
  })
  const ops = createOpsServer({
    log,
    registry: metrics.registry,
    checks: { ...needed, kafka: checks.kafka(admin) },
    ready: consumer.isRunning,
    ...(parts.routes && { routes: parts.routes }),
  })
  const stop = installShutdown(log, [
    { name: 'consumer', run: () => consumer.stop() },
    { name: 'background', run: async () => parts.background?.stop() },
    { name: 'outbox relay', run: () => relay.stop() },
    { name: 'producer', run: () => producer.disconnect() },
    { name: 'kafka admin', run: () => admin.disconnect() },
    { name: 'ops http', run: () => ops.close() },
    { name: 'redis', run: async () => redis?.quit() },
    { name: 'postgres', run: () => pool.end() },
    { name: 'tracing', run: () => stopTracing() },
  ])
  const address = await ops.listen({ host: config.http.host, port: config.http.port })
  log.info({ address }, 'ops http listening')
  await waitForDependencies(log, needed)
  await admin.connect()
  await producer.connect()
  relay.start()
  await consumer.start()
  parts.background?.start()
  log.info({ schema, namespace: config.namespace }, 'consuming')
  return { deps, address }
}

export async function waitForDependencies(
  log: Logger,
  deps: Record<string, () => Promise<unknown>>,
): Promise<void> {
  for (const [name, check] of Object.entries(deps)) {
    for (let attempt = 1; ; attempt++) {
      try {
        await check()
        break
      } catch (err) {
        if (attempt % 10 === 1) log.warn({ err, dependency: name }, 'waiting for a dependency')
        await new Promise((r) => setTimeout(r, 500))
      }
    }
  }
}
