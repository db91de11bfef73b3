import { fileURLToPath } from 'node:url'
import { loadPlaybook } from '@leadwire/playbook'
import { checks, loadConfig, runConsumerService, waitForDependencies } from '@leadwire/runtime'
import { z } from 'zod'
import { buildAdminApp } from './admin/app.ts'
import { createRoutingSubscriptions } from './consumer.ts'
import { assertCoverage, loadDirectory } from './directory.ts'
import { registerFairnessMetrics } from './fairness-metrics.ts'
import { createPgAssignmentStore } from './pg-assignment-store.ts'
import { createPgDirectoryStore } from './pg-directory-store.ts'
import { createPgLedgerStore } from './pg-ledger-store.ts'
import { createRouter } from './route.ts'

const seed = (file: string) => fileURLToPath(new URL(`../../../infra/seed/${file}`, import.meta.url))

const config = loadConfig(process.env, {
  service: 'routing',
  defaultPort: 3004,
  extend: {
    PLAYBOOK_PATH: z.string().min(1).default(seed('playbook.yaml')),
    DIRECTORY_PATH: z.string().min(1).default(seed('directory.yaml')).describe('Seeds an empty directory'),
    // Without a token the admin API stays off: an open directory editor is worse than none.
    ROUTING_ADMIN_TOKEN: z.string().min(24, 'at least 24 characters').optional(),
    ROUTING_ADMIN_PORT: z.coerce.number().int().min(0).max(65535).default(3014),
  },
})

// Before any connection: a bad playbook or seed directory stops the process with every issue listed.
const playbook = await loadPlaybook(config.extra.PLAYBOOK_PATH)
const seedDirectory = await loadDirectory(config.extra.DIRECTORY_PATH)
assertCoverage(playbook, seedDirectory)

await runConsumerService(config, async ({ pool, schema, log, metrics }) => {
  const clock = () => new Date()
  const directory = createPgDirectoryStore(schema)
  await waitForDependencies(log, { postgres: checks.postgres(pool) })
  if (await directory.seed(pool, playbook, seedDirectory)) log.info('directory seeded from the seed file')
  const assignments = createPgAssignmentStore()
  const ledger = createPgLedgerStore()
  const router = createRouter({ playbook, directory, assignments, ledger, clock })
  registerFairnessMetrics(metrics.registry, { pool, schema, directory })
  const token = config.extra.ROUTING_ADMIN_TOKEN
  const admin = token && buildAdminApp({ token, pool, schema, playbook, directory, log })
  return {
    subscriptions: createRoutingSubscriptions({ playbook, router, assignments, ledger, clock }),
    background: admin
      ? {
          start: () => {
            admin
              .listen({ host: config.http.host, port: config.extra.ROUTING_ADMIN_PORT })
              .then((address) => log.info({ address }, 'admin api listening'))
              .catch((err) => log.error({ err }, 'admin api failed to listen'))
          },
          stop: () => admin.close(),
        }
      : undefined,
  }
})
