import { ident } from '@leadwire/runtime'
import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type pg from 'pg'
import { z } from 'zod'
import { guardApi } from '../http-guard.ts'
import { normalizeDomain } from '../normalize/domain.ts'
import { upsertCrmAccount } from '../store/pg-accounts.ts'
import { accountInput } from './match-account.ts'

export interface AccountRoutesOptions {
  pool: pg.Pool
  schema: string
  token?: string | undefined
}

const crmAccount = z.object({
  crmId: z.string().trim().min(1).max(200),
  name: z.string().trim().min(1).max(200),
  domains: z.array(z.string().trim().min(1).max(253)).max(50).default([]),
  country: z.string().length(2).optional(),
  phone: z.string().max(40).optional(),
  postcode: z.string().max(20).optional(),
  ownerRepId: z.string().min(1).max(64).optional(),
})

/** POST /accounts: the CRM's accounts, created or updated by CRM id, so leads reach their owners. */
export const accountRoutes: FastifyPluginAsync<AccountRoutesOptions> = async (root, opts) => {
  const app = root.withTypeProvider<ZodTypeProvider>()
  guardApi(app, opts.token)
  app.post('/accounts', { schema: { body: crmAccount } }, async (req, reply) => {
    const body = req.body
    const domains = body.domains.map(normalizeDomain).filter((d): d is string => Boolean(d))
    const input = accountInput({
      name: body.name,
      country: body.country,
      phone: body.phone,
      postcode: body.postcode,
    })
    const client = await opts.pool.connect()
    try {
      await client.query(`BEGIN; SET LOCAL search_path TO ${ident(opts.schema)}`)
      const id = await upsertCrmAccount(
        client,
        { ...input, crmId: body.crmId, ownerRepId: body.ownerRepId },
        body.name,
        domains,
      )
      await client.query('COMMIT')
      return reply.code(200).send({ accountId: id, crmId: body.crmId, domains })
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  })
}
