// Per-lead candidate-search cost as the identity store grows: loads synthetic identities into
// a throw-away schema and times lock + indexed candidate search + scoring at each size.
//   node services/dedup/bench/candidate-cost.ts [--sizes 10000,100000,1000000] [--probes 400] [--json] [--keep]
// DATABASE_URL picks the Postgres (default postgres://postgres@127.0.0.1:5432/test).
import { runCandidateCostBench } from '../src/bench/run-bench.ts'

await runCandidateCostBench(process.argv.slice(2), process.env)
