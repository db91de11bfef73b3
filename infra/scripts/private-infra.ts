import { type ChildProcess, execFile, spawn } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs'
import { connect } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'
import pg from 'pg'
import { freePort } from './processes.ts'
import { repoRoot } from './services.ts'

// Throwaway copies of leadwire's three dependencies, on ports of their own, for tests that
// stop, kill or restart them. The shared instances on 5432, 6379 and 9092 serve every other
// test running at the same time and must never go down.

const run = promisify(execFile)

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check().catch(() => false)) return
    await sleep(100)
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`)
}

function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `leadwire-${prefix}-`))
  // Postgres refuses to run as root, so its data belongs to the postgres user, who must be
  // able to reach it.
  chmodSync(dir, 0o755)
  return dir
}

export interface PrivateBroker {
  brokers: string[]
  /** Starts it, or waits for it to answer again after a restart. */
  start(): Promise<void>
  /** Controlled shutdown. */
  stop(): Promise<void>
  /** SIGKILL, the way a crashed node or an evicted pod goes. */
  kill(): Promise<void>
  /** Stops it if it runs and deletes its data. */
  remove(): Promise<void>
}

/** A single-node KRaft broker through infra/kafka/kafka.sh, with its own ports and data. */
export async function privateBroker(opts: { heap?: string } = {}): Promise<PrivateBroker> {
  const dir = scratchDir('kafka')
  const [port, controllerPort] = [await freePort(), await freePort()]
  const env = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(controllerPort),
    KAFKA_DATA_DIR: dir,
    KAFKA_HEAP_OPTS: opts.heap ?? '-Xmx384m -Xms384m',
  }
  const kafkaSh = (command: string) => run('bash', [`${repoRoot}infra/kafka/kafka.sh`, command], { env })
  const pidFile = join(dir, 'kafka.pid')
  return {
    brokers: [`127.0.0.1:${port}`],
    start: async () => void (await kafkaSh('start')),
    stop: async () => void (await kafkaSh('stop')),
    async kill() {
      const pid = Number(readFileSync(pidFile, 'utf8').trim())
      process.kill(pid, 'SIGKILL')
      await waitUntil('the killed broker to exit', async () => !isAlive(pid), 30_000)
    },
    async remove() {
      await kafkaSh('stop').catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export interface PrivatePostgres {
  url: string
  start(): Promise<void>
  /** `immediate` is a crash as far as Postgres knows: no checkpoint, WAL replay on start. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>
  remove(): Promise<void>
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0]) return join(root, versions[0], 'bin')
  }
  return '' // initdb and pg_ctl on PATH
}

/**
 * A fresh Postgres cluster (initdb) on its own port and socket folder, trust auth, database
 * `postgres`. When this runs as root, the cluster runs as the `postgres` user, as Postgres
 * requires.
 */
export async function privatePostgres(opts: { maxConnections?: number } = {}): Promise<PrivatePostgres> {
  const dir = scratchDir('pg')
  const data = join(dir, 'data')
  const port = await freePort()
  const bin = postgresBinDir()
  const tool = (name: string) => (bin ? join(bin, name) : name)
  const asRoot = userInfo().uid === 0
  const pgRun = (name: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', tool(name), ...args]) : run(tool(name), args)
  mkdirSync(data, { mode: 0o700 })
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    chownSync(data, Number(stdout.trim()), Number(gid.trim()))
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()))
  }
  await pgRun('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'])
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    `-c max_connections=${opts.maxConnections ?? 300}`,
    '-c shared_buffers=64MB',
  ].join(' ')
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  const answers = async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return true
    } finally {
      await client.end().catch(() => {})
    }
  }
  return {
    url,
    async start() {
      await pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-o', options, '-w', 'start'])
      await waitUntil('private Postgres', answers)
    },
    async stop(mode = 'fast') {
      await pgRun('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop'])
    },
    async remove() {
      await pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface PrivateRedis {
  url: string
  start(): Promise<void>
  /** SIGKILL: with no persistence configured, every key is gone when it comes back. */
  kill(): Promise<void>
  remove(): Promise<void>
}

/** A redis-server child with nothing on disk, as the machines' own instance runs. */
export async function privateRedis(): Promise<PrivateRedis> {
  const dir = scratchDir('redis')
  const port = await freePort()
  let child: ChildProcess | undefined
  const url = `redis://127.0.0.1:${port}`
  const pong = () =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.setTimeout(1000)
      socket.once('data', (d: Buffer) => {
        socket.destroy()
        resolve(d.toString().startsWith('+PONG'))
      })
      socket.once('error', () => resolve(false))
      socket.once('timeout', () => {
        socket.destroy()
        resolve(false)
      })
      socket.write('PING\r\n')
    })
  const kill = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child?.once('exit', r))
    child.kill('SIGKILL')
    await exited
  }
  return {
    url,
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
        { stdio: 'ignore' },
      )
      await waitUntil('private Redis', pong)
    },
    kill,
    async remove() {
      await kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
