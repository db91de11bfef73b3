/*
 * Writes the JSON Schema of every event and the AsyncAPI document into generated/.
 *   node packages/contracts/scripts/generate.ts           regenerate
 *   node packages/contracts/scripts/generate.ts --check   exit 1 if the committed files drift (CI)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { driftBetween, generatedDir, generatedFiles, jsonSchemaDir } from '../src/documents.ts'

export const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** The generated files as committed: path relative to the package root → text. */
export function readGenerated(root: string = packageRoot): Map<string, string> {
  const files = new Map<string, string>()
  const read = (path: string) => files.set(path, readFileSync(join(root, path), 'utf8'))
  if (existsSync(join(root, generatedDir, 'asyncapi.json'))) read(`${generatedDir}/asyncapi.json`)
  if (existsSync(join(root, jsonSchemaDir))) {
    for (const name of readdirSync(join(root, jsonSchemaDir)).sort()) {
      if (name.endsWith('.json')) read(`${jsonSchemaDir}/${name}`)
    }
  }
  return files
}

function check(): number {
  const drift = driftBetween(generatedFiles(), readGenerated())
  if (drift.length === 0) {
    console.log('contracts: generated files are up to date')
    return 0
  }
  console.error('contracts: generated files drift from the schemas:')
  for (const d of drift) console.error(`  ${d.problem.padEnd(7)} packages/contracts/${d.path}`)
  console.error('run `pnpm generate` and commit the result')
  return 1
}

function write(): number {
  const expected = generatedFiles()
  for (const d of driftBetween(expected, readGenerated())) {
    const file = join(packageRoot, d.path)
    if (d.problem === 'stale') {
      rmSync(file)
    } else {
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, expected.get(d.path)!)
    }
    console.log(`${d.problem === 'stale' ? 'removed' : 'wrote'} packages/contracts/${d.path}`)
  }
  return 0
}

if (import.meta.main) process.exitCode = process.argv.includes('--check') ? check() : write()
