/**
 * Employee bands as LinkedIn and most data vendors publish them. Providers spell them many ways
 * ('1001-5000', '1K-5K', '10,001+', '5000 - 10000'); they are read back to a lower bound so the
 * playbook's head-count rules (employees >= 500) can use a band when no count is known. The
 * lower bound never claims more people than the band promises.
 */
const standardBands: ReadonlyArray<readonly [number, string]> = [
  [10_001, '10001+'],
  [5_001, '5001-10000'],
  [1_001, '1001-5000'],
  [501, '501-1000'],
  [201, '201-500'],
  [51, '51-200'],
  [11, '11-50'],
  [1, '1-10'],
]

/** The standard band a head count falls in. */
export function bandOf(employees: number): string | undefined {
  return standardBands.find(([from]) => employees >= from)?.[1]
}

const bandPattern = /^(\d+(?:\.\d+)?)\s*(k|m)?\s*(?:\+|(?:-|–|to)\s*\d+(?:\.\d+)?\s*(?:k|m)?)?$/

/** The smallest head count a band allows ('1K-5K' -> 1000), or undefined when it is not a band. */
export function lowerBound(band: string): number | undefined {
  const match = bandPattern.exec(band.trim().toLowerCase().replaceAll(',', ''))
  if (!match) return undefined
  const scale = match[2] === 'k' ? 1_000 : match[2] === 'm' ? 1_000_000 : 1
  const value = Math.round(Number(match[1]) * scale)
  return value >= 1 ? value : undefined
}
