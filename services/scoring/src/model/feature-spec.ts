import { z } from 'zod'

const name = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'a feature name like industry or time_on_site')
const column = z
  .string()
  .min(1)
  .optional()
  .describe('Where a CSV mapping reads the value; the service ignores it')

/**
 * How one feature becomes model columns. A categorical feature is one-hot over the levels seen
 * at least `minCount` times in training (rarer ones share an "other" column); a numeric one is
 * a standardised value, optionally log-scaled, plus one-hot quantile bins so a plain linear
 * model can bend; any feature that was missing in training gets a "missing" column.
 */
export const featureSpec = z.discriminatedUnion('type', [
  z.strictObject({ name, column, type: z.literal('categorical'), minCount: z.int().min(1).default(10) }),
  z.strictObject({
    name,
    column,
    type: z.literal('numeric'),
    log: z.boolean().default(false),
    bins: z.int().min(0).max(20).default(0),
  }),
  z.strictObject({ name, column, type: z.literal('boolean') }),
])

export const featureSpecs = z
  .array(featureSpec)
  .min(1)
  .refine((specs) => new Set(specs.map((s) => s.name)).size === specs.length, {
    error: 'feature names must be unique',
  })

export type FeatureSpec = z.output<typeof featureSpec>
export type FeatureValue = string | number | boolean | null | undefined
/** One lead (or one CSV row) as the model sees it: feature name → raw value. */
export type FeatureRecord = Readonly<Record<string, FeatureValue>>

export const MISSING = '(missing)'
export const OTHER = '(other)'

/** The text of a categorical or boolean value; `undefined` when it is missing. */
export function levelOf(value: FeatureValue): string | undefined {
  if (value === undefined || value === null) return undefined
  const text = String(value).trim()
  return text === '' ? undefined : text
}

/** The number of a numeric value; `undefined` when missing or not a number. */
export function numberOf(value: FeatureValue): number | undefined {
  if (value === undefined || value === null || value === '' || typeof value === 'boolean') return undefined
  const n = typeof value === 'number' ? value : Number(String(value).trim())
  return Number.isFinite(n) ? n : undefined
}
