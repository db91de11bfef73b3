import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { RawField, RawRecord } from '../matching/record.ts'
import type { Mapping } from './mapping.ts'

export interface LabelledSet {
  readonly ids: readonly string[]
  readonly raw: readonly RawRecord[]
  /** The true entity of each record, by index. */
  readonly entities: readonly string[]
}

async function readCsv(path: string, header: boolean): Promise<string[][] | Record<string, string>[]> {
  // Febrl separates with ', ' and ends lines with CRLF: trim handles both.
  return parse(await readFile(path, 'utf8'), {
    columns: header,
    trim: true,
    skip_empty_lines: true,
    bom: true,
  })
}

export async function loadLabelledSet(csvPath: string, mapping: Mapping): Promise<LabelledSet> {
  const rows = (await readCsv(csvPath, true)) as Record<string, string>[]
  const ids = rows.map((row) => row[mapping.id] ?? '')
  const raw = rows.map((row) => {
    const record: RawRecord = {}
    for (const [field, column] of Object.entries(mapping.fields))
      record[field as RawField] = row[column as string]
    return record
  })
  const truth = mapping.truth
  if ('column' in truth) {
    const pattern = truth.pattern ? new RegExp(truth.pattern) : undefined
    const entities = rows.map((row) => {
      const value = row[truth.column] ?? ''
      return pattern ? (pattern.exec(value)?.[1] ?? value) : value
    })
    return { ids, raw, entities }
  }
  const pairs = (await readCsv(resolve(dirname(csvPath), truth.pairs), truth.header)) as string[][]
  return { ids, raw, entities: connectedComponents(ids, pairs) }
}

/** Entities as connected components of the match graph (the closure of a non-transitive list). */
export function connectedComponents(ids: readonly string[], pairs: readonly string[][]): string[] {
  const parent = new Map(ids.map((id) => [id, id]))
  const find = (x: string): string => {
    let root = x
    while (parent.get(root) !== root) root = parent.get(root) ?? root
    parent.set(x, root)
    return root
  }
  for (const [a, b] of pairs) {
    if (a === undefined || b === undefined || !parent.has(a) || !parent.has(b)) continue
    parent.set(find(a), find(b))
  }
  return ids.map(find)
}
