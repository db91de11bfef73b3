/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS). With at most a few
 * hundred columns the Hessian is small, so Newton converges in a handful of exact steps and
 * the result does not depend on a learning rate or on the order of the rows.
 */
export interface LogisticFit {
  intercept: number
  weights: number[]
  iterations: number
}

export interface LogisticOptions {
  /** Penalty on the squared weights (not the intercept), in units of rows. */
  l2: number
  maxIterations?: number
  tolerance?: number
}

export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z))

export function logitOf(fit: Pick<LogisticFit, 'intercept' | 'weights'>, row: ArrayLike<number>): number {
  let z = fit.intercept
  for (let j = 0; j < fit.weights.length; j++) z += fit.weights[j]! * row[j]!
  return z
}

export function fitLogistic(rows: readonly Float64Array[], labels: readonly number[], opts: LogisticOptions) {
  const d = (rows[0]?.length ?? 0) + 1
  // beta[0] is the intercept; column 0 of the design is an implicit 1.
  let beta = new Float64Array(d)
  const maxIterations = opts.maxIterations ?? 50
  let iterations = 0
  for (; iterations < maxIterations; iterations++) {
    const { gradient, hessian } = derivatives(rows, labels, beta, opts.l2)
    const step = solveSymmetric(hessian, gradient, d)
    let size = 1
    let next = beta.map((b, j) => b - step[j]!)
    const before = penalisedLoss(rows, labels, beta, opts.l2)
    // Step halving: Newton on this convex loss rarely overshoots, but never let it go uphill.
    while (penalisedLoss(rows, labels, next, opts.l2) > before + 1e-12 && size > 1e-6) {
      size /= 2
      next = beta.map((b, j) => b - size * step[j]!)
    }
    const change = Math.max(...next.map((b, j) => Math.abs(b - beta[j]!)))
    beta = next
    if (change < (opts.tolerance ?? 1e-7)) break
  }
  return { intercept: beta[0]!, weights: Array.from(beta.subarray(1)), iterations: iterations + 1 }
}

function derivatives(
  rows: readonly Float64Array[],
  labels: readonly number[],
  beta: Float64Array,
  l2: number,
) {
  const d = beta.length
  const gradient = new Float64Array(d)
  const hessian = new Float64Array(d * d)
  const x = new Float64Array(d)
  rows.forEach((row, i) => {
    x[0] = 1
    x.set(row, 1)
    let z = 0
    for (let j = 0; j < d; j++) z += beta[j]! * x[j]!
    const p = sigmoid(z)
    const w = Math.max(p * (1 - p), 1e-10)
    const r = p - labels[i]!
    for (let j = 0; j < d; j++) {
      const xj = x[j]!
      if (xj === 0) continue
      gradient[j]! += r * xj
      const wx = w * xj
      for (let k = j; k < d; k++) hessian[j * d + k]! += wx * x[k]!
    }
  })
  for (let j = 1; j < d; j++) {
    gradient[j]! += l2 * beta[j]!
    hessian[j * d + j]! += l2
  }
  for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) hessian[j * d + k] = hessian[k * d + j]!
  return { gradient, hessian }
}

function penalisedLoss(
  rows: readonly Float64Array[],
  labels: readonly number[],
  beta: Float64Array,
  l2: number,
) {
  let loss = 0
  rows.forEach((row, i) => {
    let z = beta[0]!
    for (let j = 0; j < row.length; j++) z += beta[j + 1]! * row[j]!
    // log(1 + e^z) - y z, written so that large |z| neither overflows nor loses precision.
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - labels[i]! * z
  })
  for (let j = 1; j < beta.length; j++) loss += 0.5 * l2 * beta[j]! ** 2
  return loss
}

/** Solves H s = g for a symmetric positive definite H (Cholesky); a tiny ridge keeps it so. */
export function solveSymmetric(h: Float64Array, g: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d)
  for (let j = 0; j < d; j++) {
    let sum = h[j * d + j]! + 1e-9
    for (let k = 0; k < j; k++) sum -= l[j * d + k]! ** 2
    const diag = Math.sqrt(Math.max(sum, 1e-12))
    l[j * d + j] = diag
    for (let i = j + 1; i < d; i++) {
      let s = h[i * d + j]!
      for (let k = 0; k < j; k++) s -= l[i * d + k]! * l[j * d + k]!
      l[i * d + j] = s / diag
    }
  }
  const y = new Float64Array(d)
  for (let i = 0; i < d; i++) {
    let s = g[i]!
    for (let k = 0; k < i; k++) s -= l[i * d + k]! * y[k]!
    y[i] = s / l[i * d + i]!
  }
  const x = new Float64Array(d)
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i]!
    for (let k = i + 1; k < d; k++) s -= l[k * d + i]! * x[k]!
    x[i] = s / l[i * d + i]!
  }
  return x
}
