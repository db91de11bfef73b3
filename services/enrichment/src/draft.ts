import type { Enrichment } from '@leadwire/contracts'

/** The enriched fields proper; provenance, completeness and provider status are added last. */
export type Fields = Omit<Enrichment, 'provenance' | 'completeness' | 'missing' | 'providers'>
export type Provenance = Enrichment['provenance'][string]

/** 'submitted' (the lead said so), 'derived' (worked out from the lead) or a provider name. */
export type Source = string

/**
 * Fields being filled, each with where it came from and when. The first value set for a field
 * stays: callers set sources in order of trust (submitted, then providers, then guesses), so
 * nothing later can overwrite what the lead supplied.
 */
export interface Draft {
  readonly fields: Fields
  readonly provenance: Record<string, Provenance>
  set<K extends keyof Fields>(key: K, value: Fields[K] | undefined, source: Source, at: Date): boolean
  /** Provenance for a part of a field (e.g. 'firmographics.industry'), same first-wins rule. */
  note(path: string, source: Source, at: Date): void
}

export function createDraft(): Draft {
  const fields: Fields = {}
  const provenance: Record<string, Provenance> = {}
  return {
    fields,
    provenance,
    set(key, value, source, at) {
      if (value === undefined || fields[key] !== undefined) return false
      fields[key] = value
      provenance[key] = { source, at: at.toISOString() }
      return true
    },
    note(path, source, at) {
      provenance[path] ??= { source, at: at.toISOString() }
    },
  }
}
