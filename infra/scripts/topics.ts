// Creates every registry topic and its .dlq: `npm run topics` (LEADWIRE_NAMESPACE picks the copy).
import {
  createKafka,
  createLogger,
  createNames,
  ensureTopics,
  loadConfig,
  topicPlan,
} from '@leadwire/runtime'

const config = loadConfig(process.env, { service: 'topics', defaultPort: 0 })
const log = createLogger({ service: 'topics', level: config.log.level })
const admin = createKafka({ brokers: config.kafka.brokers, clientId: 'leadwire-topics', log }).admin()
await admin.connect()
try {
  const created = await ensureTopics(admin, topicPlan(createNames(config.namespace)))
  log.info({ created }, created.length ? 'topics created' : 'topics already exist')
} finally {
  await admin.disconnect()
}
