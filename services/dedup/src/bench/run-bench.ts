import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { ident, migrate, runtimeMigrationsDir } from '@leadwire/runtime'
import pg from 'pg'
import { type CostStep, formatCostTable, measureCandidateCost } from './candidate-cost.ts'

const migrations = fileURLToPath(new URL('../../migrations', import.meta.url))

function flag(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : undefined
}

/** The bench command: a schema of its own, the sizes asked for, the schema dropped afterwards. */
export async function runCandidateCostBench(
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<CostStep[]> {
  const sizes = (flag(args, 'sizes') ?? env.DEDUP_BENCH_SIZES ?? '10000,100000,1000000')
    .split(',')
    .map(Number)
  const probes = Number(flag(args, 'probes') ?? env.DEDUP_BENCH_PROBES ?? 400)
  if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(probes) || probes < 1) {
    throw new Error('--sizes takes positive integers separated by commas, --probes a positive integer')
  }
  const schema = `dedup_bench_${randomBytes(4).toString('hex')}`
  const url = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` })
  const log = args.includes('--json') ? () => {} : (line: string) => process.stderr.write(`${line}\n`)
  try {
    await migrate(pool, schema, [
      { label: 'runtime', dir: runtimeMigrationsDir },
      { label: 'dedup', dir: migrations },
    ])
    const steps = await measureCandidateCost(pool, schema, { sizes, probes, log })
    process.stdout.write(
      args.includes('--json') ? `${JSON.stringify(steps, null, 2)}\n` : formatCostTable(steps),
    )
    return steps
  } finally {
    if (!args.includes('--keep')) await pool.query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`)
    await pool.end()
  }
}
