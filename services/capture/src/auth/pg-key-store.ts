import { randomUUID } from 'node:crypto'
import { ident, LeadwireError } from '@leadwire/runtime'
import type pg from 'pg'
import {
  type ApiKey,
  defaultScopes,
  generateToken,
  hashToken,
  type NewKey,
  type Scope,
  validateNewKey,
} from './api-key.ts'

interface KeyRow {
  id: string
  name: string
  kind: ApiKey['kind']
  scopes: Scope[]
  origins: string[]
  rate_per_minute: number | null
  prefix: string
  created_at: Date
  revoked_at: Date | null
  expires_at: Date | null
}

const toKey = (r: KeyRow): ApiKey => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  scopes: r.scopes,
  origins: r.origins,
  ratePerMinute: r.rate_per_minute ?? undefined,
  expiresAt: r.expires_at ?? undefined,
})

/** API keys in capture's own schema; only the hash of a token is ever stored. */
export function createPgKeyStore(deps: { pool: pg.Pool; schema: string }) {
  const table = `${ident(deps.schema)}.api_keys`

  return {
    /** Stores a new key and returns it with its token: the only time the token is seen. */
    async create(input: NewKey): Promise<ApiKey & { token: string }> {
      const problems = validateNewKey(input)
      if (problems.length)
        throw new LeadwireError('CAPTURE_BAD_KEY', problems.join('; '), { statusCode: 400 })
      const token = input.token ?? generateToken(input.kind)
      const key: ApiKey = {
        id: randomUUID(),
        name: input.name,
        kind: input.kind,
        scopes: input.scopes ?? defaultScopes(input.kind),
        origins: input.origins ?? [],
        ratePerMinute: input.ratePerMinute,
        expiresAt: input.expiresAt,
      }
      // Seeding the development keys twice keeps the first row (and its id).
      const { rows } = await deps.pool.query<{ id: string }>(
        `INSERT INTO ${table} (id, name, kind, token_hash, prefix, scopes, origins, rate_per_minute, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (token_hash) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
        [
          key.id,
          key.name,
          key.kind,
          hashToken(token),
          token.slice(0, 9),
          key.scopes,
          key.origins,
          input.ratePerMinute,
          input.expiresAt ?? null,
        ],
      )
      return { ...key, id: rows[0]!.id, token }
    },

    /** The active (unrevoked) key with this token, expired or not: the guard says which. */
    async findByToken(token: string): Promise<ApiKey | undefined> {
      const { rows } = await deps.pool.query<KeyRow>(
        `SELECT * FROM ${table} WHERE token_hash = $1 AND revoked_at IS NULL`,
        [hashToken(token)],
      )
      return rows[0] && toKey(rows[0])
    },

    /** Whether any active public key lists this origin (a preflight carries no key). */
    async isKnownOrigin(origin: string): Promise<boolean> {
      const { rowCount } = await deps.pool.query(
        `SELECT 1 FROM ${table} WHERE kind = 'public' AND revoked_at IS NULL
           AND (expires_at IS NULL OR expires_at > now()) AND origins @> ARRAY[$1] LIMIT 1`,
        [origin],
      )
      return rowCount === 1
    },

    /** True once any key was ever made: from then on every request needs one. */
    async anyExist(): Promise<boolean> {
      const { rowCount } = await deps.pool.query(`SELECT 1 FROM ${table} LIMIT 1`)
      return rowCount === 1
    },

    async list() {
      const { rows } = await deps.pool.query<KeyRow>(`SELECT * FROM ${table} ORDER BY created_at`)
      return rows.map((r) => ({
        ...toKey(r),
        prefix: r.prefix,
        createdAt: r.created_at,
        revokedAt: r.revoked_at,
      }))
    },

    async revoke(id: string): Promise<boolean> {
      const { rowCount } = await deps.pool.query(
        `UPDATE ${table} SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
        [id],
      )
      return rowCount === 1
    },
  }
}

export type KeyStore = ReturnType<typeof createPgKeyStore>
