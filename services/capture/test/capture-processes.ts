import { request } from 'node:http'
import { createKafka, ensureTopics, topicPlan } from '@leadwire/runtime'
import { freePort, type RunningService, startService } from '@leadwire/stack/processes'
import { repoRoot } from '@leadwire/stack/services'
import { createTestNamespace, type TestNamespace } from '@leadwire/stack/testing'
import type { Admin } from 'kafkajs'
import { createPgKeyStore } from '../src/auth/pg-key-store.ts'

/**
 * Capture as deployed: `count` real processes (src/main.ts) on one namespace of their own,
 * sharing its Postgres schema, Redis keys and topics. Logs go to `<logDir>/capture.log`.
 */
export async function startCaptureProcesses(prefix: string, count: number, env: NodeJS.ProcessEnv = {}) {
  const ns: TestNamespace = await createTestNamespace(prefix)
  await ns.migrate()
  const admin: Admin = createKafka({
    brokers: ns.config.kafka.brokers,
    clientId: `${ns.namespace}-setup`,
    log: ns.log,
  }).admin()
  await admin.connect()
  await ensureTopics(admin, topicPlan(ns.names, undefined, 1))
  const keys = createPgKeyStore({ pool: ns.pool, schema: ns.names.schema('capture') })
  const logDir = `${repoRoot}.leadwire/test-logs/${ns.namespace}`
  const processes: RunningService[] = []
  for (let i = 0; i < count; i++) {
    processes.push(startService('capture', { env: { ...ns.env, ...env }, port: await freePort(), logDir }))
  }
  await Promise.all(processes.map((p) => p.ready()))
  return {
    ns,
    keys,
    processes,
    logFile: `${logDir}/capture.log`,
    /** Stops the processes (their logs are complete after this), then drops the namespace. */
    async stop() {
      await Promise.all(processes.map((p) => p.stop()))
    },
    async cleanup() {
      await Promise.all(processes.map((p) => p.stop()))
      await ns.cleanup(admin)
      await admin.disconnect()
    },
  }
}

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One HTTP request with exactly these headers (fetch would drop or add some, such as Origin). */
export function send(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | object },
): Promise<Answer> {
  const body = typeof opts.body === 'object' ? JSON.stringify(opts.body) : opts.body
  const headers = {
    ...(typeof opts.body === 'object' && { 'content-type': 'application/json' }),
    ...opts.headers,
  }
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path, headers },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => {
          text += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
