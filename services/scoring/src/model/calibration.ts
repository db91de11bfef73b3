import { fitLogistic, sigmoid } from './logistic.ts'

/** Platt scaling: probability = sigmoid(a * logit + b), fitted on logits the model did not train on. */
export interface Platt {
  method: 'platt'
  a: number
  b: number
}

/**
 * Fits Platt's two parameters by the same Newton solver, on Platt's smoothed targets
 * ((N+ + 1) / (N+ + 2) and 1 / (N- + 2)) so a perfectly separated fold cannot push them to
 * infinity. The logits must be out-of-fold: calibrating on training logits would only
 * confirm the model's own over-confidence.
 */
export function fitPlatt(logits: readonly number[], labels: readonly number[]): Platt {
  const positives = labels.filter((y) => y === 1).length
  const negatives = labels.length - positives
  const hi = (positives + 1) / (positives + 2)
  const lo = 1 / (negatives + 2)
  const targets = labels.map((y) => (y === 1 ? hi : lo))
  const fit = fitLogistic(
    logits.map((z) => Float64Array.of(z)),
    targets,
    { l2: 1e-6 },
  )
  return { method: 'platt', a: fit.weights[0]!, b: fit.intercept }
}

export const calibrated = (platt: Platt, logit: number): number => sigmoid(platt.a * logit + platt.b)
