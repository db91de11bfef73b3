import { type FeatureRecord, type FeatureSpec, levelOf, MISSING, numberOf, OTHER } from './feature-spec.ts'

/** One model column: where its raw value comes from, and how it is standardised. */
export type Column = { feature: string; mean: number; std: number } & (
  | { kind: 'level'; level: string }
  | { kind: 'value'; log: boolean }
  | { kind: 'bin'; log: boolean; from: number; to: number }
  | { kind: 'missing' }
)
type RawColumn = Column extends infer C ? (C extends Column ? Omit<C, 'mean' | 'std'> : never) : never

export interface Encoder {
  features: FeatureSpec[]
  /** Levels kept per categorical feature; anything else reads as OTHER. */
  levels: Record<string, string[]>
  columns: Column[]
}

const scaled = (n: number, log: boolean) => (log ? Math.log1p(Math.max(n, 0)) : n)

function categoryOf(spec: FeatureSpec, record: FeatureRecord, kept: readonly string[] | undefined) {
  const level = levelOf(record[spec.name])
  if (level === undefined) return MISSING
  const text = spec.type === 'boolean' ? String(level === 'true' || level === '1' || level === 'yes') : level
  return kept === undefined || kept.includes(text) ? text : OTHER
}

/** The column's value for a record, before standardising. */
function rawValue(column: RawColumn, spec: FeatureSpec, record: FeatureRecord, kept?: string[]): number {
  if (column.kind === 'level') return categoryOf(spec, record, kept) === column.level ? 1 : 0
  const n = numberOf(record[spec.name])
  if (column.kind === 'missing') return n === undefined ? 1 : 0
  if (n === undefined) return column.kind === 'value' ? Number.NaN : 0
  const v = scaled(n, column.log)
  return column.kind === 'value' ? v : v >= column.from && v < column.to ? 1 : 0
}

function levelColumns(
  spec: FeatureSpec,
  records: readonly FeatureRecord[],
  levels: Record<string, string[]>,
) {
  const counts = new Map<string, number>()
  for (const r of records) {
    const level = categoryOf(spec, r, undefined)
    counts.set(level, (counts.get(level) ?? 0) + 1)
  }
  const minCount = spec.type === 'categorical' ? spec.minCount : 1
  const kept = [...counts]
    .filter(([l, n]) => n >= minCount && l !== MISSING)
    .map(([l]) => l)
    .sort()
  levels[spec.name] = kept
  const seen = new Set(records.map((r) => categoryOf(spec, r, kept)))
  return [...kept, OTHER, MISSING]
    .filter((l) => seen.has(l))
    .map((level): RawColumn => ({ feature: spec.name, kind: 'level', level }))
}

function numericColumns(spec: Extract<FeatureSpec, { type: 'numeric' }>, records: readonly FeatureRecord[]) {
  const values = records.map((r) => numberOf(r[spec.name])).filter((n) => n !== undefined)
  const out: RawColumn[] = [{ feature: spec.name, kind: 'value', log: spec.log }]
  if (values.length < records.length) out.push({ feature: spec.name, kind: 'missing' })
  const sorted = values.map((n) => scaled(n, spec.log)).sort((a, b) => a - b)
  const quantile = (i: number) => sorted[Math.floor(((i + 1) * sorted.length) / spec.bins)]!
  const edges = [...new Set(Array.from({ length: Math.max(spec.bins - 1, 0) }, (_, i) => quantile(i)))]
  // ±MAX_VALUE rather than ±Infinity: the bounds must survive a JSON round trip.
  const bounds = [-Number.MAX_VALUE, ...edges, Number.MAX_VALUE]
  if (spec.bins > 1 && bounds.length > 2) {
    for (let i = 0; i + 1 < bounds.length; i++) {
      out.push({ feature: spec.name, kind: 'bin', log: spec.log, from: bounds[i]!, to: bounds[i + 1]! })
    }
  }
  return out
}

const columnsFor = (
  spec: FeatureSpec,
  records: readonly FeatureRecord[],
  levels: Record<string, string[]>,
) => (spec.type === 'numeric' ? numericColumns(spec, records) : levelColumns(spec, records, levels))

/** Learns the columns, levels and standardisation from the training records only. */
export function fitEncoder(features: readonly FeatureSpec[], records: readonly FeatureRecord[]): Encoder {
  const levels: Record<string, string[]> = {}
  const specOf = new Map(features.map((f) => [f.name, f]))
  const columns: Column[] = []
  for (const raw of features.flatMap((spec) => columnsFor(spec, records, levels))) {
    const spec = specOf.get(raw.feature)!
    const values = records
      .map((r) => rawValue(raw, spec, r, levels[spec.name]))
      .filter((v) => !Number.isNaN(v))
    const mean = values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1)
    const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(values.length, 1))
    // A column that never varies in training carries no information and cannot be scaled.
    if (std > 1e-9) columns.push({ ...raw, mean, std } as Column)
  }
  return { features: [...features], levels, columns }
}

/** The standardised row for a record; a missing numeric value sits at the training mean. */
export function encode(encoder: Encoder, record: FeatureRecord): Float64Array {
  const specOf = new Map(encoder.features.map((f) => [f.name, f]))
  const row = new Float64Array(encoder.columns.length)
  encoder.columns.forEach((column, j) => {
    const spec = specOf.get(column.feature)!
    const v = rawValue(column, spec, record, encoder.levels[column.feature])
    row[j] = Number.isNaN(v) ? 0 : (v - column.mean) / column.std
  })
  return row
}

/** A column's name as a person reads it: `industry = Software`, `employees (log)`. */
export function columnLabel(column: Column): string {
  if (column.kind === 'level') return `${column.feature} = ${column.level}`
  if (column.kind === 'missing') return `${column.feature} missing`
  const unit = column.log ? ' (log)' : ''
  if (column.kind === 'value') return `${column.feature}${unit}`
  const bound = (n: number) =>
    Math.abs(n) >= 1e300 ? (n < 0 ? '-inf' : 'inf') : String(Math.round(n * 100) / 100)
  return `${column.feature}${unit} in [${bound(column.from)}, ${bound(column.to)})`
}
