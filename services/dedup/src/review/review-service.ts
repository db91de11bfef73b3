import { randomUUID } from 'node:crypto'
import { type DedupResult, encodeEvent, leadDeduplicatedV1 } from '@leadwire/contracts'
import { enqueueOutbox, LeadwireError, type Names, withSchemaTransaction } from '@leadwire/runtime'
import type pg from 'pg'
import { mergeIdentities, oldestIdentity, summarise } from '../store/pg-identities.ts'
import { storedResult } from '../store/pg-identity-leads.ts'
import {
  closeReview,
  currentIdentity,
  excludePair,
  getReview,
  listReviews,
  type ReviewRow,
  type ReviewStatus,
} from '../store/pg-reviews.ts'

export interface ReviewServiceDeps {
  readonly pool: pg.Pool
  readonly schema: string
  readonly names: Names
}

/**
 * What a reviewer can do with a possible match. Confirm folds the lead's provisional
 * identity into the candidate's (the older one survives, with its canonical lead and owner)
 * and publishes the lead again with the merged answer; split records that the two are
 * different people so they are never merged automatically, and the published answer stands.
 */
export function createReviewService(deps: ReviewServiceDeps) {
  const inTransaction = <T>(work: (tx: pg.PoolClient) => Promise<T>) =>
    withSchemaTransaction(deps.pool, deps.schema, work)

  async function pending(tx: pg.ClientBase, id: string): Promise<ReviewRow> {
    const review = await getReview(tx, id, true)
    if (!review) throw new LeadwireError('DEDUP_REVIEW_NOT_FOUND', `no review ${id}`, { statusCode: 404 })
    if (review.status !== 'pending') {
      throw new LeadwireError('DEDUP_REVIEW_DECIDED', `review ${id} was already ${review.status}`, {
        statusCode: 409,
      })
    }
    return review
  }

  return {
    list: (status: ReviewStatus, limit: number) => inTransaction((tx) => listReviews(tx, status, limit)),
    get: (id: string) => inTransaction((tx) => getReview(tx, id)),

    confirm: (id: string, by?: string) =>
      inTransaction(async (tx) => {
        const review = await pending(tx, id)
        const mine = await currentIdentity(tx, review.identity_id)
        const theirs = await currentIdentity(tx, review.candidate_identity_id)
        const survivor = mine === theirs ? mine : ((await oldestIdentity(tx, [mine, theirs])) ?? theirs)
        const absorbed = await mergeIdentities(
          tx,
          survivor,
          [mine, theirs].filter((x) => x !== survivor),
        )
        await closeReview(tx, id, 'confirmed', by)
        const result = await republish(tx, review, survivor, absorbed, by)
        return { review: await getReview(tx, id), dedup: result }
      }),

    split: (id: string, by?: string) =>
      inTransaction(async (tx) => {
        const review = await pending(tx, id)
        const mine = await currentIdentity(tx, review.identity_id)
        const theirs = await currentIdentity(tx, review.candidate_identity_id)
        if (mine !== theirs) await excludePair(tx, mine, theirs)
        await closeReview(tx, id, 'split', by)
        return { review: await getReview(tx, id) }
      }),
  }

  async function republish(
    tx: pg.ClientBase,
    review: ReviewRow,
    survivor: string,
    absorbed: string[],
    by?: string,
  ) {
    const before = await storedResult(tx, review.lead_id)
    const identity = await summarise(tx, survivor, absorbed)
    const dedup: DedupResult = {
      ...(before ?? { evidence: review.evidence, matchedOn: [] }),
      identityId: survivor,
      isDuplicate: true,
      duplicateOf: identity.canonicalLeadId,
      decision: 'merge',
      identity,
      review: {
        reviewId: review.id,
        status: 'confirmed',
        decidedAt: new Date().toISOString(),
        ...(by && { decidedBy: by }),
      },
    }
    await tx.query(`UPDATE identity_leads SET decision = 'merge', result = $2 WHERE lead_id = $1`, [
      review.lead_id,
      JSON.stringify(dedup),
    ])
    const record = encodeEvent(leadDeduplicatedV1, {
      id: randomUUID(),
      source: '/leadwire/dedup',
      key: review.lead_id,
      data: { ...review.event, dedup },
    })
    await enqueueOutbox(tx, deps.schema, [{ ...record, topic: deps.names.topic(leadDeduplicatedV1.topic) }])
    return dedup
  }
}

export type ReviewService = ReturnType<typeof createReviewService>
