/** Latency summary in milliseconds; percentiles by nearest rank over all samples (no sampling). */
export interface Summary {
  count: number
  p50: number
  p90: number
  p99: number
  max: number
}

export function summarize(values: readonly number[]): Summary {
  if (values.length === 0)
    return { count: 0, p50: Number.NaN, p90: Number.NaN, p99: Number.NaN, max: Number.NaN }
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
  return { count: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: sorted[sorted.length - 1]! }
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n)
