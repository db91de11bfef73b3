import { captureErrors } from './errors.ts'

/** Names that reach an object's prototype in code that merges or assigns by key. */
export const forbiddenNames: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

/** The deepest a body may nest: a batch row's `source.utm.source` is five levels down. */
export const maxDepth = 32

/**
 * Why a string cannot be stored as text, if it cannot: Postgres refuses NUL in text and jsonb,
 * and a lone surrogate (JSON's `\ud800` escape) is not Unicode at all.
 */
export function textProblem(s: string): string | undefined {
  if (s.includes('\u0000')) return 'contains a NUL character'
  if (!s.isWellFormed()) return 'contains an unpaired surrogate (not Unicode)'
  return undefined
}

/**
 * Walks a parsed body once, without recursion (a 64 KiB body can nest 30,000 levels), and
 * refuses what the schemas cannot see or Postgres cannot store: prototype names as keys at any
 * depth, NUL and lone surrogates in keys and strings, and absurd nesting. Each names its field.
 */
export function checkUntrustedJson(body: unknown): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }]
  while (stack.length) {
    const { value, path, depth } = stack.pop()!
    if (typeof value === 'string') {
      const why = textProblem(value)
      if (why) throw captureErrors.badText(path || '(body)', why)
      continue
    }
    if (value === null || typeof value !== 'object') continue
    if (depth >= maxDepth) throw captureErrors.tooDeep(path || '(body)', maxDepth)
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value)
    for (const [key, child] of entries) {
      // An empty name is shown as "" so the path still says where.
      const field = path ? `${path}.${key || '""'}` : key || '""'
      if (forbiddenNames.has(key)) throw captureErrors.forbiddenName(key, field)
      const why = textProblem(key)
      if (why) throw captureErrors.badText(field, `the name ${why}`)
      stack.push({ value: child, path: field, depth: depth + 1 })
    }
  }
}
