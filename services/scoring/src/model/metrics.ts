/** Ranking and probability metrics for a binary label; `scores` need only be ordered for AUCs. */
export interface Metrics {
  rocAuc: number
  prAuc: number
  logLoss: number
  brier: number
  accuracy: number
  count: number
  positives: number
}

/** ROC AUC as the Mann-Whitney statistic, ties counting one half. */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0])
  const ranks = new Array<number>(scores.length)
  for (let i = 0; i < order.length; ) {
    let j = i
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = (i + j) / 2 + 1
    i = j + 1
  }
  const positives = labels.filter((y) => y === 1).length
  const negatives = labels.length - positives
  const rankSum = labels.reduce((s, y, i) => s + (y === 1 ? ranks[i]! : 0), 0)
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

/** PR AUC as average precision: precision at each threshold, weighted by the recall gained. */
export function prAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => b[0] - a[0])
  const positives = labels.filter((y) => y === 1).length
  let hits = 0
  let seen = 0
  let area = 0
  for (let i = 0; i < order.length; ) {
    let j = i
    let tied = 0
    // Tied scores are one threshold: they enter together.
    while (j < order.length && order[j]![0] === order[i]![0]) tied += order[j++]![1]
    seen += j - i
    hits += tied
    area += (tied / positives) * (hits / seen)
    i = j
  }
  return area
}

const clip = (p: number) => Math.min(Math.max(p, 1e-15), 1 - 1e-15)

export function probabilityMetrics(probabilities: readonly number[], labels: readonly number[]): Metrics {
  const n = labels.length
  const sum = (f: (p: number, y: number) => number) =>
    probabilities.reduce((s, p, i) => s + f(p, labels[i]!), 0) / n
  return {
    rocAuc: rocAuc(probabilities, labels),
    prAuc: prAuc(probabilities, labels),
    logLoss: sum((p, y) => -(y * Math.log(clip(p)) + (1 - y) * Math.log(1 - clip(p)))),
    brier: sum((p, y) => (p - y) ** 2),
    accuracy: sum((p, y) => ((p >= 0.5 ? 1 : 0) === y ? 1 : 0)),
    count: n,
    positives: labels.filter((y) => y === 1).length,
  }
}

export interface CalibrationBin {
  from: number
  to: number
  count: number
  meanPredicted: number
  observedRate: number
}

/** Ten equal-width bins of predicted probability: what was predicted, what happened. */
export function calibrationTable(probabilities: readonly number[], labels: readonly number[], bins = 10) {
  const table: CalibrationBin[] = Array.from({ length: bins }, (_, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    count: 0,
    meanPredicted: 0,
    observedRate: 0,
  }))
  probabilities.forEach((p, i) => {
    const bin = table[Math.min(Math.floor(p * bins), bins - 1)]!
    bin.count++
    bin.meanPredicted += p
    bin.observedRate += labels[i]!
  })
  return table
    .filter((b) => b.count > 0)
    .map((b) => ({ ...b, meanPredicted: b.meanPredicted / b.count, observedRate: b.observedRate / b.count }))
}
