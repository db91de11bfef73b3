import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { candidatesPerKey } from '../src/matching/blocking.ts'
import { createMemoryIndex } from '../src/matching/memory-index.ts'
import { createIdentity } from '../src/store/pg-identities.ts'
import { findCandidates, insertRecord } from '../src/store/pg-match-records.ts'
import { createDedupNamespace, type DedupNamespace, inTx, tag } from './support.ts'

let d: DedupNamespace
beforeAll(async () => {
  d = await createDedupNamespace('dk')
})
afterAll(() => d.ns.cleanup())

/** Files `n` records, each of a new identity, under the given keys, in Postgres and in memory. */
async function file(n: number, keys: string[], memory: ReturnType<typeof createMemoryIndex>) {
  for (let i = 0; i < n; i++) {
    await inTx(d.ns, async (tx) => {
      const identityId = randomUUID()
      const leadId = randomUUID()
      const at = new Date().toISOString()
      await createIdentity(tx, identityId, { leadId, at, fields: {}, intent: undefined, channel: 'import' })
      await insertRecord(tx, { leadId, identityId, record: { lastName: `r${i}` }, keys, at: new Date(at) })
    })
    memory.add({ lastName: `r${i}` }, keys)
  }
}

describe('candidate search in Postgres and in the evaluation index', () => {
  it('skips a crowded fuzzy key, keeps the newest records of a crowded identifier, the same way in both', async () => {
    const t = tag()
    const memory = createMemoryIndex()
    const fuzzy = `nm:crowded${t}`
    const identifier = `e:shared${t}@acme.com`
    const quiet = `nm:quiet${t}`
    await file(candidatesPerKey + 1, [fuzzy, identifier], memory)
    await file(3, [quiet, identifier], memory)
    const fromPg = await inTx(d.ns, (tx) => findCandidates(tx, [fuzzy, identifier, quiet]))
    const names = (list: { record: { lastName?: string } }[]) => list.map((c) => c.record.lastName).sort()
    expect(fromPg).toHaveLength(candidatesPerKey)
    expect(names(fromPg)).toEqual(names(memory.candidates([fuzzy, identifier, quiet])))
    expect(await inTx(d.ns, (tx) => findCandidates(tx, [fuzzy]))).toEqual([])
    expect(await inTx(d.ns, (tx) => findCandidates(tx, [quiet]))).toHaveLength(3)
  })
})
