import type { LeadDeduplicatedV1 } from '@leadwire/contracts'
import { createMetrics } from '@leadwire/runtime'
import { takeOutbox } from '@leadwire/stack/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDedupApp } from '../src/app.ts'
import { resolveLead } from '../src/resolve-lead.ts'
import { createReviewService } from '../src/review/review-service.ts'
import { count, createDedupNamespace, type DedupNamespace, enrichedLead, inTx, tag } from './support.ts'

let d: DedupNamespace
let app: ReturnType<typeof buildDedupApp>
const token = 'review-token-0123456789'

beforeAll(async () => {
  d = await createDedupNamespace('dv')
  const reviews = createReviewService({ pool: d.ns.pool, schema: d.schema, names: d.ns.names })
  app = buildDedupApp({
    log: d.ns.log,
    ops: { registry: createMetrics('dedup').registry, checks: {} },
    reviews: { reviews, token },
    accounts: { pool: d.ns.pool, schema: d.schema, token },
  })
  await app.ready()
})
afterAll(async () => {
  await app?.close()
  await d.ns.cleanup()
})

const auth = { authorization: `Bearer ${token}` }
const resolve = (lead: ReturnType<typeof enrichedLead>) =>
  inTx(d.ns, (tx) => resolveLead(tx, d.deps, lead.lead, lead.enrichment))

/** Robert, then Bob at what may be the same company: a possible match, held for review. */
async function possibleMatch() {
  const t = tag()
  const robert = await resolve(
    enrichedLead({
      contact: { firstName: 'Robert', lastName: `Lindqvist${t}`, email: `rl${t}@vandelay.com` },
      company: { name: `Vandelay ${t}` },
    }),
  )
  const bob = await resolve(
    enrichedLead({
      contact: { firstName: 'Bob', lastName: `Lindqvist${t}` },
      company: { name: `Vandelay ${t} Imports` },
      intent: 'pricing',
    }),
  )
  expect(bob.decision).toBe('review')
  await takeOutbox(d.ns, 'dedup')
  return { robert, bob, reviewId: bob.review?.reviewId as string }
}

describe('review API on the ops port', () => {
  it('lists pending possible matches with both leads and the evidence', async () => {
    const { bob, reviewId } = await possibleMatch()
    const res = await app.inject({ method: 'GET', url: '/reviews?status=pending&limit=500', headers: auth })
    expect(res.statusCode).toBe(200)
    const listed = res.json().reviews.find((r: { id: string }) => r.id === reviewId)
    expect(listed).toMatchObject({
      status: 'pending',
      identityId: bob.identityId,
      lead: { intent: 'pricing' },
    })
    expect(listed.evidence.map((e: { field: string }) => e.field)).toContain('firstName')
  })

  it('confirms: folds the lead into the older identity and publishes the lead again as merged', async () => {
    const { robert, bob, reviewId } = await possibleMatch()
    const res = await app.inject({
      method: 'POST',
      url: `/reviews/${reviewId}/confirm`,
      headers: auth,
      payload: { reviewer: 'ops@acme' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().review).toMatchObject({ status: 'confirmed', decidedBy: 'ops@acme' })
    const [event] = await takeOutbox(d.ns, 'dedup')
    const dedup = (event!.data as LeadDeduplicatedV1).dedup
    expect(dedup).toMatchObject({
      identityId: robert.identityId,
      isDuplicate: true,
      decision: 'merge',
      review: { status: 'confirmed' },
    })
    expect(dedup.identity?.mergedIdentityIds).toEqual([bob.identityId])
    expect(dedup.identity?.recentIntents[0]?.intent).toBe('pricing')
    const again = await app.inject({
      method: 'POST',
      url: `/reviews/${reviewId}/confirm`,
      headers: auth,
      payload: {},
    })
    expect([again.statusCode, again.json().code]).toEqual([409, 'DEDUP_REVIEW_DECIDED'])
  })

  it('splits: keeps the two people apart and never merges them automatically afterwards', async () => {
    const { robert, bob, reviewId } = await possibleMatch()
    const res = await app.inject({
      method: 'POST',
      url: `/reviews/${reviewId}/split`,
      headers: auth,
      payload: {},
    })
    expect([res.statusCode, res.json().review.status]).toEqual([200, 'split'])
    expect(await takeOutbox(d.ns, 'dedup')).toEqual([])
    expect(
      await count(
        d.ns,
        'identity_exclusions',
        `identity_id = '${bob.identityId}' AND other_identity_id = '${robert.identityId}'`,
      ),
    ).toBe(1)
  })

  it('refuses calls without the token, unknown reviews and malformed ids', async () => {
    expect((await app.inject({ method: 'GET', url: '/reviews' })).statusCode).toBe(401)
    const missing = await app.inject({
      method: 'POST',
      url: `/reviews/${crypto.randomUUID()}/split`,
      headers: auth,
      payload: {},
    })
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'DEDUP_REVIEW_NOT_FOUND'])
    expect((await app.inject({ method: 'GET', url: '/reviews/not-a-uuid', headers: auth })).statusCode).toBe(
      400,
    )
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200)
  })

  it('imports a CRM account whose owner later leads from its domain carry', async () => {
    const t = tag()
    const res = await app.inject({
      method: 'POST',
      url: '/accounts',
      headers: auth,
      payload: {
        crmId: `sf-${t}`,
        name: `Pied Piper ${t}`,
        domains: [`https://www.piedpiper-${t}.com`],
        ownerRepId: 'rep_42',
      },
    })
    expect(res.statusCode).toBe(200)
    const lead = await resolve(enrichedLead({ contact: { email: `richard@piedpiper-${t}.com` } }))
    expect(lead.account).toMatchObject({
      accountId: res.json().accountId,
      matchedBy: 'domain',
      ownerRepId: 'rep_42',
    })
  })
})
