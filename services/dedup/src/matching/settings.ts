import type { Thresholds } from './decide.ts'

/**
 * The one configuration the service and the evaluation share. Probabilities, not weights,
 * so RevOps can read them: merge when the model is at least this sure, ask a person between
 * the two thresholds.
 */
export const defaultThresholds: Thresholds = { merge: 0.95, review: 0.5 }
