/** mulberry32: a small seeded generator, so every split and fold is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

const indicesOf = (labels: readonly number[], value: number) =>
  labels.flatMap((label, i) => (label === value ? [i] : []))

/**
 * Stratified k-fold: each fold keeps the overall share of positives. Returns, per fold, the
 * indices held out; every index is held out exactly once.
 */
export function stratifiedFolds(labels: readonly number[], k: number, seed: number): number[][] {
  const random = seededRandom(seed)
  const folds: number[][] = Array.from({ length: k }, () => [])
  for (const value of [1, 0]) {
    shuffled(indicesOf(labels, value), random).forEach((index, i) => {
      folds[i % k]!.push(index)
    })
  }
  return folds.map((fold) => fold.sort((a, b) => a - b))
}

/** A stratified train/test split holding out `testShare` of each class. */
export function stratifiedSplit(
  labels: readonly number[],
  testShare: number,
  seed: number,
): { train: number[]; test: number[] } {
  const random = seededRandom(seed)
  const train: number[] = []
  const test: number[] = []
  for (const value of [1, 0]) {
    const group = shuffled(indicesOf(labels, value), random)
    const cut = Math.round(group.length * testShare)
    test.push(...group.slice(0, cut))
    train.push(...group.slice(cut))
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) }
}

/** The complement of a fold: every index below `n` not in `held`. */
export function complement(n: number, held: readonly number[]): number[] {
  const out = new Set(held)
  return Array.from({ length: n }, (_, i) => i).filter((i) => !out.has(i))
}
