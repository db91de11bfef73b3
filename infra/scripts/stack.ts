// `npm start`: the whole stack on this machine, sample leads through it, then keeps serving.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import {
  createKafka,
  createLogger,
  createNames,
  createPool,
  ensureTopics,
  loadConfig,
  topicPlan,
} from '@leadwire/runtime'
import { type Pipeline, startPipeline } from './pipeline.ts'
import { postSamples, printOutcomes, watchOutcomes } from './samples.ts'
import { migrateAll, repoRoot } from './services.ts'

const stateDir = `${repoRoot}.leadwire`
const lockFile = `${stateDir}/stack.pid`
const say = (msg: string) => console.log(`leadwire: ${msg}`)

function alreadyRunning(): number | undefined {
  if (!existsSync(lockFile)) return undefined
  const pid = Number(readFileSync(lockFile, 'utf8'))
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return undefined
  }
}

const other = alreadyRunning()
if (other) {
  say(`a stack is already running (pid ${other}): capture API on http://127.0.0.1:3000, docs at /docs.`)
  say(`Stop it with Ctrl-C in its terminal (or \`kill ${other}\`) before starting another.`)
  process.exit(1)
}
mkdirSync(stateDir, { recursive: true })
writeFileSync(lockFile, String(process.pid))

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { cwd: repoRoot, stdio: 'inherit' })
  if (r.status !== 0) {
    rmSync(lockFile, { force: true })
    process.exit(r.status ?? 1)
  }
}

say('checking PostgreSQL and Redis, starting Kafka')
run('bash', ['infra/scripts/ensure-deps.sh'])
run('bash', ['infra/kafka/kafka.sh', 'start'])

const config = loadConfig(process.env, { service: 'stack', defaultPort: 0 })
const log = createLogger({ service: 'stack', level: 'warn' })
const names = createNames(config.namespace)
const pool = createPool(config, log)
await migrateAll(pool, names)
await pool.end()
// The local stack's well-known API keys (README, "Capture API"); never seeded anywhere else.
run(process.execPath, ['services/capture/src/keys-command.ts', 'seed-dev'])
const devSecretKey = 'lwsk_dev_local_do_not_deploy'
const kafka = createKafka({ brokers: config.kafka.brokers, clientId: 'leadwire-stack', log })
const admin = kafka.admin()
await admin.connect()
const created = await ensureTopics(admin, topicPlan(names))
await admin.disconnect()
say(`migrations applied; ${created.length} topics created`)

const logDir = `${stateDir}/logs`
let pipeline: Pipeline | undefined
let stopping = false
let stopRequestedAt = 0
async function stopAll(code: number) {
  if (stopping) {
    // npm forwards the terminal's Ctrl-C as a second signal within moments: that is the same
    // request. A later one means "now": kill the services rather than leave them orphaned.
    if (Date.now() - stopRequestedAt < 2000) return
    for (const s of pipeline?.services ?? []) s.child.kill('SIGKILL')
    process.exit(1)
  }
  stopping = true
  stopRequestedAt = Date.now()
  say('stopping services')
  await pipeline?.stop()
  rmSync(lockFile, { force: true })
  say('stopped (Kafka keeps running: `npm run kafka:stop` stops it)')
  process.exit(code)
}
process.on('SIGINT', () => void stopAll(0))
process.on('SIGTERM', () => void stopAll(0))

try {
  pipeline = await startPipeline({
    env: process.env,
    logDir,
    ports: 'default',
    // Full JSON logs go to the files; the terminal shows warnings and errors only.
    onLine: (name, line) => {
      if (/"level":(40|50|60)/.test(line)) console.log(`[${name}] ${line}`)
    },
  })
} catch (err) {
  say((err as Error).message)
  await stopAll(1)
}
say(`all six services ready; logs in ${logDir}`)

const watcher = await watchOutcomes(kafka, {
  routed: names.topic('leads.routed.v1'),
  nurture: names.topic('leads.nurture.v1'),
})
const samples = await postSamples(
  'http://127.0.0.1:3000',
  `${repoRoot}infra/seed/sample-leads.json`,
  devSecretKey,
)
printOutcomes(
  samples,
  await watcher.waitFor(
    samples.map((s) => s.leadId),
    30_000,
  ),
)
await watcher.stop()
say(
  'capture API on http://127.0.0.1:3000 (POST /v1/leads, dev keys in the README), docs at http://127.0.0.1:3000/docs; Ctrl-C stops everything',
)
