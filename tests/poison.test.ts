import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { promisify } from 'node:util'
import {
  decodeEvent,
  dlqTopicName,
  encodeEvent,
  type LeadEnrichedV1,
  leadCapturedV1,
  leadEnrichedV1,
  leadScoredV1,
} from '@leadwire/contracts'
import { exampleEnrichment, exampleLeadCaptured, exampleLeadScored } from '@leadwire/contracts/examples'
import {
  createKafka,
  createLogger,
  createProducer,
  ensureTopics,
  LeadwireError,
  migrate,
  on,
  runtimeMigrationsDir,
  topicPlan,
} from '@leadwire/runtime'
import { freePort, type RunningService, startService } from '@leadwire/stack/processes'
import { repoRoot } from '@leadwire/stack/services'
import { createTestNamespace, startInProcess, type TestNamespace } from '@leadwire/stack/testing'
import { type Admin, type Consumer, type IHeaders, Kafka, logLevel, type Producer } from 'kafkajs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Hostile messages written straight to a topic with a plain kafkajs producer (raw bytes and
// headers, not our codec): each ends in `<topic>.dlq` with its reason and origin, the partition
// goes on, and once an operator fixes the cause `npm run dlq:replay` brings a message back.
const MiB = 1024 * 1024
let ns: TestNamespace
let admin: Admin
let raw: Producer
let reader: Consumer
let enrichment: RunningService
type Seen = { key: string; value: Buffer; headers: Record<string, string> }
const seen = new Map<string, Seen[]>()
const seenOn = (topic: string) => seen.get(ns.names.topic(topic)) ?? []

beforeAll(async () => {
  ns = await createTestNamespace('poison')
  await ns.migrate()
  const kafka = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'e2e-poison', log: ns.log })
  admin = kafka.admin()
  await admin.connect()
  // The captured topic takes messages up to 4 MiB while its DLQ keeps the broker's 1 MiB
  // default: a message can fit its topic and still not fit the DLQ with the dlq_* headers.
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      {
        topic: ns.names.topic(leadCapturedV1.topic),
        numPartitions: 2,
        configEntries: [{ name: 'max.message.bytes', value: String(4 * MiB) }],
      },
    ],
  })
  await ensureTopics(admin, topicPlan(ns.names, undefined, 2))
  raw = new Kafka({
    clientId: 'hostile',
    brokers: [...ns.config.kafka.brokers],
    logLevel: logLevel.NOTHING,
  }).producer()
  await raw.connect()
  reader = kafka.consumer({ groupId: `${ns.namespace}-reader`, maxWaitTimeInMs: 50 })
  await reader.connect()
  const watched = [dlqTopicName(leadCapturedV1.topic), leadEnrichedV1.topic, dlqTopicName(leadScoredV1.topic)]
  await reader.subscribe({ topics: watched.map((t) => ns.names.topic(t)), fromBeginning: true })
  await reader.run({
    eachMessage: async ({ topic, message }) => {
      const headers = Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
      )
      seen.set(topic, [
        ...(seen.get(topic) ?? []),
        { key: String(message.key), value: message.value!, headers },
      ])
    },
  })
  enrichment = startService('enrichment', {
    env: ns.env,
    port: await freePort(),
    logDir: `.leadwire/test-logs/${ns.namespace}`,
  })
  await enrichment.ready()
})

afterAll(async () => {
  await enrichment?.stop()
  await reader?.disconnect()
  await raw?.disconnect()
  await ns?.cleanup(admin)
  await admin?.disconnect()
})

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Writes one message to partition 0 as given, and returns its offset. */
async function write(topic: string, m: { key: string; value: Buffer | string; headers: IHeaders }) {
  const [meta] = await raw.send({
    topic: ns.names.topic(topic),
    acks: -1,
    messages: [{ ...m, partition: 0 }],
  })
  return meta!.baseOffset!
}

const ceHeaders = (type = leadCapturedV1.type): Record<string, string> => ({
  ce_specversion: '1.0',
  ce_id: randomUUID(),
  ce_type: type,
  ce_source: '/hostile',
  'content-type': 'application/json',
})
const capturedData = (leadId: string) =>
  JSON.stringify({ ...exampleLeadCaptured, lead: { ...exampleLeadCaptured.lead, leadId } })

describe('poison messages against the enrichment process', () => {
  it('dead-letters each with its reason and origin and goes on to handle the valid lead behind them', async () => {
    const { ce_type: _, ...noType } = ceHeaders()
    const cases: {
      key: string
      value: string | Buffer
      headers: Record<string, string>
      reason: string
      error?: RegExp
    }[] = [
      { key: 'not-json', value: '{"lead": {"leadId": ', headers: ceHeaders(), reason: 'MALFORMED_JSON' },
      {
        key: 'off-schema',
        value: JSON.stringify({ lead: { leadId: 'not-a-uuid' }, receivedVia: 'pigeon' }),
        headers: ceHeaders(),
        reason: 'SCHEMA_MISMATCH',
        error: /lead\.leadId/,
      },
      {
        key: 'no-type',
        value: capturedData(randomUUID()),
        headers: noType,
        reason: 'NOT_CLOUDEVENT',
        error: /ce_type/,
      },
      {
        key: 'unknown-type',
        value: capturedData(randomUUID()),
        headers: ceHeaders('io.leadwire.lead.teleported.v1'),
        reason: 'UNKNOWN_TYPE',
        error: /teleported/,
      },
      // Not JSON either: OVERSIZED rather than MALFORMED_JSON shows it was never parsed.
      { key: 'oversized', value: Buffer.alloc(300 * 1024, '['), headers: ceHeaders(), reason: 'OVERSIZED' },
      {
        key: 'too-big-for-dlq',
        value: Buffer.alloc(2 * MiB, '['),
        headers: ceHeaders(),
        reason: 'OVERSIZED',
      },
    ]
    const offsets: string[] = []
    for (const c of cases) offsets.push(await write(leadCapturedV1.topic, c))
    const valid = randomUUID()
    await write(leadCapturedV1.topic, { key: valid, value: capturedData(valid), headers: ceHeaders() })

    await until(
      () => seenOn(leadEnrichedV1.topic).some((m) => m.key === valid),
      'the valid lead to be enriched',
    )
    await until(() => seenOn(dlqTopicName(leadCapturedV1.topic)).length >= cases.length, 'every dead letter')
    const enriched = seenOn(leadEnrichedV1.topic).find((m) => m.key === valid)!
    const decoded = decodeEvent<LeadEnrichedV1>(enriched, [leadEnrichedV1])
    expect(decoded.ok && decoded.event.data.lead.leadId).toBe(valid)
    expect(decoded.ok && decoded.event.data.enrichment.email?.domain).toBe('northwind-logistics.example')

    const dlq = new Map(seenOn(dlqTopicName(leadCapturedV1.topic)).map((m) => [m.key, m]))
    expect(dlq.has(valid)).toBe(false)
    for (const [i, c] of cases.entries()) {
      const got = dlq.get(c.key)
      expect(got?.headers, c.key).toMatchObject({
        ...c.headers,
        dlq_reason: c.reason,
        dlq_topic: ns.names.topic(leadCapturedV1.topic),
        dlq_partition: '0',
        dlq_offset: offsets[i],
        dlq_service: 'enrichment',
        dlq_group: ns.names.group('enrichment'),
        dlq_attempts: '0',
      })
      if (c.error) expect(got?.headers.dlq_error).toMatch(c.error)
    }
    expect(dlq.get('oversized')?.headers.dlq_error).toMatch(
      /^message is \d+ bytes, over the consumer's limit of 262144/,
    )
    for (const c of cases.slice(0, -1))
      expect(dlq.get(c.key)?.value.equals(Buffer.from(c.value)), c.key).toBe(true)
    // The 2 MiB copy did not fit the DLQ: a 16 KiB preview went instead, saying so.
    const cut = dlq.get('too-big-for-dlq')!
    expect(cut.headers).toMatchObject({ dlq_truncated: 'value', dlq_value_bytes: String(2 * MiB) })
    expect(cut.value.length).toBe(16 * 1024)
  })
})

describe('a handler that fails until an operator adds the missing data', () => {
  const schema = () => ns.names.schema('territory')
  let stop: () => Promise<void>
  let producer: Producer

  beforeAll(async () => {
    await migrate(ns.pool, schema(), [{ label: 'runtime', dir: runtimeMigrationsDir }])
    await ns.pool.query(
      `CREATE TABLE "${schema()}".territories (country text PRIMARY KEY, owner text NOT NULL)`,
    )
    await ns.pool.query(`CREATE TABLE "${schema()}".assignments (lead_id uuid NOT NULL, owner text NOT NULL)`)
    await ns.pool.query(`INSERT INTO "${schema()}".territories VALUES ('US', 'ada')`)
    const kafka = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'e2e-territory', log: ns.log })
    producer = createProducer(kafka)
    await producer.connect()
    const subscriptions = [
      on(leadScoredV1, async (event, { tx }) => {
        const country = event.data.enrichment.country ?? '??'
        const { rows } = await tx.query('SELECT owner FROM territories WHERE country = $1', [country])
        if (!rows[0]) {
          throw new LeadwireError('TERRITORY_MISSING', `no territory covers ${country}`, { retryable: true })
        }
        await tx.query('INSERT INTO assignments VALUES ($1, $2)', [event.data.lead.leadId, rows[0].owner])
      }),
    ]
    // Silent: the retries and the dead letter are what this test provokes.
    const log = createLogger({ service: 'territory', level: 'silent' })
    stop = await startInProcess(ns, {
      kafka,
      producer,
      service: 'territory',
      subscriptions,
      maxAttempts: 3,
      log,
    })
  })

  afterAll(async () => {
    await stop?.()
    await producer?.disconnect()
  })

  const scored = (leadId: string, country: string) =>
    encodeEvent(leadScoredV1, {
      id: randomUUID(),
      source: '/test',
      key: leadId,
      data: {
        ...exampleLeadScored,
        lead: { ...exampleLeadScored.lead, leadId },
        enrichment: { ...exampleEnrichment, country },
      },
    })
  const owners = async (leadId: string) =>
    (
      await ns.pool.query<{ owner: string }>(
        `SELECT owner FROM "${schema()}".assignments WHERE lead_id = $1`,
        [leadId],
      )
    ).rows.map((r) => r.owner)
  const deadLetters = (key: string) => seenOn(dlqTopicName(leadScoredV1.topic)).filter((m) => m.key === key)

  /** `npm run dlq:replay -- ...` as the runbook says; returns the summary line it logs last. */
  async function replay(...args: string[]) {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'dlq:replay', '--', ...args], {
      cwd: repoRoot,
      env: { ...ns.env, LOG_LEVEL: 'info' },
    })
    const lines = stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
    return { summary: lines.at(-1), lines }
  }

  /** True once the territory consumer has committed every message of the scored topic. */
  async function caughtUp() {
    const topic = ns.names.topic(leadScoredV1.topic)
    const ends = await admin.fetchTopicOffsets(topic)
    const [group] = await admin.fetchOffsets({ groupId: ns.names.group('territory'), topics: [topic] })
    const at = (p: number) => Number(group?.partitions.find((x) => x.partition === p)?.offset ?? -1)
    return ends.every((e) => Math.max(0, at(e.partition)) === Number(e.high))
  }

  it('dead-letters it after its retries, and after the fix the replay has it handled exactly once', async () => {
    const [de, fr, us] = [randomUUID(), randomUUID(), randomUUID()]
    for (const [leadId, country] of [
      [de, 'DE'],
      [fr, 'FR'],
      [us, 'US'],
    ] as const)
      await write(leadScoredV1.topic, scored(leadId, country))
    await until(async () => (await owners(us)).length === 1, 'the US lead behind the failures')
    await until(() => deadLetters(de).length === 1 && deadLetters(fr).length === 1, 'two dead letters')
    expect(deadLetters(de)[0]!.headers).toMatchObject({
      dlq_reason: 'TERRITORY_MISSING',
      dlq_error: 'no territory covers DE',
      dlq_attempts: '3',
      dlq_service: 'territory',
      dlq_group: ns.names.group('territory'),
    })

    // The operator adds Germany (France stays uncovered), looks, then replays.
    await ns.pool.query(`INSERT INTO "${schema()}".territories VALUES ('DE', 'grace')`)
    const look = await replay(leadScoredV1.topic, '--dry-run')
    expect(look.summary).toMatchObject({ replayed: 2, remaining: 2, byReason: { TERRITORY_MISSING: 2 } })
    expect(look.lines.filter((l) => l.msg === 'would replay').map((l) => l.key)).toEqual([de, fr])
    const moved = await replay(leadScoredV1.topic, '--reason', 'TERRITORY_MISSING')
    expect(moved.summary).toMatchObject({ replayed: 2, skipped: 0, remaining: 0 })

    await until(async () => (await owners(de)).length === 1, 'the German lead to be assigned')
    // Still bad: France failed again and waits in the DLQ for the next run, with fresh headers.
    await until(() => deadLetters(fr).length === 2, 'the French lead back in the DLQ')
    expect(deadLetters(fr)[1]!.headers.dlq_attempts).toBe('3')

    // Replaying the German lead again does nothing: its event id was handled.
    const again = await replay(leadScoredV1.topic, '--from', '0', '--key', de)
    expect(again.summary).toMatchObject({ replayed: 1 })
    await until(caughtUp, 'the territory consumer to catch up')
    expect(await owners(de)).toEqual(['grace'])
    expect(await owners(fr)).toEqual([])
    expect(await owners(us)).toEqual(['ada'])
  })
})
