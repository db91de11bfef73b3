import type { LeadEvent } from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { createRedis, ident } from '@leadwire/runtime'
import { createTestNamespace, takeOutbox } from '@leadwire/stack/testing'
import type pg from 'pg'
import { createRoutingSubscriptions } from '../src/consumer.ts'
import type { Directory } from '../src/directory.ts'
import { createPgAssignmentStore } from '../src/pg-assignment-store.ts'
import { createRedisCursors } from '../src/redis-cursors.ts'
import { createRouter } from '../src/route.ts'
import { IN_HOURS, seedDirectory, seedPlaybook } from '../src/test-builders.ts'

/**
 * A namespace of this test's own (schema `<ns>_routing`, Redis keys `leadwire:<ns>:*`) with
 * the migrations applied; `cleanup` drops both.
 */
export async function routingFixture() {
  const ns = await createTestNamespace('rt')
  await ns.migrate()
  const redis = createRedis(ns.config, ns.log)
  const [playbook, directory] = await Promise.all([seedPlaybook(), seedDirectory()])
  return {
    ns,
    redis,
    schema: ns.names.schema('routing'),
    playbook,
    directory,
    assignments: createPgAssignmentStore(),
    cursors: createRedisCursors(redis, ns.names),
    async cleanup() {
      await redis.quit()
      // Drops the schemas and deletes every key under the namespace, cursors included.
      await ns.cleanup()
    },
  }
}

export type RoutingFixture = Awaited<ReturnType<typeof routingFixture>>

/** The service's subscriptions over the fixture's real Postgres and Redis, at a fixed time. */
export function subscriptionsFor(
  fx: RoutingFixture,
  over: { directory?: Directory; playbook?: Playbook } = {},
) {
  const clock = () => IN_HOURS
  const { assignments, cursors } = fx
  const playbook = over.playbook ?? fx.playbook
  const directory = over.directory ?? fx.directory
  const router = createRouter({ playbook, directory, assignments, cursors, clock })
  return createRoutingSubscriptions({ router, assignments, clock })
}

/** What routing has emitted since the last call, decoded from its outbox. */
export const emitted = (fx: RoutingFixture): Promise<LeadEvent<unknown>[]> => takeOutbox(fx.ns, 'routing')

/** A transaction in routing's schema, as the runtime opens one for a handler. */
export async function inTransaction<T>(
  fx: RoutingFixture,
  fn: (tx: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const tx = await fx.ns.pool.connect()
  try {
    await tx.query(`BEGIN; SET LOCAL search_path TO ${ident(fx.schema)}`)
    const result = await fn(tx)
    await tx.query('COMMIT')
    return result
  } catch (err) {
    await tx.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    tx.release()
  }
}
