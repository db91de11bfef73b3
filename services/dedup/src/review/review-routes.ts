import { LeadwireError } from '@leadwire/runtime'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { guardApi } from '../http-guard.ts'
import type { ReviewRow } from '../store/pg-reviews.ts'
import type { ReviewService } from './review-service.ts'

export interface ReviewRoutesOptions {
  reviews: ReviewService
  /** Every review call must carry `Authorization: Bearer <token>`; unset, every call is refused. */
  token?: string | undefined
}

const idParams = z.object({ id: z.uuid() })
const decisionBody = z.object({ reviewer: z.string().trim().min(1).max(200).optional() }).default({})

/** The review queue: list possible matches, read one with its evidence, confirm or split it. */
export const reviewRoutes: FastifyPluginAsync<ReviewRoutesOptions> = async (root, opts) => {
  const app = root.withTypeProvider<ZodTypeProvider>()
  guardApi(app, opts.token)

  app.get(
    '/reviews',
    {
      schema: {
        querystring: z.object({
          status: z.enum(['pending', 'confirmed', 'split']).default('pending'),
          limit: z.coerce.number().int().min(1).max(500).default(50),
        }),
      },
    },
    async (req) => ({ reviews: (await opts.reviews.list(req.query.status, req.query.limit)).map(view) }),
  )

  app.get('/reviews/:id', { schema: { params: idParams } }, async (req) => {
    const review = await opts.reviews.get(req.params.id)
    if (!review)
      throw new LeadwireError('DEDUP_REVIEW_NOT_FOUND', `no review ${req.params.id}`, { statusCode: 404 })
    return view(review)
  })

  app.post('/reviews/:id/confirm', { schema: { params: idParams, body: decisionBody } }, async (req) => {
    const { review, dedup } = await opts.reviews.confirm(req.params.id, req.body.reviewer)
    return { review: review && view(review), dedup }
  })

  app.post('/reviews/:id/split', { schema: { params: idParams, body: decisionBody } }, async (req) => {
    const { review } = await opts.reviews.split(req.params.id, req.body.reviewer)
    return { review: review && view(review) }
  })
}

/** A review as the queue shows it: the two leads side by side, and why the model hesitated. */
function view(r: ReviewRow) {
  const { contact, company, source } = r.event.lead
  return {
    id: r.id,
    status: r.status,
    leadId: r.lead_id,
    identityId: r.identity_id,
    candidateIdentityId: r.candidate_identity_id,
    candidateLeadId: r.candidate_lead_id,
    matchProbability: r.match_probability,
    matchWeight: r.match_weight,
    evidence: r.evidence,
    lead: { contact, company: company.name, intent: source.intent },
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at?.toISOString(),
    decidedBy: r.decided_by ?? undefined,
  }
}
