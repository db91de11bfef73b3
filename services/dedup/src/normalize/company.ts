import { wordsOf } from './text.ts'

// Legal forms across the markets leads come from; dropped from the end of a name only, so
// 'Company Store' keeps its first word.
const legalSuffixes = new Set(
  'inc incorporated llc llp lllp pllc lp ltd limited plc corp corporation co company gmbh mbh ag kg ug se sa sas sarl sl srl spa bv nv ab as asa oy oyj aps pty pte kk ltda lda sae cv sro sp zoo kft ohg ek'.split(
    ' ',
  ),
)

// Multi-letter forms that lose their dots and spaces ('S. A. de C. V.', 'Sp. z o.o.').
const legalPhrases: readonly RegExp[] = [/\bs\s?a\s?de\s?c\s?v$/, /\bsp\s?z\s?o\s?o$/, /\bs\s?r\s?o$/]

// Abbreviations written both ways in the same CRM.
const abbreviations: Readonly<Record<string, string>> = {
  intl: 'international',
  int: 'international',
  univ: 'university',
  uni: 'university',
  inst: 'institute',
  dept: 'department',
  natl: 'national',
  assoc: 'associates',
  bros: 'brothers',
  mfg: 'manufacturing',
  svcs: 'services',
  svc: 'services',
  sys: 'systems',
  tech: 'technology',
  technologies: 'technology',
  labs: 'laboratories',
  lab: 'laboratory',
  ctr: 'center',
  centre: 'center',
  grp: 'group',
  hldgs: 'holdings',
  mgmt: 'management',
  dev: 'development',
  res: 'research',
  sci: 'science',
  amer: 'america',
  usa: 'us',
}

/** Words that say nothing about which organisation it is, for token comparisons. */
export const companyStopWords: ReadonlySet<string> = new Set(
  'the of and for at in de der des di du la le el und et y a an'.split(' '),
)

/**
 * Folded words of a company name with 'The', legal forms and a web suffix removed and common
 * abbreviations spelled out: 'The Acme Intl. Co., Ltd.' -> ['acme', 'international'].
 */
export function companyWords(name: string): string[] {
  let text = name.replace(/&/g, ' and ').replace(/\.(com|net|org|io|ai|co)\b/gi, ' ')
  // Dots inside initialisms go ('L.L.C.' -> 'LLC'); any other dot separates words ('Univ.of').
  text = text.replace(/\b([a-z])\./gi, '$1').replace(/\./g, ' ')
  let words = wordsOf(text).map((w) => abbreviations[w] ?? w)
  let joined = words.join(' ')
  for (const phrase of legalPhrases) joined = joined.replace(phrase, '').trim()
  words = joined.split(' ').filter(Boolean)
  if (words[0] === 'the' && words.length > 1) words.shift()
  while (words.length > 1 && legalSuffixes.has(words[words.length - 1] ?? '')) words.pop()
  return words
}

/** 'The Acme Company, Inc.' -> 'acme'; 'Müller & Söhne GmbH' -> 'muller and sohne'. */
export function normalizeCompanyName(name: string): string | undefined {
  const words = companyWords(name)
  return words.length ? words.join(' ') : undefined
}

/** The distinct words that identify the organisation, for overlap comparisons and blocking. */
export function companyTokens(normalized: string): string[] {
  return [...new Set(normalized.split(' ').filter((w) => w && !companyStopWords.has(w)))]
}
