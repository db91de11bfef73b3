import {
  type AccountCandidate,
  type AccountInput,
  accountSearchThreshold,
  pickAccount,
} from './match-account.ts'
import { trigrams } from './trigram.ts'

/**
 * The account store's search in memory, for the evaluation: domain lookup, then every account
 * whose name reaches the trigram cut-off (what `%` returns from the GIN index), best ten.
 * Similarity is counted from a trigram inverted index: shared / (|A| + |B| - shared), the
 * same figure trigramSimilarity and pg_trgm give.
 */
export function createMemoryAccounts() {
  const accounts: (AccountInput & { id: string; size: number })[] = []
  const byDomain = new Map<string, string>()
  const byTrigram = new Map<string, number[]>()
  return {
    /** Links the input to an account, creating one when none matches; returns its id. */
    resolve(input: AccountInput): string {
      if (input.domain && byDomain.has(input.domain)) return byDomain.get(input.domain) as string
      const picked = input.name ? pickAccount(input, search(input.name)) : undefined
      const id = picked?.candidate.id ?? String(accounts.length)
      if (!picked) {
        const grams = trigrams(input.name ?? '')
        accounts.push({ ...input, id, size: grams.size })
        for (const t of grams) byTrigram.set(t, [...(byTrigram.get(t) ?? []), accounts.length - 1])
      }
      if (input.domain) byDomain.set(input.domain, id)
      return id
    },
  }

  function search(name: string): AccountCandidate[] {
    const grams = trigrams(name)
    const shared = new Map<number, number>()
    for (const t of grams) for (const i of byTrigram.get(t) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1)
    const found: AccountCandidate[] = []
    for (const [i, n] of shared) {
      const account = accounts[i] as AccountInput & { id: string; size: number }
      const similarity = n / (grams.size + account.size - n)
      if (similarity >= accountSearchThreshold)
        found.push({ ...account, normalizedName: account.name, similarity })
    }
    return found.sort((a, b) => b.similarity - a.similarity).slice(0, 10)
  }
}
