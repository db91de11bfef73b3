import { timingSafeEqual } from 'node:crypto'
import { isTimeZone } from '@leadwire/playbook'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type pg from 'pg'
import { z } from 'zod'
import { slaStats, statsDimensions } from './stats.ts'

export interface StatsApiOptions {
  pool: pg.Pool
  schema: string
  /** hour_of_week is read in this zone unless the caller names one (the playbook's). */
  timezone: string
  clock: () => Date
  /**
   * Every call needs `Authorization: Bearer <token>`: the figures name reps and how fast each
   * one is. Without a token the API refuses every call (as dedup's review API and routing's
   * admin API do).
   */
  token: string | undefined
}

const DAY = 86_400_000

const query = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  by: z.enum(statsDimensions).default('all'),
  timezone: z.string().optional(),
})

/**
 * GET /v1/sla/stats?from&to&by=segment|rep|team|hour_of_week&timezone: speed-to-lead median
 * and p90 (calendar and business), compliance and breach counts over a window of routing
 * times (default the last 7 days), from the watchdog's own tables.
 */
export const statsApi: FastifyPluginAsync<StatsApiOptions> = async (app, opts) => {
  const expected = opts.token === undefined ? undefined : Buffer.from(`Bearer ${opts.token}`)
  app.addHook('onRequest', async (req, reply) => {
    if (!expected) {
      return reply.code(401).type('application/problem+json').send({
        type: 'https://leadwire.dev/problems/unauthorized',
        title: 'Unauthorized',
        status: 401,
        detail: 'the SLA stats API is off until SLA_STATS_TOKEN is set',
      })
    }
    const given = Buffer.from(req.headers.authorization ?? '')
    // Constant-time compare: the token must not leak through response timing.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.code(401).type('application/problem+json').send({
        type: 'https://leadwire.dev/problems/unauthorized',
        title: 'Unauthorized',
        status: 401,
        detail: 'a valid bearer token is required',
      })
    }
  })
  app.get('/v1/sla/stats', async (req, reply) => {
    const parsed = query.safeParse(req.query)
    if (!parsed.success) {
      return badQuery(
        reply,
        parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      )
    }
    const now = opts.clock()
    const to = parsed.data.to ? new Date(parsed.data.to) : now
    const from = parsed.data.from ? new Date(parsed.data.from) : new Date(to.getTime() - 7 * DAY)
    const timezone = parsed.data.timezone ?? opts.timezone
    if (!isTimeZone(timezone)) return badQuery(reply, [`timezone: ${timezone} is not an IANA time zone`])
    if (from >= to) return badQuery(reply, ['from: must be before to'])
    const groups = await slaStats(opts.pool, opts.schema, { from, to, by: parsed.data.by, timezone, now })
    return {
      window: { from: from.toISOString(), to: to.toISOString() },
      by: parsed.data.by,
      timezone,
      groups,
    }
  })
}

/** RFC 9457 problem details naming each bad query parameter. */
function badQuery(reply: FastifyReply, errors: string[]) {
  return reply
    .code(400)
    .type('application/problem+json')
    .send({
      type: 'https://leadwire.dev/problems/invalid-query',
      title: 'Invalid query',
      status: 400,
      detail: errors.join('; '),
      errors,
    })
}
