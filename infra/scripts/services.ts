import { fileURLToPath } from 'node:url'
import { migrate, type Names, runtimeMigrationsDir } from '@leadwire/runtime'
import type pg from 'pg'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** The six services in pipeline order, with the port each listens on by default. */
export const services = [
  { name: 'capture', port: 3000 },
  { name: 'enrichment', port: 3001 },
  { name: 'dedup', port: 3002 },
  { name: 'scoring', port: 3003 },
  { name: 'routing', port: 3004 },
  { name: 'sla-watchdog', port: 3005 },
] as const

export type ServiceName = (typeof services)[number]['name']

export const serviceDir = (name: ServiceName) => `${repoRoot}services/${name}`

/** Applies the runtime's and each service's migrations to that service's own schema. */
export async function migrateAll(pool: pg.Pool, names: Names): Promise<Record<string, string[]>> {
  const applied: Record<string, string[]> = {}
  for (const { name } of services) {
    applied[name] = await migrate(pool, names.schema(name), [
      { label: 'runtime', dir: runtimeMigrationsDir },
      { label: name, dir: `${serviceDir(name)}/migrations` },
    ])
  }
  return applied
}
