import { z } from 'zod'
import type { EventDefinition } from './define-event.ts'

export type JsonSchema = Record<string, unknown>

/**
 * The JSON Schema (draft 2020-12) of one event's `data`, as integrators receive it.
 *
 * `io: 'output'` on purpose: `encodeEvent` serialises what the schema's parse returned, so every
 * field with a default (consent, custom, evidence, ...) is always on the wire and is `required`
 * here. Our own consumers parse with the laxer input side, which is fine.
 *
 * Output mode also closes every object (`additionalProperties: false`). We drop that: v1 grows by
 * additive changes, and a consumer that validates with this schema must not reject a message
 * because a field was added (zod strips unknown keys on our side for the same reason).
 */
export function eventJsonSchema(
  definition: EventDefinition,
  target: 'draft-2020-12' | 'draft-07' = 'draft-2020-12',
): JsonSchema {
  const schema = z.toJSONSchema(definition.schema, {
    target,
    io: 'output',
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties
    },
  }) as JsonSchema
  const { $schema, ...rest } = schema
  return { $schema, title: definition.type, description: definition.description, ...rest }
}

/** Two-space JSON with a trailing newline; key order is the schema's own, so output is stable. */
export const toJsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`
