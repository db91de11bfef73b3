// How late SLA steps reach Kafka under load, with two real sla-watchdog replicas. From
// services/sla-watchdog, with the broker, Postgres and Redis up:
//   node --disable-warning=TimeoutNegativeWarning test/bench/fire-lateness.ts [leads] [spreadMs]
// Each lead is mid-market with a 30 s calendar SLA; spreadMs 0 puts every deadline at the same
// instant (the worst burst), otherwise they are spread over spreadMs. The bench checks every
// clock was stored before its deadline (so consumer lag is not counted), then reports
// lateness = arrival on the topic - dueAt (tick, claim transaction, outbox relay, broker) and
// the commit side alone (firedAt - dueAt).
import { rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { ident } from '@leadwire/runtime'
import { createTestNamespace } from '@leadwire/stack/testing'
import { routed } from '../builders.ts'
import { kafkaFor, startWatchdog, until, writeTinyPlaybook } from '../processes.ts'

const leads = Number(process.argv[2] ?? 2000)
// 0: every deadline at the same instant (the worst burst); otherwise spread over this many ms.
const spreadMs = Number(process.argv[3] ?? 0)
const ns = await createTestNamespace('slb')
await ns.migrate()
const kafka = await kafkaFor(ns)
const slaSeconds = 30
const playbook = writeTinyPlaybook(slaSeconds)
const replicas = [await startWatchdog(ns, playbook, 'a'), await startWatchdog(ns, playbook, 'b')]
try {
  const start = Date.now()
  const now = new Date(start).toISOString()
  const batch = Array.from({ length: leads }, (_, i) => {
    const routedAt = new Date(start + Math.floor((i * spreadMs) / leads)).toISOString()
    return routed({ segment: 'mid_market', routedAt, capturedAt: now })
  })
  for (let i = 0; i < batch.length; i += 100) await kafka.route(...batch.slice(i, i + 100))
  const stored = async () =>
    (await ns.pool.query(`SELECT count(*)::int AS n FROM ${ident(ns.names.schema('sla-watchdog'))}.clocks`))
      .rows[0].n
  await until(async () => (await stored()) === leads, 'every clock stored', 120_000)
  const headroomMs = new Date(now).getTime() + slaSeconds * 1000 - Date.now()
  if (headroomMs <= 0) throw new Error('clocks were stored after their deadline; use fewer leads')
  const isBreach = (f: (typeof kafka.fired)[number]) => f.data.level === 'breach'
  await until(() => kafka.fired.filter(isBreach).length >= leads, `${leads} breaches`, 300_000)
  const late = kafka.fired
    .filter(isBreach)
    .map((f) => (kafka.arrivedAt.get(f.id) ?? 0) - new Date(f.data.dueAt).getTime())
    .sort((a, b) => a - b)
  const at = (p: number) => late[Math.min(late.length - 1, Math.floor(p * late.length))]
  const summary = {
    leads,
    spreadMs,
    headroomMs,
    steps: kafka.fired.length,
    p50Ms: at(0.5),
    p90Ms: at(0.9),
    p99Ms: at(0.99),
    maxMs: late.at(-1),
  }
  const committed = kafka.fired
    .filter(isBreach)
    .map((f) => new Date(f.data.firedAt).getTime() - new Date(f.data.dueAt).getTime())
    .sort((a, b) => a - b)
  const commitP99Ms = committed[Math.floor(0.99 * committed.length)]
  const within = late.filter((ms) => ms <= 1000).length / late.length
  console.log(
    JSON.stringify({ ...summary, withinOneSecond: within, commitP99Ms, commitMaxMs: committed.at(-1) }),
  )
} finally {
  await Promise.all(replicas.map((r) => r.stop()))
  await kafka.close()
  await ns.cleanup(kafka.admin)
  await kafka.admin.disconnect()
  rmSync(dirname(playbook), { recursive: true, force: true })
}
