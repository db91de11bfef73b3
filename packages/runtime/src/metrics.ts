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
    help: 'Messages behind the partition high watermark after the last batch',
    labelNames: ['topic', 'partition'] as const,
    registers: [registry],
  })
  const outboxPublished = new Counter({
    name: 'leadwire_outbox_published_total',
    help: 'Outbox rows published to Kafka',
    labelNames: ['topic'] as const,
    registers: [registry],
  })
  const outboxPending = new Gauge({
    name: 'leadwire_outbox_pending',
    help: 'Outbox rows seen waiting at the last relay pass',
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
  }
}

export type Metrics = ReturnType<typeof createMetrics>
