import type { LeadEvent, LeadRoutedV1 } from '@leadwire/contracts'
import type { Playbook } from '@leadwire/playbook'
import { withSchemaTransaction } from '@leadwire/runtime'
import { createTestNamespace, takeOutbox } from '@leadwire/stack/testing'
import type pg from 'pg'
import { buildAdminApp } from '../src/admin/app.ts'
import { createRoutingSubscriptions } from '../src/consumer.ts'
import type { Directory } from '../src/directory.ts'
import { createPgAssignmentStore } from '../src/pg-assignment-store.ts'
import { createPgDirectoryStore } from '../src/pg-directory-store.ts'
import { createPgLedgerStore } from '../src/pg-ledger-store.ts'
import { createRouter } from '../src/route.ts'
import { IN_HOURS, seedDirectory, seedPlaybook } from '../src/test-builders.ts'

/**
 * A namespace of this test's own (schema `<ns>_routing`, Redis keys `leadwire:<ns>:*`) with
 * the migrations applied; `cleanup` drops both.
 */
export async function routingFixture() {
  const ns = await createTestNamespace('rt')
  await ns.migrate()
  const [playbook, directory] = await Promise.all([seedPlaybook(), seedDirectory()])
  const schema = ns.names.schema('routing')
  const directoryStore = createPgDirectoryStore(schema)
  await directoryStore.seed(ns.pool, playbook, directory)
  return {
    ns,
    schema,
    playbook,
    directory,
    directoryStore,
    assignments: createPgAssignmentStore(),
    ledger: createPgLedgerStore(),
    /** Drops the namespace's schemas (and any Redis keys under it). */
    cleanup: () => ns.cleanup(),
  }
}

export type RoutingFixture = Awaited<ReturnType<typeof routingFixture>>

/** A routing fixture with the admin API built on it behind `token`; `close` ends both. */
export async function adminFixture(token: string) {
  const fx = await routingFixture()
  const { ns, schema, playbook, directoryStore: directory } = fx
  const app = buildAdminApp({ token, pool: ns.pool, schema, playbook, directory, log: ns.log })
  return {
    fx,
    app,
    async close() {
      await app.close()
      await fx.cleanup()
    },
  }
}

export type AdminFixture = Awaited<ReturnType<typeof adminFixture>>

/**
 * The service's subscriptions over the fixture's real Postgres, at a fixed time. The directory
 * is the seeded one in routing's schema unless a test hands in its own.
 */
export function subscriptionsFor(
  fx: RoutingFixture,
  over: { directory?: Directory; playbook?: Playbook; clock?: () => Date } = {},
) {
  const clock = over.clock ?? (() => IN_HOURS)
  const { assignments, ledger } = fx
  const playbook = over.playbook ?? fx.playbook
  const fixed = over.directory
  const directory = fixed ? { load: async () => fixed } : fx.directoryStore
  const router = createRouter({ playbook, directory, assignments, ledger, clock })
  return createRoutingSubscriptions({ playbook, router, assignments, ledger, clock })
}

/** What routing has emitted since the last call, decoded from its outbox. */
export const emitted = (fx: RoutingFixture): Promise<LeadEvent<unknown>[]> => takeOutbox(fx.ns, 'routing')

/** A transaction in routing's schema, as the runtime opens one for a handler. */
export function inTransaction<T>(fx: RoutingFixture, fn: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  return withSchemaTransaction(fx.ns.pool, fx.schema, fn)
}

/** The assignments of the leads.routed.v1 events routing has emitted since the last call. */
export async function routedSince(fx: RoutingFixture): Promise<LeadRoutedV1['assignment'][]> {
  return (await emitted(fx)).map((e) => (e.data as LeadRoutedV1).assignment)
}
