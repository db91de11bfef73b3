import { z } from 'zod'

/** Capture's own settings, added to the shared ones by loadConfig. */
export const captureEnv = {
  CAPTURE_RATE_LIMIT_PER_IP: z.coerce
    .number()
    .int()
    .min(1)
    .default(60)
    .describe('Requests a minute from one address, for form keys and keyless calls'),
  CAPTURE_RATE_LIMIT_PER_KEY: z.coerce
    .number()
    .int()
    .min(1)
    .default(1200)
    .describe('Requests a minute per API key, unless the key sets its own'),
  CAPTURE_KEYLESS: z.enum(['until-first-key', 'never']).default('until-first-key'),
  CAPTURE_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
}
