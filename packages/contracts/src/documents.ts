import { buildAsyncApi } from './asyncapi.ts'
import { eventJsonSchema, toJsonText } from './json-schema.ts'
import { topics } from './registry.ts'

/** Where generated files live, relative to the package root. */
export const generatedDir = 'generated'
export const jsonSchemaDir = `${generatedDir}/json-schema`

/** Every generated file, path (relative to the package root) → exact text; no I/O. */
export function generatedFiles(): Map<string, string> {
  const files = new Map<string, string>()
  for (const t of topics)
    files.set(`${jsonSchemaDir}/${t.event.type}.json`, toJsonText(eventJsonSchema(t.event)))
  files.set(`${generatedDir}/asyncapi.json`, toJsonText(buildAsyncApi()))
  return files
}

export interface Drift {
  path: string
  problem: 'missing' | 'differs' | 'stale'
}

/** Compares what would be generated with what is on disk (path → text, as read). */
export function driftBetween(expected: Map<string, string>, actual: Map<string, string>): Drift[] {
  const drift: Drift[] = []
  for (const [path, text] of expected) {
    const found = actual.get(path)
    if (found === undefined) drift.push({ path, problem: 'missing' })
    else if (found !== text) drift.push({ path, problem: 'differs' })
  }
  for (const path of actual.keys()) if (!expected.has(path)) drift.push({ path, problem: 'stale' })
  return drift.sort((a, b) => a.path.localeCompare(b.path))
}
