import type { ApiKey } from '../auth/api-key.ts'

/*
 * Idempotency keys are kept per API key, the way payment APIs scope them: two integrators
 * who both send "order-1" must not receive each other's lead. Feedback keys are also scoped
 * to the lead and the kind of report.
 */
export function scopedKey(caller: ApiKey | null, key: string, ...scope: string[]): string {
  return [caller?.id ?? 'keyless', ...scope, key].join('\u001f')
}

/** The caller's own key, for messages. */
export const unscopedKey = (stored: string): string => stored.slice(stored.lastIndexOf('\u001f') + 1)
