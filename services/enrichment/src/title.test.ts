import { describe, expect, it } from 'vitest'
import { classifyTitle, normalizeTitle } from './title.ts'

// Titles as people really type them on forms, with the seniority and department we expect.
const titles: ReadonlyArray<readonly [string, string, string]> = [
  ['VP of Sales', 'vp', 'sales'],
  ['Vice-President, Marketing', 'vp', 'marketing'],
  ['V.P. Sales', 'vp', 'sales'],
  ['SVP, Global Sales', 'vp', 'sales'],
  ['Vice President of Business Development', 'vp', 'sales'],
  ['Assistant Vice President', 'vp', 'other'],
  ['VP Eng', 'vp', 'engineering'],
  ['Head of Engineering', 'director', 'engineering'],
  ['Head of People', 'director', 'hr'],
  ['Head of Customer Success', 'director', 'support'],
  ['Sr. Director IT', 'director', 'it'],
  ['Dir. of Marketing', 'director', 'marketing'],
  ['Director, Product Management', 'director', 'product'],
  ['Deputy Director, Finance', 'director', 'finance'],
  ['Executive Director', 'director', 'executive'],
  ['General Manager', 'director', 'executive'],
  ['Chief of Staff', 'director', 'executive'],
  ['CTO', 'c_level', 'engineering'],
  ['C.E.O.', 'c_level', 'executive'],
  ['Chief Revenue Officer', 'c_level', 'sales'],
  ['Chief Marketing Officer', 'c_level', 'marketing'],
  ['Chief Operating Officer', 'c_level', 'operations'],
  ['Chief People Officer', 'c_level', 'hr'],
  ['Chief Product Officer', 'c_level', 'product'],
  ['Chief Information Security Officer', 'c_level', 'it'],
  ['CIO', 'c_level', 'it'],
  ['EVP & CFO', 'c_level', 'finance'],
  ['Interim CFO', 'c_level', 'finance'],
  ['Founder & CEO', 'c_level', 'executive'],
  ['Co-Founder', 'c_level', 'executive'],
  ['Co-founder and CTO', 'c_level', 'engineering'],
  ['President & CEO', 'c_level', 'executive'],
  ['Owner', 'c_level', 'executive'],
  ['Managing Director', 'c_level', 'executive'],
  ['Partner', 'c_level', 'executive'],
  ['General Counsel', 'c_level', 'legal'],
  ['Directeur Général', 'c_level', 'executive'],
  ['PDG', 'c_level', 'executive'],
  ['Geschäftsführer', 'c_level', 'executive'],
  ['Gerente General', 'c_level', 'executive'],
  ['Directeur Commercial', 'director', 'sales'],
  ['Director de Marketing', 'director', 'marketing'],
  ['Vertriebsleiter', 'director', 'sales'],
  ['Leiter Vertrieb', 'director', 'sales'],
  ['Gerente de Ventas', 'manager', 'sales'],
  ['Jefe de Compras', 'manager', 'operations'],
  ['Responsable Marketing', 'manager', 'marketing'],
  ['Marketing Manager', 'manager', 'marketing'],
  ['Product Marketing Manager', 'manager', 'marketing'],
  ['Senior Product Manager', 'manager', 'product'],
  ['Key Account Manager', 'manager', 'sales'],
  ['Customer Success Manager', 'manager', 'support'],
  ['IT Manager', 'manager', 'it'],
  ['Office Manager', 'manager', 'operations'],
  ['Mgr, Sales Ops', 'manager', 'operations'],
  ['RevOps Manager', 'manager', 'operations'],
  ['Team Lead, Engineering', 'manager', 'engineering'],
  ['Assistant Manager', 'manager', 'other'],
  ['SDR', 'individual_contributor', 'sales'],
  ['BDR', 'individual_contributor', 'sales'],
  ['Account Executive', 'individual_contributor', 'sales'],
  ['Senior Account Exec', 'individual_contributor', 'sales'],
  ['Enterprise AE', 'individual_contributor', 'sales'],
  ['Solutions Engineer', 'individual_contributor', 'sales'],
  ['Software Engineer II', 'individual_contributor', 'engineering'],
  ['Sr. Software Engineer', 'individual_contributor', 'engineering'],
  ['Principal Engineer', 'individual_contributor', 'engineering'],
  ['Founding Engineer', 'individual_contributor', 'engineering'],
  ['DevOps Engineer', 'individual_contributor', 'engineering'],
  ['Data Scientist', 'individual_contributor', 'engineering'],
  ['Ingénieur logiciel', 'individual_contributor', 'engineering'],
  ['Technical Support Engineer', 'individual_contributor', 'support'],
  ['IT Support Specialist', 'individual_contributor', 'it'],
  ['Database Administrator', 'individual_contributor', 'it'],
  ['UX Designer', 'individual_contributor', 'product'],
  ['Product Owner', 'individual_contributor', 'product'],
  ['Executive Assistant to the CEO', 'individual_contributor', 'executive'],
  ['Associate General Counsel', 'individual_contributor', 'legal'],
  ['Paralegal', 'individual_contributor', 'legal'],
  ['HR Business Partner', 'individual_contributor', 'hr'],
  ['Recruiter', 'individual_contributor', 'hr'],
  ['Staff Accountant', 'individual_contributor', 'finance'],
  ['Content Marketing Specialist', 'individual_contributor', 'marketing'],
  ['Procurement Specialist', 'individual_contributor', 'operations'],
  ['Consultant', 'individual_contributor', 'other'],
]

describe('classifyTitle', () => {
  it.each(titles)('reads %j as %s in %s', (title, seniority, department) => {
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
