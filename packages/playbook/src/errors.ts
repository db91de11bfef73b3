import type { z } from 'zod'

export interface DocumentIssue {
  /** Where in the document, e.g. `segments[2].sla.firstTouch`; `(document)` for the whole. */
  path: string
  message: string
}

/**
 * A config document (the playbook, the rep directory) that cannot be used. The message lists
 * every issue so RevOps fixes the file in one pass, not one error per deploy.
 */
export class DocumentError extends Error {
  readonly code: string
  readonly retryable = false
  readonly issues: readonly DocumentIssue[]

  constructor(document: string, code: string, issues: readonly DocumentIssue[]) {
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`
    const lines = issues.map((i) => `  ${i.path}: ${i.message}`)
    super([`invalid ${document} (${count}):`, ...lines].join('\n'))
    this.name = 'DocumentError'
    this.code = code
    this.issues = issues
  }
}

export class PlaybookError extends DocumentError {
  constructor(issues: readonly DocumentIssue[]) {
    super('playbook', 'PLAYBOOK_INVALID', issues)
    this.name = 'PlaybookError'
  }
}

/** `['segments', 2, 'sla']` -> `segments[2].sla` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out || '(document)'
}

export const show = (value: unknown): string =>
  typeof value === 'string' ? `'${value}'` : value === undefined ? 'nothing' : JSON.stringify(value)

/** zod's default wording says what zod saw; these say what the author should write instead. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined
        ? `is required (a ${issue.expected})`
        : `expected a ${issue.expected}, got ${show(input)}`
    case 'invalid_value':
      return `expected one of ${issue.values.map(String).join(', ')}, got ${show(input)}`
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `'${k}'`).join(', ')}`
    case 'too_small':
      return issue.origin === 'array'
        ? `expected at least ${issue.minimum} ${Number(issue.minimum) === 1 ? 'item' : 'items'}`
        : `expected ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}, got ${show(input)}`
    case 'too_big':
      return `expected ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, got ${show(input)}`
    case 'invalid_format':
      return `${issue.message}, got ${show(input)}`
    default:
      return issue.message
  }
}

export function toDocumentIssues(error: z.ZodError): DocumentIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) }))
}
