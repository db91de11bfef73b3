import type { ConditionField, Conditions } from './conditions.ts'

const LABELS: Record<string, string> = {
  c_level: 'C-level',
  vp: 'VP',
  sql: 'SQL',
  mql: 'MQL',
  individual_contributor: 'individual contributor',
}

/** `demo_request` -> `demo request`, `c_level` -> `C-level`. */
export const humanize = (word: string): string => LABELS[word] ?? word.replaceAll('_', ' ')

/** `['a', 'b', 'c']` -> `a, b or c` */
export function listWords(words: readonly string[], joiner = 'or'): string {
  const human = words.map(humanize)
  return human.length <= 1 ? (human[0] ?? '') : `${human.slice(0, -1).join(', ')} ${joiner} ${human.at(-1)}`
}

const SUBJECTS: Record<ConditionField, string> = {
  channel: 'the lead came in through',
  intent: 'the form asked for',
  seniority: 'seniority is',
  stage: 'stage is',
  emailKind: 'the email is a',
  industry: 'industry is',
  department: 'department is',
  country: 'country is',
  region: 'region is',
  employees: 'the company has',
  completeness: 'profile completeness is',
  score: 'score is',
  fit: 'fit score is',
  intentScore: 'intent score is',
  targetIndustry: '',
  existingCustomer: '',
  duplicate: '',
  engaged: '',
}

const FLAGS = {
  targetIndustry: ['the company is in a target industry', 'the company is not in a target industry'],
  existingCustomer: ['an existing customer', 'not an existing customer'],
  duplicate: ['a repeat submission of a known person', 'a new person, not a repeat submission'],
} as const

const negate = (subject: string): string =>
  ({
    'the lead came in through': 'the lead did not come in through',
    'the form asked for': 'the form did not ask for',
  })[subject] ?? subject.replace(' is', ' is not')

type Range = {
  gte?: number | undefined
  gt?: number | undefined
  lte?: number | undefined
  lt?: number | undefined
}

function describeRange(r: Range, field: ConditionField): string {
  const unit = field === 'employees' ? ' employees' : ''
  const parts = [
    r.gte !== undefined && `at least ${r.gte}${unit}`,
    r.gt !== undefined && `more than ${r.gt}${unit}`,
    r.lte !== undefined && `at most ${r.lte}${unit}`,
    r.lt !== undefined && `fewer than ${r.lt}${unit}`,
  ].filter((p): p is string => typeof p === 'string')
  return parts.join(' and ')
}

/** One condition in plain words, e.g. `the company has at least 500 employees`. */
export function describeCondition<F extends ConditionField>(
  field: F,
  matcher: NonNullable<Conditions[F]>,
): string {
  if (typeof matcher === 'boolean') return FLAGS[field as keyof typeof FLAGS][matcher ? 0 : 1]
  const m = matcher as Record<string, unknown>
  if (Array.isArray(m.signals)) {
    return `engaged via ${listWords(m.signals as string[])} in the past ${m.withinDays} days`
  }
  const subject = SUBJECTS[field]
  const suffix = field === 'emailKind' ? ' address' : ''
  if (Array.isArray(m.in) && Array.isArray(m.notIn)) {
    return `${subject} ${listWords(m.in)}${suffix}, but not ${listWords(m.notIn)}`
  }
  if (Array.isArray(m.in)) return `${subject} ${listWords(m.in)}${suffix}`
  if (Array.isArray(m.notIn)) return `${negate(subject)} ${listWords(m.notIn)}${suffix}`
  return `${subject} ${describeRange(m as Range, field)}`
}

export function describeConditions(when: Conditions): string[] {
  return (Object.entries(when) as [ConditionField, NonNullable<Conditions[ConditionField]>][])
    .filter(([, matcher]) => matcher !== undefined)
    .map(([field, matcher]) => describeCondition(field, matcher))
}
