// What each leadwire consumer group is doing, and the one repair that is safe to make:
//   npm run groups                       state, members and lag of every service's group
//   npm run groups -- <service> --rewind <iso time>|earliest [--apply]
// A rewind replays messages (every consumer skips an event id it has handled, so effects do
// not repeat); skipping forward would lose leads and is not offered: dead-letter instead.
// LEADWIRE_NAMESPACE picks the copy, as everywhere. docs/RELIABILITY.md has the runbook.
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  createKafka,
  createLogger,
  createNames,
  groupLag,
  loadConfig,
  type Names,
  type PartitionLag,
} from '@leadwire/runtime'
import type { Admin } from 'kafkajs'
import { services } from './services.ts'

/** Consumer services: every service but capture, which only produces. */
const consumerServices = services.map((s) => s.name).filter((s) => s !== 'capture')

export interface GroupReport {
  service: string
  group: string
  /** Stable, PreparingRebalance, CompletingRebalance, Empty, Dead. */
  state: string
  members: { clientId: string; host: string; partitions: string[] }[]
  partitions: PartitionLag[]
  lag: number
}

export async function describeGroups(admin: Admin, names: Names, only?: string): Promise<GroupReport[]> {
  const wanted = consumerServices.filter((s) => !only || s === only)
  const { groups } = await admin.describeGroups(wanted.map((s) => names.group(s)))
  const reports: GroupReport[] = []
  for (const service of wanted) {
    const group = names.group(service)
    const described = groups.find((g) => g.groupId === group)
    const partitions = await groupLag(admin, group)
    reports.push({
      service,
      group,
      state: described?.state ?? 'Unknown',
      members: (described?.members ?? []).map((m) => ({
        clientId: m.clientId,
        host: m.clientHost,
        partitions: memberPartitions(m.memberAssignment),
      })),
      partitions,
      lag: partitions.reduce((n, p) => n + p.lag, 0),
    })
  }
  return reports
}

/** Decodes a consumer protocol assignment (version, [topic, [partition]]) into "topic/p" labels. */
function memberPartitions(assignment: Buffer): string[] {
  if (!assignment || assignment.length < 6) return []
  const out: string[] = []
  let at = 2 // version
  const topicCount = assignment.readInt32BE(at)
  at += 4
  for (let t = 0; t < topicCount; t++) {
    const len = assignment.readInt16BE(at)
    at += 2
    const topic = assignment.toString('utf8', at, at + len)
    at += len
    const count = assignment.readInt32BE(at)
    at += 4
    for (let p = 0; p < count; p++) {
      out.push(`${topic}/${assignment.readInt32BE(at)}`)
      at += 4
    }
  }
  return out
}

export interface RewindPlan {
  service: string
  group: string
  to: 'earliest' | Date
  moves: { topic: string; partition: number; from: number; to: number }[]
  applied: boolean
}

/**
 * Moves a stopped group's committed offsets back to `to` (earliest, or the first message at
 * or after a time). Never forward: an offset already before the target stays where it is.
 * Kafka only lets an empty group move, so every replica of the service must be stopped.
 */
export async function rewindGroup(
  admin: Admin,
  names: Names,
  service: string,
  to: 'earliest' | Date,
  apply: boolean,
): Promise<RewindPlan> {
  const group = names.group(service)
  if (!consumerServices.includes(service as (typeof consumerServices)[number])) {
    throw new Error(`${service} has no consumer group (it consumes no topic)`)
  }
  const { groups } = await admin.describeGroups([group])
  const state = groups[0]?.state ?? 'Unknown'
  if (apply && state !== 'Empty' && state !== 'Dead') {
    const members = groups[0]?.members.length ?? 0
    throw new Error(
      `group ${group} is ${state} with ${members} member(s); stop every ${service} replica first`,
    )
  }
  const moves: RewindPlan['moves'] = []
  const lags = await groupLag(admin, group)
  for (const topic of new Set(lags.map((l) => l.topic))) {
    const targets =
      to === 'earliest'
        ? (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, offset: o.low }))
        : await admin.fetchTopicOffsetsByTimestamp(topic, to.getTime())
    for (const target of targets) {
      const from = lags.find((l) => l.topic === topic && l.partition === target.partition)?.committed ?? -1
      const dest = Number(target.offset)
      if (from >= 0 && dest < from) moves.push({ topic, partition: target.partition, from, to: dest })
    }
  }
  if (apply) {
    for (const topic of new Set(moves.map((m) => m.topic))) {
      await admin.setOffsets({
        groupId: group,
        topic,
        partitions: moves
          .filter((m) => m.topic === topic)
          .map((m) => ({ partition: m.partition, offset: String(m.to) })),
      })
    }
  }
  return { service, group, to, moves, applied: apply }
}

function printReports(reports: readonly GroupReport[]): void {
  for (const r of reports) {
    console.log(`${r.service}  group ${r.group}  ${r.state}  ${r.members.length} member(s)  lag ${r.lag}`)
    for (const m of r.members)
      console.log(`  member ${m.clientId} @ ${m.host}: ${m.partitions.join(', ') || '(none)'}`)
    for (const p of r.partitions) {
      const committed = p.committed < 0 ? 'none' : String(p.committed)
      console.log(`  ${p.topic}/${p.partition}  committed ${committed}  end ${p.end}  lag ${p.lag}`)
    }
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rewind: { type: 'string' },
      apply: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(
      'npm run groups [-- <service>] [--json]\nnpm run groups -- <service> --rewind <iso time>|earliest [--apply]',
    )
    return 0
  }
  const service = positionals[0]
  if (service && !services.some((s) => s.name === service)) {
    console.error(`unknown service '${service}' (one of ${services.map((s) => s.name).join(', ')})`)
    return 2
  }
  let to: 'earliest' | Date | undefined
  if (values.rewind !== undefined) {
    if (!service) {
      console.error(
        '--rewind needs the service whose group to move, e.g. `npm run groups -- routing --rewind earliest`',
      )
      return 2
    }
    to = values.rewind === 'earliest' ? 'earliest' : new Date(values.rewind)
    if (to !== 'earliest' && Number.isNaN(to.getTime())) {
      console.error(
        `--rewind takes 'earliest' or an ISO time such as 2026-12-04T09:00:00Z, got '${values.rewind}'`,
      )
      return 2
    }
  }
  const config = loadConfig(process.env, { service: 'groups', defaultPort: 0 })
  const log = createLogger({ service: 'groups', level: 'warn' })
  const names = createNames(config.namespace)
  const admin = createKafka({ brokers: config.kafka.brokers, clientId: 'leadwire-groups', log }).admin()
  await admin.connect()
  try {
    if (to && service) {
      const plan = await rewindGroup(admin, names, service, to, values.apply)
      if (values.json) console.log(JSON.stringify(plan, null, 2))
      else {
        for (const m of plan.moves) console.log(`${m.topic}/${m.partition}: ${m.from} -> ${m.to}`)
        if (!plan.moves.length)
          console.log('nothing to move: every partition is already at or before that point')
        else if (!plan.applied)
          console.log('dry run; add --apply (with every replica stopped) to move the offsets')
        else
          console.log(
            `moved ${plan.moves.length} partition(s); start ${service} again and it replays from there`,
          )
      }
      return 0
    }
    const reports = await describeGroups(admin, names, service)
    if (values.json) console.log(JSON.stringify(reports, null, 2))
    else printReports(reports)
    return 0
  } catch (err) {
    console.error((err as Error).message)
    return 1
  } finally {
    await admin.disconnect()
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main()
}
