// Learns dedup's Fellegi–Sunter parameters from the leads it has stored (EM, no labels) and
// saves them; running dedup replicas pick them up within five minutes.
//   node services/dedup/src/cli/train-model.ts [maxRecords]
import { createLogger, createPool, ident } from '@leadwire/runtime'
import { loadDedupConfig } from '../config.ts'
import { trainFromStore } from '../train-from-store.ts'

const config = loadDedupConfig(process.env)
const log = createLogger({ service: 'dedup-train', level: config.log.level })
const pool = createPool(config, log)
const schema = config.namespace ? `${config.namespace}_dedup` : 'dedup'
const client = await pool.connect()
try {
  await client.query(`SET search_path TO ${ident(schema)}`)
  const run = await trainFromStore(client, Number(process.argv[2] ?? 200_000))
  log.info(
    { records: run.records, pairs: run.pairs, iterations: run.iterations, prior: run.params.prior },
    'match model trained',
  )
} finally {
  client.release()
  await pool.end()
}
