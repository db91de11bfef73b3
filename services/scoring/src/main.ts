import { fileURLToPath } from 'node:url'
import { isDuration, loadPlaybook, parseDuration } from '@leadwire/playbook'
import { loadConfig, runConsumerService } from '@leadwire/runtime'
import { z } from 'zod'
import { createScoringSubscriptions } from './consumer.ts'
import { createTrainingSchedule } from './training-schedule.ts'

const defaultPlaybook = fileURLToPath(new URL('../../../infra/seed/playbook.yaml', import.meta.url))
const config = loadConfig(process.env, {
  service: 'scoring',
  defaultPort: 3003,
  extend: {
    PLAYBOOK_PATH: z.string().min(1).default(defaultPlaybook),
    // Unset: models are trained only by train-command.ts. Set (e.g. 24h): retrained on a timer.
    MODEL_TRAIN_EVERY: z.string().refine(isDuration, 'a duration like 24h').optional(),
  },
})
const playbook = await loadPlaybook(config.extra.PLAYBOOK_PATH)
const every = config.extra.MODEL_TRAIN_EVERY

await runConsumerService(config, (deps) => ({
  subscriptions: createScoringSubscriptions({ playbook, clock: () => new Date() }),
  ...(every && {
    background: createTrainingSchedule({
      pool: deps.pool,
      schema: deps.schema,
      playbook,
      everyMs: parseDuration(every),
      log: deps.log.child({ component: 'training' }),
    }),
  }),
}))
