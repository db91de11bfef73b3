import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { leadCapturedV1 } from '@leadwire/contracts'
import { createKafka, createProducer, ensureTopics, topicPlan } from '@leadwire/runtime'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type { Admin, Consumer, Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeGroups, rewindGroup } from '../infra/scripts/consumer-groups.ts'
import { repoRoot } from '../infra/scripts/services.ts'

// The stuck-group runbook's tool (docs/RELIABILITY.md) against the real broker: a group named
// as enrichment's reads leads.captured.v1, and the tool reports and rewinds it.
let ns: TestNamespace
let admin: Admin
let producer: Producer
let consumer: Consumer | undefined
const seen: string[] = []

beforeAll(async () => {
  ns = await createTestNamespace('g')
  const kafka = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'groups-test', log: ns.log })
  admin = kafka.admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, undefined, 2))
  producer = createProducer(kafka) // idempotent: a retried send does not write twice
  await producer.connect()
  const topic = ns.names.topic(leadCapturedV1.topic)
  await producer.send({ topic, messages: ['a', 'b', 'c', 'd'].map((key) => ({ key, value: key })) })
  consumer = kafka.consumer({ groupId: ns.names.group('enrichment'), maxWaitTimeInMs: 50 })
  await consumer.connect()
  await consumer.subscribe({ topics: [topic], fromBeginning: true })
  await consumer.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) })
  for (let i = 0; i < 200 && seen.length < 4; i++) await new Promise((r) => setTimeout(r, 50))
})

afterAll(async () => {
  await consumer?.disconnect()
  await producer?.disconnect()
  await ns?.cleanup(admin)
  await admin?.disconnect()
})

describe('npm run groups', () => {
  it('reports a live group with its member, its partitions and no lag once it caught up', async () => {
    expect(seen.sort()).toEqual(['a', 'b', 'c', 'd'])
    let report = (await describeGroups(admin, ns.names, 'enrichment'))[0]!
    for (let i = 0; i < 100 && report.lag > 0; i++) {
      await new Promise((r) => setTimeout(r, 100)) // offsets commit shortly after handling
      report = (await describeGroups(admin, ns.names, 'enrichment'))[0]!
    }
    expect(report).toMatchObject({ service: 'enrichment', state: 'Stable', lag: 0 })
    expect(report.members).toHaveLength(1)
    expect(report.members[0]!.partitions.sort()).toEqual(
      [0, 1].map((p) => `${ns.names.topic(leadCapturedV1.topic)}/${p}`),
    )
    expect(report.partitions.reduce((n, p) => n + p.end, 0)).toBe(4)
  })

  it('refuses to move a group that still has members, and shows what it would move', async () => {
    await expect(rewindGroup(admin, ns.names, 'enrichment', 'earliest', true)).rejects.toThrow(
      /Stable with 1 member\(s\); stop every enrichment replica first/,
    )
    const plan = await rewindGroup(admin, ns.names, 'enrichment', 'earliest', false)
    expect(plan.moves.reduce((n, m) => n + (m.from - m.to), 0)).toBe(4)
    expect(plan.applied).toBe(false)
  })

  it('rewinds a stopped group, never forward, and the lag shows the replay to come', async () => {
    await consumer?.disconnect()
    consumer = undefined
    const future = await rewindGroup(admin, ns.names, 'enrichment', new Date(Date.now() + 3_600_000), true)
    expect(future.moves).toEqual([]) // a time after every message would skip forward: refused
    const plan = await rewindGroup(admin, ns.names, 'enrichment', 'earliest', true)
    expect(plan.applied).toBe(true)
    const [report] = await describeGroups(admin, ns.names, 'enrichment')
    expect(report).toMatchObject({ state: 'Empty', lag: 4 })
  })

  it('runs from the command line and says what it needs', async () => {
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['infra/scripts/consumer-groups.ts', ...args], {
        cwd: repoRoot,
        env: ns.env,
      })
    const { stdout } = await run(['enrichment', '--json'])
    expect(JSON.parse(stdout)[0]).toMatchObject({ service: 'enrichment', state: 'Empty', lag: 4 })
    await expect(run(['capture', '--rewind', 'earliest'])).rejects.toMatchObject({
      stderr: expect.stringContaining('capture has no consumer group'),
    })
    await expect(run(['routing', '--rewind', 'yesterday'])).rejects.toMatchObject({
      stderr: expect.stringContaining("--rewind takes 'earliest' or an ISO time"),
    })
  })
})
