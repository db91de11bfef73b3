import { parseArgs } from 'node:util'
import { loadPlaybook } from '@leadwire/playbook'
import { loadDirectory } from '../directory.ts'
import { compare, simulate } from './simulate.ts'
import { leadsFromFile, leadsFromTopic } from './sources.ts'

const usage = `Dry-run a candidate playbook against past scored leads; prints a JSON report.

  node services/routing/src/simulation/cli.ts --candidate <playbook.yaml>
       (--file <leads.jsonl> | --topic <leads.scored.v1> [--brokers 127.0.0.1:9092])
       [--current infra/seed/playbook.yaml] [--directory infra/seed/directory.yaml]`

const seed = (file: string) => new URL(`../../../../infra/seed/${file}`, import.meta.url).pathname

export interface SimulationOptions {
  candidate: string
  current: string
  directory: string
  file?: string | undefined
  topic?: string | undefined
  brokers: string[]
}

/** Both playbooks over the same leads and directory, and the difference between them. */
export async function runSimulation(o: SimulationOptions) {
  const [current, candidate, directory] = await Promise.all([
    loadPlaybook(o.current),
    loadPlaybook(o.candidate),
    loadDirectory(o.directory),
  ])
  const leads = o.file ? await leadsFromFile(o.file) : await leadsFromTopic(o.brokers, o.topic!)
  const before = simulate(current, directory, leads)
  const after = simulate(candidate, directory, leads)
  return { leads: leads.length, current: before, candidate: after, diff: compare(before, after) }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      candidate: { type: 'string' },
      current: { type: 'string', default: seed('playbook.yaml') },
      directory: { type: 'string', default: seed('directory.yaml') },
      file: { type: 'string' },
      topic: { type: 'string' },
      brokers: { type: 'string', default: '127.0.0.1:9092' },
    },
  })
  if (!values.candidate || (!values.file && !values.topic)) {
    console.error(usage)
    process.exit(2)
  }
  const report = await runSimulation({
    ...values,
    candidate: values.candidate,
    brokers: values.brokers.split(','),
  })
  console.log(JSON.stringify(report, null, 2))
}
