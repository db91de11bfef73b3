import type { NewKey } from './api-key.ts'

/*
 * Well-known keys for the local stack only (seeded by `npm start`, documented in the README).
 * They are in this repository, so they protect nothing: never seed them anywhere else.
 */
export const devFormOrigins = ['http://localhost:8080', 'http://127.0.0.1:8080'] as const

export const devKeys: readonly NewKey[] = [
  {
    name: 'local dev: web forms on http://localhost:8080',
    kind: 'public',
    origins: [...devFormOrigins],
    token: 'lwpk_dev_local_forms',
  },
  {
    name: 'local dev: server-to-server and CRM feedback',
    kind: 'secret',
    token: 'lwsk_dev_local_do_not_deploy',
  },
]
