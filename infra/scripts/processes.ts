import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { repoRoot, type ServiceName, serviceDir } from './services.ts'

export interface RunningService {
  name: ServiceName
  port: number
  child: ChildProcess
  logFile: string
  /** Resolves once /readyz answers 200; rejects if the process exits first or time runs out. */
  ready(timeoutMs?: number): Promise<void>
  /** SIGTERM (graceful) or SIGKILL, then waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** A TCP port nobody listens on right now, for a service started by a test. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => resolve(port))
    })
  })
}

/**
 * Starts one service as its own Node process (the same command a container runs), with its
 * JSON logs written to `<logDir>/<name>.log`.
 */
export function startService(
  name: ServiceName,
  opts: {
    env: NodeJS.ProcessEnv
    port: number
    logDir: string
    /** File name of the log without `.log`; replicas of one service each need their own. */
    logName?: string
    onLine?: (line: string) => void
  },
): RunningService {
  mkdirSync(opts.logDir, { recursive: true })
  const logFile = `${opts.logDir}/${opts.logName ?? name}.log`
  const out = createWriteStream(logFile, { flags: 'a' })
  // kafkajs sets a negative timeout on Node 24 (harmless, reported upstream); keep logs clean.
  const child = spawn(
    process.execPath,
    ['--disable-warning=TimeoutNegativeWarning', `${serviceDir(name)}/src/main.ts`],
    {
      cwd: repoRoot,
      env: { ...opts.env, HTTP_PORT: String(opts.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: a Ctrl-C in the terminal reaches only the parent, which then
      // stops each service once, gracefully (a second signal would make it exit at once).
      detached: true,
    },
  )
  let buffered = ''
  const onData = (chunk: Buffer) => {
    out.write(chunk)
    if (!opts.onLine) return
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) if (line) opts.onLine(line)
  }
  child.stdout?.on('data', onData)
  child.stderr?.on('data', onData)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  exited.then(() => out.end())

  return {
    name,
    port: opts.port,
    child,
    logFile,
    async ready(timeoutMs = 60_000) {
      const end = Date.now() + timeoutMs
      let gone = false
      exited.then(() => {
        gone = true
      })
      while (Date.now() < end) {
        if (gone) throw new Error(`${name} exited before it was ready; see ${logFile}`)
        const ok = await fetch(`http://127.0.0.1:${opts.port}/readyz`)
          .then((r) => r.ok)
          .catch(() => false)
        if (ok) return
        await sleep(200)
      }
      throw new Error(`${name} was not ready within ${timeoutMs} ms; see ${logFile}`)
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode
      child.kill(signal)
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      const code = await exited
      clearTimeout(timer)
      return code
    },
  }
}
