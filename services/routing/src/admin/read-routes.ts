import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { fairness } from '../ledger.ts'
import { decisionsOf } from '../pg-decision-log.ts'
import { createPgLedgerStore } from '../pg-ledger-store.ts'
import type { AdminDeps } from './app.ts'
import { problem, zodIssues } from './problem.ts'

const leadParam = z.object({ leadId: z.uuid() })

export const readRoutes: FastifyPluginAsync<AdminDeps> = async (app, deps) => {
  app.get('/v1/leads/:leadId/decisions', async (req, reply) => {
    const params = leadParam.safeParse(req.params)
    if (!params.success)
      return problem(reply, 400, 'validation', 'expected a lead id', zodIssues(params.error))
    const decisions = await decisionsOf(deps.pool, deps.schema, params.data.leadId)
    if (decisions.length === 0) return problem(reply, 404, 'not-found', 'no routing decision for this lead')
    return { leadId: params.data.leadId, decisions }
  })

  app.get('/v1/fairness', async () => poolFairness(deps))
}

/** Per pool: each rep's share of the ledger against its weight, and the largest gap. */
export async function poolFairness(deps: Pick<AdminDeps, 'pool' | 'schema' | 'directory'>) {
  const [rows, directory] = await Promise.all([
    createPgLedgerStore().all(deps.pool, deps.schema),
    deps.directory.load(deps.pool),
  ])
  const pools = [...new Set(rows.map((r) => r.pool))]
  return pools.map((pool) => {
    const members = rows
      // Reps who left the pool or the company keep their rows, but are no longer part of its fairness.
      .filter(
        (r) => r.pool === pool && directory.reps.some((x) => x.id === r.repId && x.team === pool && x.active),
      )
      .map((r) => ({
        id: r.repId,
        credits: r.credits,
        weight: directory.reps.find((x) => x.id === r.repId)?.weight ?? 1,
      }))
    return { pool, ...fairness(members) }
  })
}
