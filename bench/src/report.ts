import { mkdirSync, writeFileSync } from 'node:fs'
import { round, type Summary } from './stats.ts'

export interface StepResult {
  rate: number
  floor: { latency: Summary; delivered: number; sent: number }
  leadwire: import('./leadwire.ts').LeadwireStep
  lagPeak: number
  rssMiB: Record<string, number>
}

const ms = (n: number) => (Number.isFinite(n) ? round(n, 1).toString() : '-')
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${round(a / b, 1)}x` : '-')

/** The per-step table a person reads; the JSON file keeps every figure. */
export function formatTable(steps: readonly StepResult[]): string {
  const head = [
    'rate/s',
    'got/s',
    'http p50',
    'http p99',
    'e2e p50',
    'e2e p90',
    'e2e p99',
    'e2e max',
    'floor p50',
    'floor p99',
    'x p50',
    'x p99',
    'errors',
    'missing',
    'lag peak',
  ]
  const rows = steps.map((s) => {
    const l = s.leadwire
    return [
      s.rate,
      round(l.achievedPerSecond, 0),
      ms(l.http.p50),
      ms(l.http.p99),
      ms(l.endToEnd.p50),
      ms(l.endToEnd.p90),
      ms(l.endToEnd.p99),
      ms(l.endToEnd.max),
      ms(s.floor.latency.p50),
      ms(s.floor.latency.p99),
      ratio(l.endToEnd.p50, s.floor.latency.p50),
      ratio(l.endToEnd.p99, s.floor.latency.p99),
      l.errors + l.dropped,
      l.missing,
      s.lagPeak,
    ].map(String)
  })
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ')
  const rss = steps.map(
    (s) =>
      `  ${s.rate}/s peak RSS MiB: ${Object.entries(s.rssMiB)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
  )
  return [line(head), ...rows.map(line), '', ...rss].join('\n')
}

export function writeResults(dir: string, result: unknown): string {
  mkdirSync(dir, { recursive: true })
  const file = `${dir}/bench-${new Date().toISOString().replaceAll(':', '-')}.json`
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
  return file
}
