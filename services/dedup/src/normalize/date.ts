/**
 * A calendar date as 'YYYYMMDD': '1971-06-24', '19710624', '24/06/1971' (day first, as
 * everywhere but the US), '1971-06-24T00:00:00Z'. Anything else is dropped rather than guessed.
 */
export function normalizeDate(raw: string): string | undefined {
  const text = raw.trim()
  const iso = /^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)/.exec(text)
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text)
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2]?.padStart(2, '0'), dayFirst[1]?.padStart(2, '0')]
      : []
  if (!y || !m || !d) return undefined
  // Febrl and form data carry slips such as month 13; keep them, the comparator forgives one.
  return /^\d{8}$/.test(`${y}${m}${d}`) ? `${y}${m}${d}` : undefined
}
