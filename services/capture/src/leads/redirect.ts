import { normalizeOrigin } from '../auth/api-key.ts'
import { captureErrors } from '../http/errors.ts'

/**
 * Where a no-JS form sends the browser after success. Only pages on the key's own origins
 * are allowed, so the API can never be used to bounce visitors to someone else's site.
 */
export function allowedRedirect(
  redirect: string | undefined,
  origins: readonly string[],
): string | undefined {
  if (redirect === undefined) return undefined
  const origin = normalizeOrigin(redirect)
  if (!origin || !origins.includes(origin)) throw captureErrors.redirectRefused(redirect, origins)
  return new URL(redirect).href
}
