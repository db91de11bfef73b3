import { readFileSync, writeFileSync } from 'node:fs'
import type { RunningService } from '@leadwire/stack/processes'

/**
 * Peak resident memory per service and peak consumer lag, sampled while a step runs.
 * Linux keeps each process's high-water mark (VmHWM); writing 5 to clear_refs resets it, so
 * each step reports its own peak.
 */
export function watchResources(services: readonly RunningService[], sampleLag: () => Promise<number>) {
  let lagPeak = 0
  for (const s of services) resetPeak(s.child.pid)
  let sampling = false
  const timer = setInterval(async () => {
    if (sampling) return
    sampling = true
    lagPeak = Math.max(lagPeak, await sampleLag().catch(() => 0))
    sampling = false
  }, 500)
  return {
    stop(): { rssMiB: Record<string, number>; lagPeak: number } {
      clearInterval(timer)
      const rssMiB = Object.fromEntries(services.map((s) => [s.name, peakRssMiB(s.child.pid)]))
      return { rssMiB, lagPeak }
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
