import { mkdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { repoRoot } from '@leadwire/stack/services'
import { faults, formatTable, runFaultSuite } from './suite.ts'

// `npm run faults`: the full-size fault suite on a private Kafka, Postgres and Redis.
// `npm test` runs a shorter one (tests/faults/faults.test.ts) with the same faults.
const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '8' },
    calm: { type: 'string', default: '15' },
    'back-pressure': { type: 'string', default: '180' },
    timeout: { type: 'string', default: '240' },
    only: { type: 'string', multiple: true },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
})

if (values.help || values.list) {
  if (values.help) {
    console.log(`npm run faults -- [--rate 8] [--calm 15] [--back-pressure 180] [--timeout 240] [--only "<fault>"]...

  --rate           leads per second the stream posts throughout
  --calm           seconds without a fault before the first fault and after each recovery
  --back-pressure  seconds scoring stays stopped in the back-pressure case
  --timeout        seconds to wait for a recovery before reporting it as not recovered
  --only           run just this fault (repeatable); --list prints their names
`)
  }
  for (const f of faults) console.log(f.name)
  process.exit(0)
}

const number = (name: string, raw: string | undefined): number => {
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number, got '${raw}'`)
    process.exit(2)
  }
  return n
}
const unknown = (values.only ?? []).filter((o) => !faults.some((f) => f.name === o))
if (unknown.length) {
  console.error(`unknown fault(s): ${unknown.join(', ')}; --list prints the names`)
  process.exit(2)
}

const logDir = `${repoRoot}.leadwire/faults/logs-${new Date().toISOString().replace(/[:.]/g, '-')}`
const results = await runFaultSuite({
  ratePerSecond: number('rate', values.rate),
  calmSeconds: number('calm', values.calm),
  backPressureSeconds: number('back-pressure', values['back-pressure']),
  recoveryTimeoutSeconds: number('timeout', values.timeout),
  ...(values.only && { only: values.only }),
  logDir,
  rawFile: `${logDir}/raw.json`,
  progress: (line) => console.log(`faults: ${line}`),
})
const table = formatTable(results)
console.log(`\n${table}\n`)
mkdirSync(`${repoRoot}.leadwire/faults`, { recursive: true })
writeFileSync(`${repoRoot}.leadwire/faults/last-run.md`, `${table}\n`)
writeFileSync(`${repoRoot}.leadwire/faults/last-run.json`, `${JSON.stringify(results, null, 2)}\n`)
console.log(`service logs in ${logDir}; table in .leadwire/faults/last-run.md`)
const broken = results.filter(
  (r) => r.missing || r.duplicated || r.timersBroken || r.notes.some((n) => n.startsWith('not recovered')),
)
process.exit(broken.length ? 1 : 0)
