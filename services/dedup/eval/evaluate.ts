// Usage: node services/dedup/eval/evaluate.ts <data.csv> <mapping.json> [--json]
// Prints pairwise precision, recall and F1 of the service's matching on a labelled set.
import { loadLabelledSet } from '../src/eval/load.ts'
import { loadMapping } from '../src/eval/mapping.ts'
import { formatAccountResult, formatResult } from '../src/eval/report.ts'
import { evaluate } from '../src/eval/run.ts'
import { evaluateAccounts, isOrganisationSet } from '../src/eval/run-accounts.ts'

const [csvPath, mappingPath] = process.argv.slice(2).filter((a) => !a.startsWith('--'))
if (!csvPath || !mappingPath) {
  process.stderr.write('usage: evaluate.ts <data.csv> <mapping.json> [--json]\n')
  process.exit(2)
}
const set = await loadLabelledSet(csvPath, await loadMapping(mappingPath))
const json = process.argv.includes('--json')
if (isOrganisationSet(set)) {
  const result = evaluateAccounts(set)
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatAccountResult(csvPath, result))
} else {
  const result = evaluate(set)
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatResult(csvPath, result))
}
