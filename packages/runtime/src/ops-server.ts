import Fastify, { type FastifyPluginAsync } from 'fastify'
import type { Registry } from 'prom-client'
import type { Logger } from './logger.ts'

export type HealthCheck = () => Promise<unknown>

export interface OpsRoutesOptions {
  /** Each dependency that must answer before the service is ready (Postgres, Redis, Kafka). */
  checks: Record<string, HealthCheck>
  /** Extra readiness condition, e.g. the consumer has joined its group. */
  ready?: () => boolean
  registry: Registry
  checkTimeoutMs?: number
}

/**
 * /healthz says the process is alive (restart it if not); /readyz says every dependency
 * answers (send it traffic); /metrics is for Prometheus.
 */
export const opsRoutes: FastifyPluginAsync<OpsRoutesOptions> = async (app, opts) => {
  const timeoutMs = opts.checkTimeoutMs ?? 2000
  app.get('/healthz', async () => ({ status: 'ok' }))
  app.get('/readyz', async (_req, reply) => {
    const results = await Promise.all(
      Object.entries(opts.checks).map(
        async ([name, check]) => [name, await probe(check, timeoutMs)] as const,
      ),
    )
    const checks = Object.fromEntries(results)
    const started = opts.ready?.() ?? true
    const ok = started && results.every(([, r]) => r === 'ok')
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready', started, checks })
  })
  app.get('/metrics', async (_req, reply) => {
    return reply.header('content-type', opts.registry.contentType).send(await opts.registry.metrics())
  })
}

async function probe(check: HealthCheck, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs)
      }),
    ])
    return 'ok'
  } catch (err) {
    return (err as Error).message || 'failed'
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A small HTTP server with the ops routes, for the consumer services, plus any read or admin
 * routes a service adds (its own API beside /healthz, /readyz and /metrics).
 */
export function createOpsServer(opts: OpsRoutesOptions & { log: Logger; routes?: FastifyPluginAsync }) {
  // Probes hit these routes every few seconds: log only what goes wrong.
  const app = Fastify({ loggerInstance: opts.log.child({ component: 'ops-http' }, { level: 'warn' }) })
  app.register(opsRoutes, opts)
  if (opts.routes) app.register(opts.routes)
  return app
}
