import { readFileSync, writeFileSync } from 'node:fs'
import type { RunningService } from '@leadwire/stack/processes'

/**
 * Peak resident memory per service and peak consumer lag, sampled while a step runs.
 * Linux keeps each process's high-water mark (VmHWM); writing 5 to clear_refs resets it, so
 * each step reports its own peak.
 */
export function watchResources(services: readonly RunningService[]) {
  const lagPeak = { value: 0 }
  for (const s of services) resetPeak(s.child.pid)
  const timer = setInterval(async () => {
    const lags = await Promise.all(services.map((s) => totalLag(s.port)))
    lagPeak.value = Math.max(
      lagPeak.value,
      lags.reduce((a, b) => a + b, 0),
    )
  }, 500)
  return {
    stop(): { rssMiB: Record<string, number>; lagPeak: number } {
      clearInterval(timer)
      const rssMiB = Object.fromEntries(services.map((s) => [s.name, peakRssMiB(s.child.pid)]))
      return { rssMiB, lagPeak: lagPeak.value }
    },
  }
}

function resetPeak(pid: number | undefined): void {
  try {
    if (pid) writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    // Not permitted or not Linux: the figure is then the peak since the process started.
  }
}

function peakRssMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN)
    return Math.round(kb / 1024)
  } catch {
    return Number.NaN
  }
}

async function totalLag(port: number): Promise<number> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
    let sum = 0
    for (const m of text.matchAll(/^leadwire_consumer_lag\{[^}]*\} (\d+(?:\.\d+)?)$/gm)) sum += Number(m[1])
    return sum
  } catch {
    return 0
  }
}
