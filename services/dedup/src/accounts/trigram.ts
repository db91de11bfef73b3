/**
 * pg_trgm's trigrams and similarity, reproduced so the evaluation scores names exactly as the
 * database's trigram index does: each word (letters and digits) padded with two spaces in
 * front and one behind, cut into three-letter windows; similarity is shared / distinct.
 */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>()
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (!word) continue
    const padded = `  ${word} `
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3))
  }
  return out
}

export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a)
  const y = trigrams(b)
  let shared = 0
  for (const t of x) if (y.has(t)) shared++
  const union = x.size + y.size - shared
  return union ? shared / union : 0
}
