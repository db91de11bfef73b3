import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { devFormOrigins } from '../src/auth/dev-keys.ts'
import { runKeysCommand } from '../src/keys-command.ts'
import { aLead, type CaptureUnderTest, startCapture } from './helpers.ts'

let c: CaptureUnderTest
beforeAll(async () => {
  c = await startCapture({ withKeys: false })
})
afterAll(() => c.close())

async function run(...argv: string[]) {
  const lines: string[] = []
  const code = await runKeysCommand(c.keys, argv, (l) => lines.push(l))
  return { code, out: lines.join('\n') }
}

describe('the keys command', () => {
  it('creates a public form key for a site and prints its token once', async () => {
    const { code, out } = await run(
      'create',
      '--public',
      '--name',
      'Website',
      '--origin',
      'https://www.acme.example',
    )
    expect(code).toBe(0)
    const token = /token \(shown once, store it now\): (lwpk_\S+)/.exec(out)?.[1]
    expect(token).toBeDefined()
    const res = await c.app.inject({
      method: 'POST',
      url: `/v1/leads?key=${token}`,
      headers: { origin: 'https://www.acme.example' },
      payload: aLead(),
    })
    expect(res.statusCode).toBe(202)
  })

  it('creates a secret key with chosen scopes and refuses a public key without an origin', async () => {
    const { out } = await run('create', '--secret', '--name', 'BI export', '--scope', 'leads:read')
    expect(out).toContain('scopes leads:read')
    await expect(run('create', '--public', '--name', 'No origin')).rejects.toThrow(/at least one origin/)
  })

  it('gives a key an expiry, in a while or at a moment, and lists it', async () => {
    const start = Date.now()
    const inDays = await run('create', '--secret', '--name', 'Contractor', '--expires-in', '90d')
    const at = new Date(/expires (\S+)/.exec(inDays.out)![1]!).getTime()
    expect(at - start).toBeGreaterThanOrEqual(90 * 86_400_000)
    expect(at - Date.now()).toBeLessThanOrEqual(90 * 86_400_000)
    const fixed = await run(
      'create',
      '--secret',
      '--name',
      'Campaign',
      '--expires-at',
      '2099-12-31T23:59:59Z',
    )
    expect(fixed.out).toContain('expires 2099-12-31T23:59:59.000Z')
    const { out } = await run('list')
    expect(out).toMatch(/active, expires 2099-12-31T23:59:59\.000Z\s+Campaign/)
    expect(out).toMatch(/active, never expires\s+Website/)
  })

  it('refuses an expiry in the past, a malformed one, and both options at once', async () => {
    const create = (...extra: string[]) => run('create', '--secret', '--name', 'Bad', ...extra)
    await expect(create('--expires-at', '2001-01-01')).rejects.toThrow(/in the future/)
    await expect(create('--expires-in', '90')).rejects.toThrow(/e\.g\. 90d/)
    await expect(create('--expires-at', 'next tuesday')).rejects.toThrow(/ISO 8601/)
    await expect(create('--expires-in', '1d', '--expires-at', '2099-01-01')).rejects.toThrow(/not both/)
  })

  it('seeds the documented dev keys, twice without harm, and they work', async () => {
    await run('seed-dev')
    const { out } = await run('seed-dev')
    expect(out).toContain('lwpk_dev_local_forms')
    const form = await c.app.inject({
      method: 'POST',
      url: '/v1/leads?key=lwpk_dev_local_forms',
      headers: { origin: devFormOrigins[0] },
      payload: aLead(),
    })
    expect(form.statusCode).toBe(202)
    const read = await c.app.inject({
      method: 'GET',
      url: `/v1/leads/${form.json().leadId}`,
      headers: { authorization: 'Bearer lwsk_dev_local_do_not_deploy' },
    })
    expect(read.statusCode).toBe(200)
  })

  it('lists and revokes keys from the command line', () => {
    const script = fileURLToPath(new URL('../src/keys-command.ts', import.meta.url))
    const env = { ...c.ns.env }
    const list = spawnSync(process.execPath, [script, 'list'], { env, encoding: 'utf8' })
    expect(list.status).toBe(0)
    const id = /^(\S+)\s+secret .*BI export/m.exec(list.stdout)?.[1]
    expect(id).toBeDefined()
    const revoke = spawnSync(process.execPath, [script, 'revoke', id!], { env, encoding: 'utf8' })
    expect(revoke.stdout).toContain(`revoked ${id}`)
    expect(spawnSync(process.execPath, [script, 'list'], { env, encoding: 'utf8' }).stdout).toMatch(
      new RegExp(`${id}.*revoked`),
    )
  })

  it('lists an expired key as expired, with when', async () => {
    const key = await c.keys.create({
      name: 'Lapsed',
      kind: 'secret',
      expiresAt: new Date(Date.now() + 60_000),
    })
    await c.rows(`UPDATE $schema.api_keys SET expires_at = '2020-02-02T00:00:00Z' WHERE id = $1`, [key.id])
    expect((await run('list')).out).toMatch(
      new RegExp(`${key.id}.*expired 2020-02-02T00:00:00\\.000Z\\s+Lapsed`),
    )
  })
})
