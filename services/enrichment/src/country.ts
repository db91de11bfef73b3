import { isCountryCode } from './phone.ts'

// Country-code TLDs that are mostly sold as generic names (.io start-ups, .ai, .co, .me);
// their owners are rarely in that country, so they say nothing about where a company is.
const genericCcTlds = new Set(
  'ac ag ai am bz cc cd co cx dj fm gd gg im io la ly me ms nu sc sh so st tk to tv vc ws'.split(' '),
)

// The UK uses .uk while ISO 3166 says GB; .eu is not a country.
const tldAliases: Readonly<Record<string, string>> = { uk: 'GB' }

/** The country a domain's ccTLD points to ('acme.co.uk' -> 'GB'), or undefined. */
export function countryFromDomain(domain: string): string | undefined {
  const tld = domain.toLowerCase().split('.').pop() ?? ''
  if (tld.length !== 2 || genericCcTlds.has(tld)) return undefined
  const code = tldAliases[tld] ?? tld.toUpperCase()
  return isCountryCode(code) ? code : undefined
}
