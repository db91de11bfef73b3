import { channels, emailKinds, intents, seniorities } from '@leadwire/contracts'
import { signalTypes } from '@leadwire/playbook'
import { z } from 'zod'
import { featureSpecs } from '../src/model/feature-spec.ts'

const valueMap = <T extends z.ZodType>(value: T) =>
  z.strictObject({ column: z.string().min(1), map: z.record(z.string(), value) })

/**
 * The feature-mapping file of the evaluation command: which CSV column is the label, which
 * columns leak the outcome (never features), how the others become model features, and how
 * the CSV maps onto the playbook's rubric facts for the rubric-only baseline.
 */
export const mappingSchema = z.strictObject({
  $comment: z.string().optional(),
  label: z.strictObject({ column: z.string().min(1), positive: z.array(z.string()).min(1) }),
  missing: z.array(z.string()).default(['']).describe('Cell values that mean "not answered"'),
  leaking: z.array(z.string()).default([]).describe('Columns filled in after the outcome was known'),
  features: featureSpecs,
  model: z
    .strictObject({ l2: z.number().nonnegative().default(1), folds: z.int().min(2).default(5) })
    .prefault({}),
  rubric: z
    .strictObject({
      playbook: z.string().default('../../../infra/seed/playbook.yaml').describe('Relative to this file'),
      channel: z.enum(channels).default('inbound_form'),
      facts: z
        .strictObject({
          intent: valueMap(z.enum(intents)).optional(),
          seniority: valueMap(z.enum(seniorities)).optional(),
          emailKind: valueMap(z.enum(emailKinds)).optional(),
          country: valueMap(z.string()).optional(),
          industry: valueMap(z.string()).optional(),
        })
        .default({}),
      signals: z
        .array(
          z.union([
            valueMap(z.enum(signalTypes)),
            z.strictObject({
              column: z.string().min(1),
              countOf: z.enum(signalTypes),
              max: z.int().min(1).default(10),
            }),
          ]),
        )
        .default([]),
      completeness: z
        .array(z.string())
        .default([])
        .describe('Columns whose answered share is data completeness'),
    })
    .prefault({}),
})

export type Mapping = z.output<typeof mappingSchema>

/** Every column a mapping reads to build features or rubric facts. */
export function columnsRead(mapping: Mapping): string[] {
  const { rubric } = mapping
  return [
    ...mapping.features.map((f) => f.column ?? f.name),
    ...Object.values(rubric.facts).map((f) => f.column),
    ...rubric.signals.map((s) => s.column),
    ...rubric.completeness,
  ]
}

/** Parses a mapping, refusing any that reads a leaking column or the label itself. */
export function parseMapping(json: unknown): Mapping {
  const mapping = mappingSchema.parse(json)
  const forbidden = new Set([...mapping.leaking, mapping.label.column])
  const bad = [...new Set(columnsRead(mapping).filter((c) => forbidden.has(c)))]
  if (bad.length > 0) {
    throw new Error(`the mapping reads columns that leak the outcome: ${bad.map((c) => `'${c}'`).join(', ')}`)
  }
  return mapping
}
