import { z } from 'zod'
import { featureSpec } from './feature-spec.ts'

const column = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('level'), level: z.string() }),
  z.object({ kind: z.literal('value'), log: z.boolean() }),
  z.object({ kind: z.literal('bin'), log: z.boolean(), from: z.number(), to: z.number() }),
  z.object({ kind: z.literal('missing') }),
])

/**
 * A trained model as the registry stores it (JSON): the encoder learnt from the training rows,
 * the regression weights, the calibration and the base rate. Parsing it back is the one way
 * in, so a registry row written by an older version fails loudly instead of scoring wrongly.
 */
export const trainedModel = z.object({
  kind: z.literal('logistic_regression'),
  encoder: z.object({
    features: z.array(featureSpec),
    levels: z.record(z.string(), z.array(z.string())),
    columns: z.array(
      z.intersection(z.object({ feature: z.string(), mean: z.number(), std: z.number().positive() }), column),
    ),
  }),
  intercept: z.number(),
  weights: z.array(z.number()),
  calibration: z.object({ method: z.literal('platt'), a: z.number(), b: z.number() }),
  l2: z.number().nonnegative(),
  baseRate: z.number().min(0).max(1),
  rows: z.int().nonnegative(),
  positives: z.int().nonnegative(),
})

export type TrainedModel = z.infer<typeof trainedModel>

export const serializeModel = (model: TrainedModel): string => JSON.stringify(model)
export const parseModel = (json: unknown): TrainedModel =>
  trainedModel.parse(typeof json === 'string' ? JSON.parse(json) : json)
