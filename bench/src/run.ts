import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import { encodeEvent, leadCapturedV1 } from '@leadwire/contracts'
import { exampleLeadCaptured } from '@leadwire/contracts/examples'
import { createKafka, ensureTopics, topicPlan } from '@leadwire/runtime'
import { type Pipeline, startPipeline } from '@leadwire/stack/pipeline'
import { repoRoot } from '@leadwire/stack/services'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type { Kafka } from 'kafkajs'
import { type BulkResult, measureBulk } from './bulk.ts'
import { measureFloor } from './floor.ts'
import { groupLag } from './group-lag.ts'
import { measureLeadwire } from './leadwire.ts'
import { formatTable, type StepResult, writeResults } from './report.ts'
import { watchResources } from './resources.ts'

export interface BenchOptions {
  rates: number[]
  /** Leads in the batch-import scenario (0 skips it). */
  bulk: number
  /** Identity-store sizes for dedup's candidate-search cost (empty skips it). */
  dedupSizes: number[]
  stepMs: number
  drainMs: number
  partitions: number
  log: (line: string) => void
}

export const fullBench: Omit<BenchOptions, 'log'> = {
  rates: [50, 200, 500, 1000, 2000],
  bulk: 50_000,
  dedupSizes: [10_000, 100_000, 1_000_000],
  stepMs: 20_000,
  drainMs: 60_000,
  partitions: 6,
}
export const smokeBench: Omit<BenchOptions, 'log'> = {
  rates: [20],
  bulk: 200,
  dedupSizes: [],
  stepMs: 3000,
  drainMs: 30_000,
  partitions: 2,
}

/**
 * Brings up a private copy of the stack (its own namespace, free ports), then for each rate
 * measures the bare Kafka floor and leadwire at that rate, and stops at saturation.
 */
export async function runBench(opts: BenchOptions) {
  const ns = await createTestNamespace('bench')
  const kafka = createKafka({ brokers: ns.config.kafka.brokers, clientId: 'leadwire-bench', log: ns.log })
  const admin = kafka.admin()
  await admin.connect()
  let pipeline: Pipeline | undefined
  try {
    await ns.migrate()
    const apiKey = createBenchKey(ns.env)
    await ensureTopics(admin, topicPlan(ns.names, undefined, opts.partitions))
    pipeline = await startPipeline({
      env: ns.env,
      logDir: `${repoRoot}.leadwire/bench-logs/${ns.namespace}`,
      ports: 'free',
    })
    const messageBytes = capturedEventBytes()
    const steps: StepResult[] = []
    for (const rate of opts.rates) {
      opts.log(`step ${rate}/s: floor`)
      const floor = await measureFloor({
        kafka,
        admin,
        prefix: `${ns.namespace}.s${rate}`,
        partitions: opts.partitions,
        maxWaitMs: ns.config.kafka.maxWaitMs,
        messageBytes,
        rate,
        durationMs: opts.stepMs,
      })
      opts.log(`step ${rate}/s: leadwire`)
      const resources = watchResources(pipeline.services, () => groupLag(admin, hotPath(ns)))
      const leadwire = await measureLeadwire({
        kafka,
        captureUrl: pipeline.captureUrl,
        routedTopic: ns.names.topic('leads.routed.v1'),
        rate,
        durationMs: opts.stepMs,
        drainMs: opts.drainMs,
        run: ns.namespace,
        apiKey,
      })
      const step: StepResult = { rate, floor, leadwire, ...resources.stop() }
      steps.push(step)
      opts.log(`step ${rate}/s done:\n${formatTable([step])}`)
      if (saturated(rate, leadwire)) {
        opts.log(`saturated at ${rate}/s: stopping the ramp`)
        break
      }
    }
    const bulk = opts.bulk ? await runBulk(opts, kafka, pipeline, ns, apiKey) : undefined
    const dedupScale = opts.dedupSizes.length ? dedupCandidateCost(opts.dedupSizes, ns.env) : undefined
    return {
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version },
      messageBytes,
      steps,
      bulk,
      dedupScale,
    }
  } finally {
    await pipeline?.stop()
    await ns.cleanup(admin)
    await admin.disconnect()
  }
}

async function runBulk(
  opts: BenchOptions,
  kafka: Kafka,
  pipeline: Pipeline,
  ns: TestNamespace,
  apiKey: string,
): Promise<BulkResult> {
  opts.log(`bulk import: ${opts.bulk} leads through the batch endpoint`)
  return measureBulk({
    kafka,
    captureUrl: pipeline.captureUrl,
    routedTopic: ns.names.topic('leads.routed.v1'),
    apiKey,
    total: opts.bulk,
    chunk: 5000,
    run: ns.namespace,
    drainMs: 15 * 60_000,
  })
}

/** dedup's own bench: the same candidate search the service runs, at growing store sizes. */
function dedupCandidateCost(sizes: number[], env: NodeJS.ProcessEnv): unknown {
  const out = execFileSync(
    process.execPath,
    [`${repoRoot}services/dedup/bench/candidate-cost.ts`, '--sizes', sizes.join(','), '--json'],
    { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  )
  return JSON.parse(out)
}

/** Each consumer group on the topic that carries leads to it along the main path. */
function hotPath(ns: TestNamespace) {
  const hops = [
    ['enrichment', 'leads.captured.v1'],
    ['dedup', 'leads.enriched.v1'],
    ['scoring', 'leads.deduplicated.v1'],
    ['routing', 'leads.scored.v1'],
    ['sla-watchdog', 'leads.routed.v1'],
  ] as const
  return hops.map(([service, topic]) => ({
    groupId: ns.names.group(service),
    topics: [ns.names.topic(topic)],
  }))
}

/** Past saturation the numbers only measure queueing: under 90% of the rate, or losses. */
function saturated(rate: number, step: StepResult['leadwire']): boolean {
  return (
    step.achievedPerSecond < rate * 0.9 ||
    step.missing > 0 ||
    step.errors + step.dropped > step.accepted * 0.01
  )
}

/**
 * A secret key whose rate limit is far above any step, so the bench measures the pipeline,
 * not capture's per-key and per-IP limits (which keyless posts would hit within a second).
 */
function createBenchKey(env: NodeJS.ProcessEnv): string {
  const out = execFileSync(
    process.execPath,
    [
      `${repoRoot}services/capture/src/keys-command.ts`,
      'create',
      '--secret',
      '--name',
      'bench',
      '--rate',
      '10000000',
    ],
    { env, encoding: 'utf8' },
  )
  const token = /token \(shown once[^)]*\): (\S+)/.exec(out)?.[1]
  if (!token) throw new Error(`could not create a bench API key: ${out}`)
  return token
}

function capturedEventBytes(): number {
  const { lead } = exampleLeadCaptured
  return encodeEvent(leadCapturedV1, {
    id: crypto.randomUUID(),
    source: '/bench',
    key: lead.leadId,
    data: exampleLeadCaptured,
  }).value.length
}

/** `--smoke`, or the full ramp with optional `--rates 50,200 --step-seconds 10 --bulk 0 --dedup-sizes ''`. */
function cliOptions(argv: string[]): Omit<BenchOptions, 'log'> {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: 'boolean' },
      rates: { type: 'string' },
      'step-seconds': { type: 'string' },
      bulk: { type: 'string' },
      'dedup-sizes': { type: 'string' },
    },
  })
  const base = values.smoke ? smokeBench : fullBench
  const list = (s: string) => s.split(',').filter(Boolean).map(Number)
  return {
    ...base,
    ...(values.rates !== undefined && { rates: list(values.rates) }),
    ...(values['step-seconds'] !== undefined && { stepMs: Number(values['step-seconds']) * 1000 }),
    ...(values.bulk !== undefined && { bulk: Number(values.bulk) }),
    ...(values['dedup-sizes'] !== undefined && { dedupSizes: list(values['dedup-sizes']) }),
  }
}

if (import.meta.main) {
  const result = await runBench({
    ...cliOptions(process.argv.slice(2)),
    log: (l) => console.error(`bench: ${l}`),
  })
  console.log(formatTable(result.steps))
  if (result.bulk) console.log(`\nbulk import: ${JSON.stringify(result.bulk)}`)
  if (result.dedupScale)
    console.log(`\ndedup candidate search by store size: ${JSON.stringify(result.dedupScale)}`)
  console.log(`\nresults: ${writeResults(`${repoRoot}results`, result)}`)
  process.exit(0)
}
