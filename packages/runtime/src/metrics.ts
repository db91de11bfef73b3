import type { FastifyReply, FastifyRequest } from 'fastify'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

/** The metrics every consumer service exposes on /metrics; one registry per process. */
export function createMetrics(service: string) {
  const registry = new Registry()
  registry.setDefaultLabels({ service })
  collectDefaultMetrics({ register: registry })
  const handled = new Counter({
    name: 'leadwire_messages_handled_total',
    help: 'Messages taken off a topic, by outcome (handled, duplicate, dead_lettered)',
    labelNames: ['topic', 'outcome'] as const,
    registers: [registry],
  })
  const failures = new Counter({
    name: 'leadwire_handler_failures_total',
    help: 'Failed handler attempts, by error code',
    labelNames: ['topic', 'code'] as const,
    registers: [registry],
  })
  const deadLettered = new Counter({
    name: 'leadwire_dlq_messages_total',
    help: 'Messages written to a dead-letter topic, by reason code',
    labelNames: ['topic', 'reason'] as const,
    registers: [registry],
  })
  const handlerSeconds = new Histogram({
    name: 'leadwire_handler_duration_seconds',
    help: 'Time from taking a message to committing its effects',
    labelNames: ['topic'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  const consumerLag = new Gauge({
    name: 'leadwire_consumer_lag',
    help: 'Messages not yet committed on each partition this member owns, read from the broker every 10 s',
    labelNames: ['topic', 'partition'] as const,
    registers: [registry],
  })
  const outboxPublished = new Counter({
    name: 'leadwire_outbox_published_total',
    help: 'Outbox rows published to Kafka',
    labelNames: ['topic'] as const,
    registers: [registry],
  })
  // Measured by the replica holding the relay lock (others report 0): aggregate with max().
  const outboxPending = new Gauge({
    name: 'leadwire_outbox_pending',
    help: 'Outbox rows waiting to be published, as the publishing replica last counted them',
    registers: [registry],
  })
  const outboxOldestSeconds = new Gauge({
    name: 'leadwire_outbox_oldest_age_seconds',
    help: 'Age of the oldest outbox row still waiting; grows while Kafka is unreachable',
    registers: [registry],
  })
  const httpRequests = new Counter({
    name: 'leadwire_http_requests_total',
    help: 'HTTP requests answered, by route, method and status code',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  })
  const httpSeconds = new Histogram({
    name: 'leadwire_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route',
    labelNames: ['route', 'method'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  return {
    registry,
    handled,
    failures,
    deadLettered,
    handlerSeconds,
    consumerLag,
    outboxPublished,
    outboxPending,
    outboxOldestSeconds,
    httpRequests,
    httpSeconds,
  }
}

export type Metrics = ReturnType<typeof createMetrics>

/** Any Fastify instance, whatever its logger and type provider (capture's uses zod's). */
interface HookHost {
  addHook(name: 'onResponse', hook: (req: FastifyRequest, reply: FastifyReply) => Promise<void>): unknown
}

/**
 * RED metrics for an HTTP app: one hook, labelled by route pattern (never the raw URL, which
 * would give a series per lead). Probe and scrape routes are left out: they are not traffic.
 */
export function observeHttp(app: HookHost, metrics: Metrics): void {
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched'
    if (route === '/healthz' || route === '/readyz' || route === '/metrics') return
    metrics.httpRequests.inc({ route, method: req.method, status: String(reply.statusCode) })
    metrics.httpSeconds.observe({ route, method: req.method }, reply.elapsedTime / 1000)
  })
}
