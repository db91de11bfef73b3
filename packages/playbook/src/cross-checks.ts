import type { z } from 'zod'
import { scoreFields } from './conditions.ts'

type Issue = (path: PropertyKey[], message: string) => void
type Loose = Record<string, unknown>

/*
 * Checks across parts of the document. They run even when other parts failed to parse (zod
 * would otherwise skip them), so they read the partly parsed value defensively.
 */
const record = (value: unknown): Loose =>
  typeof value === 'object' && value !== null ? (value as Loose) : {}
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const keys = (value: unknown): string[] => Object.keys(record(value))

export function crossCheck(value: unknown, ctx: z.RefinementCtx): void {
  const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message })
  const doc = record(value)
  checkSegments(list(doc.segments), issue)
  checkRules(record(doc.scoring), issue)
  for (const stage of ['sql', 'mql'] as const) {
    if (keys(record(record(doc.stages)[stage]).when).includes('stage')) {
      issue(['stages', stage, 'when', 'stage'], 'a stage cannot depend on the stage')
    }
  }
}

function checkSegments(segments: unknown[], issue: Issue): void {
  const seen = new Map<unknown, number>()
  segments.forEach((raw, i) => {
    const s = record(raw)
    const first = seen.get(s.name)
    if (first !== undefined) issue(['segments', i, 'name'], `'${s.name}' is already segments[${first}]`)
    else seen.set(s.name, i)
    const catchAll = keys(s.when).length === 0
    const last = i === segments.length - 1
    if (last && !catchAll)
      issue(['segments', i, 'when'], 'the last segment must catch all leads (no conditions)')
    if (!last && catchAll)
      issue(['segments', i, 'when'], 'only the last segment may catch all; later ones never match')
  })
}

function checkRules(scoring: Loose, issue: Issue): void {
  const seen = new Set<unknown>()
  for (const kind of ['fit', 'intent'] as const) {
    list(record(scoring[kind]).rules).forEach((raw, i) => {
      const rule = record(raw)
      if (rule.id !== undefined && seen.has(rule.id)) {
        issue(['scoring', kind, 'rules', i, 'id'], `rule id '${rule.id}' is used twice`)
      }
      seen.add(rule.id)
      if (kind !== 'fit') return
      for (const field of keys(rule.when).filter((k) => (scoreFields as readonly string[]).includes(k))) {
        issue(
          ['scoring', kind, 'rules', i, 'when', field],
          'fit rules cannot use score, fit, intentScore or stage',
        )
      }
    })
  }
}
