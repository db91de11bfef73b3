import { z } from 'zod'

/**
 * What the predictive model may look at: facts known when the lead was captured, and nothing
 * later. Activities, scores, stages, hand-offs and outcomes are absent on purpose: a model
 * trained on them would learn the outcome from its own consequences and fail on new leads.
 */
export const modelFeatureNames = [
  'channel',
  'intent',
  'seniority',
  'department',
  'emailKind',
  'industry',
  'targetIndustry',
  'country',
  'region',
  'employees',
  'completeness',
  'duplicate',
  'existingCustomer',
  'hasPhone',
  'utmSource',
  'utmMedium',
  'formId',
] as const
export type ModelFeatureName = (typeof modelFeatureNames)[number]

/** add: the model's points count toward MQL/SQL; report: probability shown, rubric decides. */
export const modelCombines = ['add', 'report'] as const

export const modelTraining = z.strictObject({
  converted: z
    .array(z.enum(['opportunity', 'won']))
    .min(1)
    .default(['opportunity', 'won'])
    .describe('Outcomes that count as converted'),
  notConvertedAfterDays: z
    .number()
    .positive()
    .default(90)
    .describe('A lead this old with no converting outcome counts as not converted'),
  windowDays: z.number().positive().default(365).describe('Train on leads captured this many days back'),
  minLeads: z.int().min(10).default(200).describe('Fewer labelled leads than this: no model yet'),
  minConverted: z.int().min(2).default(20),
  minRocAuc: z
    .number()
    .min(0.5)
    .max(1)
    .default(0.6)
    .describe('A model below this out-of-fold ROC AUC is not registered'),
  l2: z.number().nonnegative().default(1),
  folds: z.int().min(2).max(20).default(5),
})

/**
 * How a trained model joins the rubric. Until one is registered the rubric alone decides;
 * afterwards the model adds `pointsPerLogOdds` points per unit of log-odds above an average
 * lead (within ±cap), one contribution per feature, so a rep still sees why.
 */
export const modelSection = z.strictObject({
  combine: z.enum(modelCombines).default('add'),
  pointsPerLogOdds: z.number().positive().default(10),
  cap: z.number().positive().default(25).describe('Most points the model adds or removes'),
  features: z
    .array(z.enum(modelFeatureNames))
    .min(1)
    .default([...modelFeatureNames])
    .refine((f) => new Set(f).size === f.length, { error: 'a feature is listed twice' }),
  training: modelTraining.prefault({}),
})

export type ModelSection = z.output<typeof modelSection>
