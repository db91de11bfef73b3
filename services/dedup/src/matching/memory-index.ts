import { candidatesPerKey, isIdentifierKey } from './blocking.ts'
import type { Candidate } from './decide.ts'
import type { MatchRecord } from './record.ts'

/**
 * The candidate index of the Postgres store, in memory, with the same semantics (see
 * candidatesPerKey): an identifier key returns its newest records, a crowded fuzzy key none.
 * The evaluation runs on it, so it measures the same blocking the service does without a
 * database round trip per record.
 */
export function createMemoryIndex(perKey = candidatesPerKey) {
  const byKey = new Map<string, number[]>()
  const records: { record: MatchRecord; identity: number }[] = []
  // Identities merge (a lead that matches two), so records point at a union-find parent.
  const parent: number[] = []
  const find = (x: number): number => {
    let root = x
    while (parent[root] !== root) root = parent[root] as number
    while (parent[x] !== root) [x, parent[x]] = [parent[x] as number, root]
    return root
  }
  return {
    candidates(keys: readonly string[]): Candidate[] {
      const ids = new Set<number>()
      for (const key of keys) {
        const list = byKey.get(key) ?? []
        if (list.length > perKey && !isIdentifierKey(key)) continue
        for (const id of list.slice(-perKey)) ids.add(id)
      }
      return [...ids].map((id) => {
        const r = records[id] as { record: MatchRecord; identity: number }
        return {
          recordId: String(id),
          leadId: String(id),
          identityId: String(find(r.identity)),
          record: r.record,
        }
      })
    },
    /** Files a record under its keys; identity undefined starts a new one. */
    add(record: MatchRecord, keys: readonly string[], identity?: string): number {
      const id = records.length
      parent.push(id)
      records.push({ record, identity: identity === undefined ? id : Number(identity) })
      for (const key of keys) {
        const list = byKey.get(key) ?? []
        list.push(id)
        byKey.set(key, list)
      }
      return id
    },
    merge(into: string, from: string): void {
      parent[find(Number(from))] = find(Number(into))
    },
    identityOf(id: number): number {
      return find((records[id] as { identity: number }).identity)
    },
    size: () => records.length,
  }
}

export type MemoryIndex = ReturnType<typeof createMemoryIndex>
