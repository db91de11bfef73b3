import type { ConditionField, Conditions } from './conditions.ts'

export interface Signal {
  type: string
  at: Date
}

/** What is known about one lead, flattened for the playbook's conditions. */
export interface LeadFacts {
  channel?: string | undefined
  intent?: string | undefined
  seniority?: string | undefined
  stage?: string | undefined
  emailKind?: string | undefined
  industry?: string | undefined
  department?: string | undefined
  country?: string | undefined
  region?: string | undefined
  employees?: number | undefined
  completeness?: number | undefined
  score?: number | undefined
  fit?: number | undefined
  intentScore?: number | undefined
  targetIndustry: boolean
  existingCustomer: boolean
  duplicate: boolean
  /** The form's intent at capture time and every later activity. */
  signals: readonly Signal[]
  now: Date
}

export interface ConditionResult {
  field: ConditionField
  passed: boolean
}

const DAY_MS = 86_400_000

type Matcher = NonNullable<Conditions[ConditionField]>
type Range = {
  gte?: number | undefined
  gt?: number | undefined
  lte?: number | undefined
  lt?: number | undefined
}
type Engaged = { signals: readonly string[]; withinDays: number }
type Choice = { in?: readonly string[] | undefined; notIn?: readonly string[] | undefined }

/** One result per condition present, in the order the document lists them. */
export function evaluateConditions(when: Conditions, facts: LeadFacts): ConditionResult[] {
  return (Object.entries(when) as [ConditionField, Matcher | undefined][])
    .filter((entry): entry is [ConditionField, Matcher] => entry[1] !== undefined)
    .map(([field, matcher]) => ({ field, passed: holds(field, matcher, facts) }))
}

export const matchesConditions = (when: Conditions, facts: LeadFacts): boolean =>
  evaluateConditions(when, facts).every((r) => r.passed)

function holds(field: ConditionField, matcher: Matcher, facts: LeadFacts): boolean {
  if (typeof matcher === 'boolean') return factValue(field, facts) === matcher
  if (field === 'engaged') return engaged(matcher as Engaged, facts)
  const value = factValue(field, facts)
  return 'in' in matcher || 'notIn' in matcher
    ? inChoice(matcher as Choice, value)
    : inRange(matcher as Range, value)
}

/** The fact a condition looks at; `engaged` looks at `signals` instead. */
export function factValue(field: ConditionField, facts: LeadFacts): unknown {
  return field === 'engaged' ? undefined : facts[field]
}

function engaged(matcher: Engaged, facts: LeadFacts): boolean {
  const now = facts.now.getTime()
  const since = now - matcher.withinDays * DAY_MS
  return facts.signals.some(
    (s) => matcher.signals.includes(s.type) && s.at.getTime() >= since && s.at.getTime() <= now,
  )
}

function inChoice(choice: Choice, value: unknown): boolean {
  const norm = (v: string) => v.trim().toLowerCase()
  const known = typeof value === 'string' ? norm(value) : undefined
  if (choice.in && (known === undefined || !choice.in.some((v) => norm(v) === known))) return false
  if (choice.notIn && known !== undefined && choice.notIn.some((v) => norm(v) === known)) return false
  return true
}

function inRange(range: Range, value: unknown): boolean {
  if (typeof value !== 'number') return false
  if (range.gte !== undefined && !(value >= range.gte)) return false
  if (range.gt !== undefined && !(value > range.gt)) return false
  if (range.lte !== undefined && !(value <= range.lte)) return false
  return !(range.lt !== undefined && !(value < range.lt))
}
