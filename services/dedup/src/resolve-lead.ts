import { randomUUID } from 'node:crypto'
import type { DedupResult, Enrichment, LeadSnapshot } from '@leadwire/contracts'
import type pg from 'pg'
import { accountInput } from './accounts/match-account.ts'
import type { Submission } from './identity/profile.ts'
import { leadRawRecord } from './lead-record.ts'
import { blockingKeys } from './matching/blocking.ts'
import { type Decision, decide, type Thresholds } from './matching/decide.ts'
import type { ModelParams } from './matching/model.ts'
import { buildRecord, type RawRecord } from './matching/record.ts'
import { matchAccount } from './store/pg-accounts.ts'
import {
  createIdentity,
  excludedFrom,
  joinIdentity,
  mergeIdentities,
  oldestIdentity,
  summarise,
} from './store/pg-identities.ts'
import { recordLead, storedResult } from './store/pg-identity-leads.ts'
import { findCandidates, insertRecord, lockKeys } from './store/pg-match-records.ts'
import { createReview } from './store/pg-reviews.ts'

export interface ResolveDeps {
  /** The service's schema: part of every lock name, so namespaces never wait on each other. */
  readonly schema: string
  readonly params: () => ModelParams
  readonly thresholds: Thresholds
}

/**
 * Attaches a lead to a person inside the caller's transaction and returns what dedup
 * publishes about it. Locks first (see lockKeys), so the search sees every committed lead
 * that could be the same person and none that is still being decided.
 */
export async function resolveLead(
  db: pg.ClientBase,
  deps: ResolveDeps,
  lead: LeadSnapshot,
  enrichment: Enrichment,
): Promise<DedupResult> {
  const raw = leadRawRecord(lead, enrichment)
  const record = buildRecord(raw)
  const keys = blockingKeys(record)
  const account = accountInput({
    domain: record.domain,
    name: raw.company,
    country: raw.country,
    phone: raw.phone,
    postcode: raw.postcode,
  })
  const accountKey = account.domain ?? account.name
  await lockKeys(db, deps.schema, [
    ...keys,
    `lead:${lead.leadId}`,
    ...(accountKey ? [`acct:${accountKey}`] : []),
  ])
  const known = await storedResult(db, lead.leadId)
  if (known) return known
  const decision = decide(record, await findCandidates(db, keys), deps.params(), deps.thresholds)
  const s = submission(lead, raw)
  const { identityId, merged } = await applyDecision(db, decision, s)
  await insertRecord(db, { leadId: lead.leadId, identityId, record, keys, at: new Date(s.at) })
  const result = await describe(db, decision, identityId, merged)
  const accountMatch = await matchAccount(db, account, raw.company)
  const published: DedupResult = accountMatch ? { ...result, account: accountMatch } : result
  if (decision.outcome === 'review') {
    const review = await createReview(db, {
      leadId: lead.leadId,
      identityId,
      decision,
      event: { lead, enrichment },
    })
    published.review = { reviewId: review, status: 'pending' }
  }
  await recordLead(db, s, published)
  return published
}

async function applyDecision(
  db: pg.ClientBase,
  decision: Decision,
  s: Submission,
): Promise<{ identityId: string; merged: string[] }> {
  if (decision.outcome !== 'merge' || !decision.best) {
    const identityId = randomUUID()
    await createIdentity(db, identityId, s)
    return { identityId, merged: [] }
  }
  const best = decision.best.candidate.identityId
  const excluded = await excludedFrom(db, best)
  const others = decision.alsoMerge.filter((id) => !excluded.has(id))
  // A lead that is clearly two known identities' person shows they are one: keep the oldest.
  const oldest = (await oldestIdentity(db, [best, ...others])) ?? best
  const merged = await mergeIdentities(
    db,
    oldest,
    [best, ...others].filter((id) => id !== oldest),
  )
  return { identityId: await joinIdentity(db, oldest, s), merged }
}

async function describe(
  db: pg.ClientBase,
  decision: Decision,
  identityId: string,
  merged: string[],
): Promise<DedupResult> {
  const identity = await summarise(db, identityId, merged)
  const best = decision.best
  const isDuplicate = decision.outcome === 'merge'
  const result: DedupResult = {
    identityId,
    isDuplicate,
    matchedOn: isDuplicate && best ? [...best.score.exact].sort() : [],
    evidence: best ? best.score.evidence.map((e) => ({ ...e })) : [],
    decision: decision.outcome,
    identity,
  }
  if (isDuplicate) result.duplicateOf = identity.canonicalLeadId
  if (best) {
    result.matchWeight = best.score.weight
    result.matchProbability = round(best.score.probability)
    result.candidate = {
      identityId: best.candidate.identityId,
      leadId: best.candidate.leadId,
      matchProbability: round(best.score.probability),
    }
  }
  return result
}

function submission(lead: LeadSnapshot, raw: RawRecord): Submission {
  return {
    leadId: lead.leadId,
    at: new Date(lead.capturedAt).toISOString(),
    fields: { ...raw, title: lead.contact.title },
    intent: lead.source.intent,
    channel: lead.source.channel,
  }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6
