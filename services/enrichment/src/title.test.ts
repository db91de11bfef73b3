import { readFileSync } from 'node:fs'
import { departments, seniorities } from '@leadwire/contracts'
import { describe, expect, it } from 'vitest'
import { classifyTitle, normalizeTitle } from './title.ts'

// A few hundred real-world spellings, kept as data so RevOps can add the ones we misread.
const cases = readFileSync(new URL('./title-cases.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string, string])

describe('classifyTitle', () => {
  it('has a few hundred cases, each naming a real seniority and department', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300)
    for (const [title, seniority, department] of cases) {
      expect(seniorities, title).toContain(seniority)
      expect(departments, title).toContain(department)
    }
  })

  it.each(cases)('reads %j as %s in %s', (title, seniority, department) => {
    expect(classifyTitle(title)).toEqual({ seniority, department })
  })

  it.each(['', 'n/a', 'N/A', '-', 'none', 'x'])('says nothing for the placeholder %j', (title) => {
    expect(classifyTitle(title)).toBeUndefined()
  })
})

describe('normalizeTitle', () => {
  it('folds accents, dots, punctuation and abbreviations into padded words', () => {
    expect(normalizeTitle('Sr. Vice-Président, Mktg & Ops')).toBe(' senior vp marketing and operations ')
  })
})
