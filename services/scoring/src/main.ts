import { fileURLToPath } from 'node:url'
import { loadPlaybook } from '@leadwire/playbook'
import { loadConfig, runConsumerService } from '@leadwire/runtime'
import { z } from 'zod'
import { createScoringSubscriptions } from './consumer.ts'

const defaultPlaybook = fileURLToPath(new URL('../../../infra/seed/playbook.yaml', import.meta.url))
const config = loadConfig(process.env, {
  service: 'scoring',
  defaultPort: 3003,
  extend: { PLAYBOOK_PATH: z.string().min(1).default(defaultPlaybook) },
})
const playbook = await loadPlaybook(config.extra.PLAYBOOK_PATH)

await runConsumerService(config, () => ({
  subscriptions: createScoringSubscriptions({ playbook, clock: () => new Date() }),
}))
