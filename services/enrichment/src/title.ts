import type { Department, Enrichment } from '@leadwire/contracts'
import { departmentRules, seniorityRules } from './title-rules.ts'

export type Seniority = NonNullable<Enrichment['seniority']>

export interface TitleClass {
  readonly seniority: Seniority
  readonly department: Department
}

const abbreviations: Readonly<Record<string, string>> = {
  sr: 'senior',
  snr: 'senior',
  jr: 'junior',
  mgr: 'manager',
  mngr: 'manager',
  dir: 'director',
  eng: 'engineer',
  engr: 'engineer',
  mktg: 'marketing',
  mkt: 'marketing',
  acct: 'account',
  exec: 'executive',
  ops: 'operations',
  biz: 'business',
  bizdev: 'business development',
  cofounder: 'co founder',
  ap: 'accounts payable',
  ar: 'accounts receivable',
}

// Values people type when a form forces a title on them.
const placeholders = new Set([
  '',
  'na',
  'n a',
  'none',
  'null',
  'unknown',
  'test',
  'x',
  'xx',
  'xxx',
  'asdf',
  'other',
])

/**
 * Lower-case ASCII words separated by single spaces and padded with one space each side, so
 * rules can match whole words with ' word '. Dots are dropped rather than spaced so that
 * 'V.P.' and 'C.E.O.' become 'vp' and 'ceo'.
 */
export function normalizeTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[&+]/g, ' and ')
    .replace(/\./g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => abbreviations[w] ?? w)
    .join(' ')
    .replace(/\bvice ?presidente?\b|\bvizeprasident(in)?\b/g, 'vp')
  return ` ${words} `
}

/** Seniority and department from a job title as typed, or undefined when it says nothing. */
export function classifyTitle(title: string): TitleClass | undefined {
  const normalized = normalizeTitle(title)
  if (placeholders.has(normalized.trim())) return undefined
  return {
    seniority: firstMatch(seniorityRules, normalized) ?? 'individual_contributor',
    department: firstMatch(departmentRules, normalized) ?? 'other',
  }
}

function firstMatch<T>(rules: ReadonlyArray<readonly [T, RegExp]>, text: string): T | undefined {
  return rules.find(([, pattern]) => pattern.test(text))?.[0]
}
