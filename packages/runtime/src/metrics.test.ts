import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { createMetrics, observeHttp } from './metrics.ts'
import { opsRoutes } from './ops-server.ts'

describe('HTTP RED metrics', () => {
  it('counts requests by route pattern and status, times them, and leaves probes out', async () => {
    const metrics = createMetrics('capture')
    const app = Fastify()
    observeHttp(app, metrics)
    app.register(opsRoutes, { registry: metrics.registry, checks: {} })
    app.post('/v1/leads/:id', async (_req, reply) => reply.code(202).send({ ok: true }))
    await app.inject({ method: 'POST', url: '/v1/leads/42' })
    await app.inject({ method: 'POST', url: '/v1/leads/43' })
    await app.inject({ method: 'GET', url: '/healthz' })

    const counts = (await metrics.httpRequests.get()).values
    expect(counts).toEqual([{ labels: { route: '/v1/leads/:id', method: 'POST', status: '202' }, value: 2 }])
    const timed = (await metrics.httpSeconds.get()).values.find((v) => v.metricName?.endsWith('_count'))
    expect(timed?.value).toBe(2)
    await app.close()
  })
})
