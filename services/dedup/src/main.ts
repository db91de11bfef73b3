import { loadConfig, runConsumerService } from '@leadwire/runtime'
import { createDedupSubscriptions } from './consumer.ts'
import { createPgIdentityStore } from './pg-identity-store.ts'

const config = loadConfig(process.env, { service: 'dedup', defaultPort: 3002 })

await runConsumerService(config, () => ({
  subscriptions: createDedupSubscriptions({ identities: createPgIdentityStore() }),
}))
