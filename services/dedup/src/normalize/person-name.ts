import { wordsOf } from './text.ts'

// Words that decorate a name without identifying the person.
const honorifics = new Set('mr mrs ms miss mx dr prof sir dame rev fr'.split(' '))
const generational = new Set('jr sr ii iii iv phd md esq mba'.split(' '))

/** "Dr. O'Brien-Núñez Jr." -> 'obriennunez': one comparable token, spaces and marks dropped. */
export function normalizePersonName(name: string): string | undefined {
  const words = wordsOf(name).filter((w) => !honorifics.has(w) && !generational.has(w))
  const joined = words.join('')
  return joined || undefined
}

/** 'Mary-Ann' -> 'maryann' but 'John Paul' -> 'john': the given name a person goes by first. */
export function normalizeGivenName(name: string): string | undefined {
  const hyphenated = name.includes('-')
  const words = wordsOf(name).filter((w) => !honorifics.has(w) && !generational.has(w))
  if (!words.length) return undefined
  return hyphenated ? words.join('') : words[0]
}

/**
 * Splits a full name when a form has one field: 'Jane Q. Doe' -> { first: 'jane', last: 'doe' };
 * 'Doe, Jane' -> the same.
 */
export function splitFullName(full: string): { first?: string; last?: string } {
  const [before, after] = full.split(',', 2)
  const ordered = after !== undefined ? `${after} ${before}` : full
  const words = wordsOf(ordered).filter((w) => !honorifics.has(w) && !generational.has(w))
  if (words.length === 0) return {}
  if (words.length === 1) return { first: words[0] }
  return { first: words[0], last: words[words.length - 1] }
}
