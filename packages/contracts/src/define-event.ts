import type { z } from 'zod'

/**
 * One event type and version: its CloudEvents `type`, the topic it travels on and the
 * zod schema of its `data`. Types come from the schema, never from a hand-written twin.
 */
export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  readonly type: string
  readonly topic: string
  readonly description: string
  readonly schema: S
}

export function defineEvent<S extends z.ZodType>(definition: EventDefinition<S>): EventDefinition<S> {
  return Object.freeze(definition)
}

export type EventData<D extends EventDefinition> = z.infer<D['schema']>
