import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  decodeEvent,
  encodeEvent,
  type LeadRoutedV1,
  type LeadSlaBreachedV1,
  leadRoutedV1,
  leadSlaBreachedV1,
} from '@leadwire/contracts'
import { createKafka, createProducer, ensureTopics, topicPlan } from '@leadwire/runtime'
import { freePort, startService } from '@leadwire/stack/processes'
import type { TestNamespace } from '@leadwire/stack/testing'
import type { Consumer, Producer } from 'kafkajs'
import { parse } from 'yaml'

/**
 * The seed playbook with SLAs of seconds, so real processes breach within a test: enterprise
 * demo requests due in 2 s (warning at 80%, page at 3 s), mid-market in `slowSeconds`.
 */
export function writeTinyPlaybook(slowSeconds: number): string {
  const doc = parse(readFileSync(new URL('../../../infra/seed/playbook.yaml', import.meta.url), 'utf8'))
  const sla = (firstTouch: string, escalation: unknown[]) => ({ firstTouch, clock: 'calendar', escalation })
  for (const segment of doc.segments) {
    if (segment.name === 'enterprise_demo') {
      segment.sla = sla('2s', [
        { after: '80%', level: 'warning', action: 'notify' },
        { after: '100%', level: 'breach', action: 'notify' },
        { after: '3s', level: 'escalation', action: 'page' },
      ])
    }
    if (segment.name === 'mid_market') {
      segment.sla = sla(`${slowSeconds}s`, [{ after: '100%', level: 'breach', action: 'notify' }])
    }
  }
  const path = join(mkdtempSync(join(tmpdir(), 'sla-playbook-')), 'playbook.json')
  writeFileSync(path, JSON.stringify(doc))
  return path
}

export interface Fired {
  id: string
  data: LeadSlaBreachedV1
}

/** Topics, a producer of routed events and a reader of breach events for one namespace. */
export async function kafkaFor(ns: TestNamespace) {
  const kafka = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'sla-test', log: ns.log })
  const admin = kafka.admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, undefined, 2))
  const producer: Producer = createProducer(kafka)
  await producer.connect()
  const fired: Fired[] = []
  /** When each fired event reached this reader, by event id (for the lateness bench). */
  const arrivedAt = new Map<string, number>()
  const reader: Consumer = kafka.consumer({ groupId: `${ns.namespace}-reader`, maxWaitTimeInMs: 50 })
  await reader.connect()
  await reader.subscribe({ topics: [ns.names.topic(leadSlaBreachedV1.topic)], fromBeginning: true })
  await reader.run({
    eachMessage: async ({ message }) => {
      const decoded = decodeEvent(message, [leadSlaBreachedV1])
      if (!decoded.ok) return
      arrivedAt.set(decoded.event.id, Date.now())
      fired.push({ id: decoded.event.id, data: decoded.event.data as LeadSlaBreachedV1 })
    },
  })
  return {
    admin,
    fired,
    arrivedAt,
    /** Produces routed events in one request per call (kafkajs sends each `send` on its own). */
    async route(...leads: LeadRoutedV1[]) {
      const messages = leads.map((data) =>
        encodeEvent(leadRoutedV1, { id: randomUUID(), source: '/test', key: data.lead.leadId, data }),
      )
      await producer.send({ topic: ns.names.topic(leadRoutedV1.topic), messages })
    },
    async close() {
      await reader.disconnect()
      await producer.disconnect()
    },
  }
}

/** One sla-watchdog process in the namespace, on free ports, ticking every 50 ms. */
export async function startWatchdog(ns: TestNamespace, playbookPath: string, label: string) {
  const env = {
    ...ns.env,
    PLAYBOOK_PATH: playbookPath,
    SLA_TICK_MS: '50',
  }
  const proc = startService('sla-watchdog', {
    env,
    port: await freePort(),
    logDir: `.leadwire/test-logs/${ns.namespace}/${label}`,
  })
  await proc.ready()
  return proc
}

/** Waits until `done` holds, checking every 100 ms; fails with `what` after `timeoutMs`. */
export async function until(done: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
