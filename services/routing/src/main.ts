import { fileURLToPath } from 'node:url'
import { loadPlaybook } from '@leadwire/playbook'
import { loadConfig, runConsumerService } from '@leadwire/runtime'
import { z } from 'zod'
import { createRoutingSubscriptions } from './consumer.ts'
import { assertCoverage, loadDirectory } from './directory.ts'
import { createPgAssignmentStore } from './pg-assignment-store.ts'
import { createRedisCursors } from './redis-cursors.ts'
import { createRouter } from './route.ts'

const seed = (file: string) => fileURLToPath(new URL(`../../../infra/seed/${file}`, import.meta.url))

const config = loadConfig(process.env, {
  service: 'routing',
  defaultPort: 3004,
  extend: {
    PLAYBOOK_PATH: z.string().min(1).default(seed('playbook.yaml')),
    DIRECTORY_PATH: z.string().min(1).default(seed('directory.yaml')),
  },
})

// Before any connection: a bad playbook or directory stops the process with every issue listed.
const playbook = await loadPlaybook(config.extra.PLAYBOOK_PATH)
const directory = await loadDirectory(config.extra.DIRECTORY_PATH)
assertCoverage(playbook, directory)

await runConsumerService(config, ({ redis, names }) => {
  const clock = () => new Date()
  const assignments = createPgAssignmentStore()
  const cursors = createRedisCursors(redis, names)
  const router = createRouter({ playbook, directory, assignments, cursors, clock })
  return { subscriptions: createRoutingSubscriptions({ router, assignments, clock }) }
})
