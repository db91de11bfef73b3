import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveLead } from '../src/resolve-lead.ts'
import { count, createDedupNamespace, type DedupNamespace, enrichedLead, inTx, tag } from './support.ts'

let d: DedupNamespace
beforeAll(async () => {
  d = await createDedupNamespace()
})
afterAll(() => d.ns.cleanup())

const resolve = (lead: ReturnType<typeof enrichedLead>) =>
  inTx(d.ns, (tx) => resolveLead(tx, d.deps, lead.lead, lead.enrichment))

describe('resolveLead on Postgres', () => {
  it('merges a returning lead into the first one, keeping the canonical lead and taking the new data and intent', async () => {
    const t = tag()
    const first = enrichedLead({
      contact: { firstName: 'Mia', lastName: 'Wong', email: `mia.wong.${t}@umbrella-${t}.com` },
      company: { name: 'Umbrella Corp' },
      capturedAt: '2025-03-01T10:00:00Z',
    })
    const a = await resolve(first)
    expect(a).toMatchObject({ decision: 'distinct', isDuplicate: false, matchedOn: [] })
    expect(a.account).toMatchObject({ matchedBy: 'new', domain: `umbrella-${t}.com` })

    const again = enrichedLead({
      contact: {
        firstName: 'Mia',
        lastName: 'Wong',
        email: `Mia.Wong.${t}+webinar@Umbrella-${t}.com`,
        title: 'VP Sales',
      },
      company: { name: 'Umbrella Corporation' },
      intent: 'demo_request',
      capturedAt: '2025-03-09T10:00:00Z',
      enrichment: { phoneE164: '+14155550142' },
    })
    const b = await resolve(again)
    expect(b).toMatchObject({
      decision: 'merge',
      isDuplicate: true,
      identityId: a.identityId,
      duplicateOf: first.lead.leadId,
    })
    expect(b.matchedOn).toEqual(['company', 'domain', 'email', 'firstName', 'lastName'])
    expect(b.matchProbability).toBeGreaterThan(0.99)
    expect(b.evidence.find((e) => e.field === 'email')).toMatchObject({ level: 'exact', comparator: 'exact' })
    expect(b.identity).toMatchObject({
      canonicalLeadId: first.lead.leadId,
      leadCount: 2,
      lastSeenAt: '2025-03-09T10:00:00.000Z',
    })
    expect(b.identity?.recentIntents.map((i) => i.intent)).toEqual(['demo_request', 'content_download'])
    expect(b.account).toMatchObject({ accountId: a.account?.accountId, matchedBy: 'domain' })
    const { rows } = await d.ns.pool.query(`SELECT profile FROM ${d.schema}.identities WHERE id = $1`, [
      a.identityId,
    ])
    expect(rows[0].profile.fields.phone.value).toBe('+14155550142')
    expect(rows[0].profile.fields.title.value).toBe('VP Sales')
  })

  it('holds a possible match for review: published with the candidate, the lead keeping its own identity', async () => {
    const t = tag()
    const robert = enrichedLead({
      contact: { firstName: 'Robert', lastName: `Kowalczyk${t}`, email: `rk${t}@initech.com` },
      company: { name: `Initech ${t}` },
    })
    const r = await resolve(robert)
    const bob = await resolve(
      enrichedLead({
        contact: { firstName: 'Bob', lastName: `Kowalczyk${t}` },
        company: { name: `Initech ${t} Software` },
      }),
    )
    expect(bob).toMatchObject({ decision: 'review', isDuplicate: false, review: { status: 'pending' } })
    expect(bob.identityId).not.toBe(r.identityId)
    expect(bob.candidate).toMatchObject({ identityId: r.identityId, leadId: robert.lead.leadId })
    expect(bob.evidence.find((e) => e.field === 'firstName')?.level).toBe('nickname')
    expect(bob.evidence.find((e) => e.field === 'company')?.level).toBe('containment1')
    expect(await count(d.ns, 'reviews', `id = '${bob.review?.reviewId}' AND status = 'pending'`)).toBe(1)
  })

  it('keeps a stranger who shares a first name and a company apart', async () => {
    const t = tag()
    const a = await resolve(
      enrichedLead({
        contact: { firstName: 'Ana', lastName: `Silva${t}` },
        company: { name: `Globex ${t}` },
      }),
    )
    const b = await resolve(
      enrichedLead({
        contact: { firstName: 'Ana', lastName: `Moreau${t}` },
        company: { name: `Globex ${t}` },
      }),
    )
    expect(b.decision).toBe('distinct')
    expect(b.identityId).not.toBe(a.identityId)
  })

  it('answers the same lead the same way twice and changes nothing the second time', async () => {
    const lead = enrichedLead({ contact: { email: `once-${tag()}@acme.com` } })
    const first = await resolve(lead)
    const before = await count(d.ns, 'identities')
    expect(await resolve(lead)).toEqual(first)
    expect(await count(d.ns, 'identities')).toBe(before)
  })

  it('folds two known identities into the older when a lead is clearly both', async () => {
    const t = tag()
    const byEmail = await resolve(
      enrichedLead({ contact: { email: `kim.${t}@hooli.com` }, capturedAt: '2025-01-01T00:00:00Z' }),
    )
    const byPhone = await resolve(
      enrichedLead({
        contact: { firstName: 'Kim' },
        enrichment: { phoneE164: `+1415555${t.replace(/\D/g, '').padEnd(4, '7').slice(0, 4)}` },
      }),
    )
    expect(byPhone.identityId).not.toBe(byEmail.identityId)
    const phone = `+1415555${t.replace(/\D/g, '').padEnd(4, '7').slice(0, 4)}`
    const both = await resolve(
      enrichedLead({ contact: { email: `kim.${t}@hooli.com` }, enrichment: { phoneE164: phone } }),
    )
    expect(both).toMatchObject({ identityId: byEmail.identityId, decision: 'merge' })
    expect(both.identity?.mergedIdentityIds).toEqual([byPhone.identityId])
    expect(both.identity?.leadCount).toBe(3)
    const { rows } = await d.ns.pool.query(`SELECT merged_into FROM ${d.schema}.identities WHERE id = $1`, [
      byPhone.identityId,
    ])
    expect(rows[0].merged_into).toBe(byEmail.identityId)
  })
})
