import { leadRoutedV1 } from '@leadwire/contracts'
import { createTestNamespace, deliver, type TestNamespace } from '@leadwire/stack/testing'
import { Registry } from 'prom-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSlaMetrics } from '../src/sla-metrics.ts'
import { createTicker } from '../src/ticker.ts'
import { after, minutes, routed, tuesdayMorning } from './builders.ts'
import { service, watchdogSubscriptions } from './support.ts'

let ns: TestNamespace
beforeAll(async () => {
  ns = await createTestNamespace('slm')
  await ns.migrate()
})
afterAll(() => ns.cleanup())

const value = async (registry: Registry, name: string, labels: Record<string, string> = {}) => {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name)
  const hit = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))
  return hit?.value
}

describe('sla-watchdog metrics', () => {
  it('reports timers pending from Postgres and counts fired steps by segment and level', async () => {
    const registry = new Registry()
    const schema = ns.names.schema(service)
    const metrics = createSlaMetrics(registry, ns.pool, schema)
    const subs = await watchdogSubscriptions()
    for (const segment of ['enterprise_demo', 'enterprise_demo', 'mid_market']) {
      await deliver(ns, service, subs, leadRoutedV1, routed({ segment }))
    }
    expect(await value(registry, 'leadwire_sla_timers_pending')).toBe(3)
    const now = after(tuesdayMorning, minutes(5))
    const ticker = createTicker({
      pool: ns.pool,
      schema,
      names: ns.names,
      log: ns.log,
      clock: () => now,
      onFired: metrics.onFired,
    })
    await ticker.tick()
    const breaches = { segment: 'enterprise_demo', level: 'breach' }
    expect(await value(registry, 'leadwire_sla_breaches_total', breaches)).toBe(2)
    expect(
      await value(registry, 'leadwire_sla_breaches_total', { segment: 'enterprise_demo', level: 'warning' }),
    ).toBe(2)
    // The enterprise clocks still wait for their 10-minute page; mid-market for its warning.
    expect(await value(registry, 'leadwire_sla_timers_pending')).toBe(3)
  })

  it('reuses metrics of the same name already on the registry', () => {
    const registry = new Registry()
    createSlaMetrics(registry, ns.pool, ns.names.schema(service))
    expect(() => createSlaMetrics(registry, ns.pool, ns.names.schema(service))).not.toThrow()
  })
})
