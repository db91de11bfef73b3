import { doubleMetaphone } from 'double-metaphone'
import { distance } from 'fastest-levenshtein'

/** Jaro similarity in [0, 1]: shared characters within a window, penalised for transpositions. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length ? 1 : 0
  if (!a.length || !b.length) return 0
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1)
  const aFlags = new Uint8Array(a.length)
  const bFlags = new Uint8Array(b.length)
  let matches = 0
  for (let i = 0; i < a.length; i++) {
    const end = Math.min(i + window + 1, b.length)
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (bFlags[j] || a[i] !== b[j]) continue
      aFlags[i] = 1
      bFlags[j] = 1
      matches++
      break
    }
  }
  if (!matches) return 0
  let k = 0
  let halfTranspositions = 0
  for (let i = 0; i < a.length; i++) {
    if (!aFlags[i]) continue
    while (!bFlags[k]) k++
    if (a[i] !== b[k]) halfTranspositions++
    k++
  }
  const m = matches
  return (m / a.length + m / b.length + (m - halfTranspositions / 2) / m) / 3
}

/** Jaro-Winkler: Jaro boosted by a shared prefix of up to four characters (p = 0.1). */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b)
  let prefix = 0
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  return j + prefix * 0.1 * (1 - j)
}

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  return distance(a, b)
}

/** |A ∩ B| / |A ∪ B| over two token sets; 0 when both are empty. */
export function tokenJaccard(a: readonly string[], b: readonly string[]): number {
  const setB = new Set(b)
  const shared = new Set(a.filter((t) => setB.has(t))).size
  const union = new Set([...a, ...b]).size
  return union ? shared / union : 0
}

/** |A ∩ B| / min(|A|, |B|): 1 when one name's words are all in the other ('Acme' in 'Acme Labs'). */
export function tokenContainment(a: readonly string[], b: readonly string[]): number {
  const setB = new Set(b)
  const shared = new Set(a.filter((t) => setB.has(t))).size
  const smaller = Math.min(new Set(a).size, setB.size)
  return smaller ? shared / smaller : 0
}

/** Double Metaphone primary code ('' for no letters): 'Smith' and 'Smyth' both give 'SM0'. */
export function phoneticCode(word: string): string {
  return word ? doubleMetaphone(word)[0] : ''
}

/** True when any Double Metaphone code of one word equals one of the other's. */
export function soundsAlike(a: string, b: string): boolean {
  if (!a || !b) return false
  const [a1, a2] = doubleMetaphone(a)
  const [b1, b2] = doubleMetaphone(b)
  return a1 === b1 || a1 === b2 || a2 === b1 || (a2 !== '' && a2 === b2)
}
