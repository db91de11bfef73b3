// Manages capture's API keys:
//   node services/capture/src/keys-command.ts create --public --name "Website" --origin https://www.acme.example
//   node services/capture/src/keys-command.ts create --secret --name "Salesforce sync" [--scope leads:read ...]
//     either may end: [--expires-in 90d | --expires-at 2026-12-31T23:59:59Z]
//   node services/capture/src/keys-command.ts list | revoke <id> | seed-dev
// LEADWIRE_NAMESPACE and DATABASE_URL pick the copy, as for every other command.
import { parseArgs } from 'node:util'
import { createLogger, createNames, createPool, loadConfig } from '@leadwire/runtime'
import { expiryFrom, isExpired, type Scope } from './auth/api-key.ts'
import { devKeys } from './auth/dev-keys.ts'
import { createPgKeyStore, type KeyStore } from './auth/pg-key-store.ts'

const usage = `usage: keys-command.ts create (--public --origin URL... | --secret [--scope S...]) --name NAME [--rate N]
                                [--expires-in N(m|h|d|w) | --expires-at ISO-8601]
       keys-command.ts list | revoke ID | seed-dev`

export async function runKeysCommand(
  keys: KeyStore,
  argv: string[],
  out: (line: string) => void,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      public: { type: 'boolean' },
      secret: { type: 'boolean' },
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      scope: { type: 'string', multiple: true },
      rate: { type: 'string' },
      'expires-in': { type: 'string' },
      'expires-at': { type: 'string' },
    },
  })
  const [command, id] = positionals
  if (command === 'create') {
    if (values.public === values.secret) throw new Error(`say --public or --secret\n${usage}`)
    const expiresAt = expiryFrom(
      { expiresIn: values['expires-in'], expiresAt: values['expires-at'] },
      new Date(),
    )
    const key = await keys.create({
      name: values.name ?? '',
      kind: values.public ? 'public' : 'secret',
      ...(values.origin && { origins: values.origin }),
      ...(values.scope && { scopes: values.scope as Scope[] }),
      ...(values.rate && { ratePerMinute: Number(values.rate) }),
      ...(expiresAt && { expiresAt }),
    })
    out(`created ${key.kind} key ${key.id} (${key.name}); scopes ${key.scopes.join(', ')}`)
    out(key.expiresAt ? `expires ${key.expiresAt.toISOString()}` : 'never expires')
    if (key.origins.length) out(`origins: ${key.origins.join(', ')}`)
    out(`token (shown once, store it now): ${key.token}`)
    return 0
  }
  if (command === 'list') {
    const now = new Date()
    for (const k of await keys.list()) {
      const state = stateOf(k, now)
      out(
        `${k.id}  ${k.kind.padEnd(6)}  ${k.prefix}…  ${state}  ${k.name}  [${k.scopes.join(' ')}] ${k.origins.join(' ')}`,
      )
    }
    return 0
  }
  if (command === 'revoke' && id) {
    const done = await keys.revoke(id)
    out(done ? `revoked ${id}` : `no active key ${id}`)
    return done ? 0 : 1
  }
  if (command === 'seed-dev') {
    for (const dev of devKeys) {
      const key = await keys.create(dev)
      out(`dev ${key.kind} key ${key.token} (${key.name})`)
    }
    return 0
  }
  out(usage)
  return 2
}

function stateOf(k: { revokedAt: Date | null; expiresAt: Date | undefined }, now: Date): string {
  if (k.revokedAt) return `revoked ${k.revokedAt.toISOString()}`
  if (!k.expiresAt) return 'active, never expires'
  return `${isExpired(k, now) ? 'expired' : 'active, expires'} ${k.expiresAt.toISOString()}`
}

if (import.meta.main) {
  const config = loadConfig(process.env, { service: 'capture-keys', defaultPort: 0 })
  const pool = createPool(config, createLogger({ service: 'capture-keys', level: 'warn' }))
  const keys = createPgKeyStore({ pool, schema: createNames(config.namespace).schema('capture') })
  try {
    process.exitCode = await runKeysCommand(keys, process.argv.slice(2), (line) => console.log(line))
  } catch (err) {
    console.error(`keys: ${(err as Error).message}`)
    process.exitCode = 1
  } finally {
    await pool.end()
  }
}
