import type { LeadFacts, Playbook, Signal } from '@leadwire/playbook'
import { parse } from 'csv-parse/sync'
import type { FeatureRecord } from '../src/model/feature-spec.ts'
import { fitContributions, intentContributions, sumPoints } from '../src/rubric.ts'
import type { Mapping } from './mapping.ts'

export interface Dataset {
  records: FeatureRecord[]
  labels: number[]
  /** What the playbook's rubric scores each row, for the baseline. */
  rubricScores: number[]
}

type Row = Record<string, string>

export function readCsv(text: string): Row[] {
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[]
}

/** Turns CSV rows into model records, labels and rubric scores, as the mapping says. */
export function toDataset(rows: readonly Row[], mapping: Mapping, playbook: Playbook): Dataset {
  const missing = new Set(mapping.missing)
  const cell = (row: Row, column: string) => {
    const v = row[column]
    return v === undefined || missing.has(v) ? undefined : v
  }
  const columns = new Set(Object.keys(rows[0] ?? {}))
  const unknown = [mapping.label.column, ...mapping.features.map((f) => f.column ?? f.name)].filter(
    (c) => !columns.has(c),
  )
  if (unknown.length > 0) throw new Error(`the CSV has no column ${unknown.map((c) => `'${c}'`).join(', ')}`)
  return {
    records: rows.map((row) =>
      Object.fromEntries(mapping.features.map((f) => [f.name, cell(row, f.column ?? f.name)])),
    ),
    labels: rows.map((row) => (mapping.label.positive.includes(row[mapping.label.column] ?? '') ? 1 : 0)),
    rubricScores: rows.map((row) =>
      rubricScore(
        playbook,
        rubricFacts(playbook, mapping, (c) => cell(row, c)),
      ),
    ),
  }
}

/** The playbook rubric's fit + intent for one row's facts (caps and decay as in the service). */
export function rubricScore(playbook: Playbook, facts: LeadFacts): number {
  return sumPoints([...fitContributions(playbook, facts), ...intentContributions(playbook, facts)])
}

function rubricFacts(
  playbook: Playbook,
  mapping: Mapping,
  cell: (column: string) => string | undefined,
): LeadFacts {
  const { rubric } = mapping
  const mapped = <T>(m: { column: string; map: Record<string, T> } | undefined) => {
    const v = m && cell(m.column)
    return v === undefined ? undefined : m?.map[v]
  }
  const now = new Date(0)
  const signals: Signal[] = rubric.signals.flatMap((s) => {
    if ('map' in s) {
      const type = mapped(s)
      return type ? [{ type, at: now }] : []
    }
    const count = Math.min(Math.floor(Number(cell(s.column) ?? 0)) || 0, s.max)
    return Array.from({ length: Math.max(count, 0) }, () => ({ type: s.countOf, at: now }))
  })
  const intent = mapped(rubric.facts.intent)
  if (intent) signals.push({ type: intent, at: now })
  const industry = mapped(rubric.facts.industry)
  const answered = rubric.completeness.filter((c) => cell(c) !== undefined).length
  return {
    channel: rubric.channel,
    intent,
    seniority: mapped(rubric.facts.seniority),
    emailKind: mapped(rubric.facts.emailKind),
    industry,
    country: mapped(rubric.facts.country),
    completeness: rubric.completeness.length > 0 ? answered / rubric.completeness.length : undefined,
    targetIndustry:
      industry !== undefined &&
      playbook.targetIndustries.some((t) => t.toLowerCase() === industry.toLowerCase()),
    existingCustomer: false,
    duplicate: false,
    signals,
    now,
  }
}
