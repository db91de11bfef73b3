import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { rep, team } from '../directory-schema.ts'
import type { AdminDeps } from './app.ts'
import { problem, zodIssues } from './problem.ts'

type Item = { id?: unknown }
const idParam = z.object({ id: z.string().min(1).max(64) })
const replace = z.object({ teams: z.array(z.unknown()), reps: z.array(z.unknown()) })

/** Upsert keeps an item's place in the list (its rotation tie-break); a new one goes last. */
const upsert = (items: unknown[], item: Item) => {
  const i = items.findIndex((x) => (x as Item).id === item.id)
  return i < 0 ? [...items, item] : items.map((x, j) => (j === i ? item : x))
}
const without = (items: unknown[], id: string) => items.filter((x) => (x as Item).id !== id)

export const directoryRoutes: FastifyPluginAsync<AdminDeps> = async (app, deps) => {
  const { directory, pool, playbook } = deps
  app.get('/v1/directory', async () => directory.load(pool))

  app.put('/v1/directory', async (req, reply) => {
    const body = replace.safeParse(req.body)
    if (!body.success)
      return problem(reply, 422, 'validation', 'expected { teams, reps }', zodIssues(body.error))
    return directory.update(pool, playbook, () => body.data)
  })

  for (const [kind, schema, key] of [
    ['reps', rep, 'reps'],
    ['teams', team, 'teams'],
  ] as const) {
    app.put(`/v1/directory/${kind}/:id`, async (req, reply) => {
      const { id } = idParam.parse(req.params)
      const parsed = schema.safeParse({ ...(req.body as object), id })
      if (!parsed.success) {
        return problem(reply, 422, 'validation', `invalid ${kind.slice(0, -1)}`, zodIssues(parsed.error))
      }
      const next = await directory.update(pool, playbook, (d) => ({
        ...d,
        [key]: upsert(d[key], parsed.data),
      }))
      return next[key].find((x) => x.id === id)
    })

    app.delete(`/v1/directory/${kind}/:id`, async (req, reply) => {
      const { id } = idParam.parse(req.params)
      const current = await directory.load(pool)
      if (!current[key].some((x) => x.id === id)) {
        return problem(reply, 404, 'not-found', `no ${kind.slice(0, -1)} '${id}'`)
      }
      await directory.update(pool, playbook, (d) => ({ ...d, [key]: without(d[key], id) }))
      return reply.code(204).send()
    })
  }
}
