import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from './logger.ts'
import { inSpan, startTracing, stopTracing } from './tracing.ts'

beforeAll(() => {
  startTracing({ service: 'test' })
})
afterAll(() => stopTracing())

function capture() {
  const out = new PassThrough()
  const lines: Record<string, unknown>[] = []
  out.on('data', (chunk: Buffer) => {
    for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l))
  })
  return { log: createLogger({ service: 'test', level: 'info', destination: out }), lines }
}

describe('log lines and traces', () => {
  it('puts the active span’s trace and span ids on every line written inside it', async () => {
    const { log, lines } = capture()
    const child = log.child({ component: 'made-before-the-span' })
    const ids = await inSpan('work', {}, async (span) => {
      child.info('inside')
      return span.spanContext()
    })
    await new Promise((r) => setImmediate(r))
    expect(lines[0]).toMatchObject({ msg: 'inside', traceId: ids.traceId, spanId: ids.spanId })
  })

  it('writes no ids outside a span', async () => {
    const { log, lines } = capture()
    log.info('outside')
    await new Promise((r) => setImmediate(r))
    expect(lines[0]).not.toHaveProperty('traceId')
  })
})
