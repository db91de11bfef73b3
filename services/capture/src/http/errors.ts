import { LeadwireError } from '@leadwire/runtime'

/*
 * Every 4xx the capture API answers, with a stable code and a message that says what to do.
 * The problem handler turns them into RFC 9457 documents.
 */
const fail = (code: string, statusCode: number, message: string) =>
  new LeadwireError(code, message, { statusCode })

/** A 400 about named fields: the problem lists them in `errors`, like a validation error. */
export class FieldError extends LeadwireError {
  readonly errors: readonly { field: string; message: string }[]

  constructor(code: string, errors: { field: string; message: string }[]) {
    super(code, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { statusCode: 400 })
    this.errors = errors
  }
}

export const captureErrors = {
  missingKey: () =>
    fail(
      'CAPTURE_KEY_MISSING',
      401,
      'No API key: send `Authorization: Bearer <secret key>` from a server, or add `?key=<public form key>` to a form action URL',
    ),
  unknownKey: () =>
    fail('CAPTURE_KEY_INVALID', 401, 'The API key is unknown or was revoked; check it, or ask for a new one'),
  expiredKey: (at: Date) =>
    fail(
      'CAPTURE_KEY_EXPIRED',
      401,
      `The API key expired at ${at.toISOString()}; ask whoever manages your keys for a new one`,
    ),
  secretKeyInUrl: () =>
    fail(
      'CAPTURE_SECRET_KEY_IN_URL',
      401,
      'A secret key must never be put in a URL (it ends up in logs and browser history); send it as `Authorization: Bearer <key>` and rotate this one',
    ),
  missingScope: (scope: string, kind: string) =>
    fail(
      'CAPTURE_SCOPE_MISSING',
      403,
      kind === 'public'
        ? `A public form key can only create leads; ${scope} needs a secret key with that scope`
        : `This key lacks the ${scope} scope; create a key that has it`,
    ),
  originRefused: (origin: string) =>
    fail(
      'CAPTURE_ORIGIN_REFUSED',
      403,
      `This form key may not be used from ${origin}; add the origin to the key or use the key made for that site`,
    ),
  redirectRefused: (redirect: string, origins: readonly string[]) =>
    fail(
      'CAPTURE_REDIRECT_REFUSED',
      400,
      `redirect ${redirect} is not on one of this key's origins (${origins.join(', ') || 'none'}); use a page on your own site`,
    ),
  rateLimited: (scope: 'key' | 'ip', retryAfterSeconds: number) =>
    fail(
      'CAPTURE_RATE_LIMITED',
      429,
      `Too many requests from this ${scope === 'key' ? 'API key' : 'address'}; retry after ${retryAfterSeconds} s (see Retry-After)`,
    ),
  leadNotFound: (leadId: string) =>
    fail('CAPTURE_LEAD_NOT_FOUND', 404, `No lead with id ${leadId} was captured here; check the id`),
  malformedJson: (reason: string) =>
    fail('CAPTURE_MALFORMED_JSON', 400, `The body is not valid JSON (${reason}); send one JSON object`),
  emptyBody: () =>
    fail('CAPTURE_EMPTY_BODY', 400, 'The body is empty; send the lead as JSON or as form fields'),
  badEncoding: (where: string) =>
    fail('CAPTURE_BAD_ENCODING', 400, `The ${where} is not valid UTF-8; send text encoded as UTF-8`),
  unsupportedCharset: (charset: string) =>
    fail(
      'CAPTURE_UNSUPPORTED_CHARSET',
      415,
      `charset=${charset} is not supported; send UTF-8 (charset=utf-8)`,
    ),
  /** `field` is where the name sits: a form field's own name, or a JSON path ending in it. */
  forbiddenName: (name: string, field = name) =>
    new FieldError('CAPTURE_FORBIDDEN_NAME', [
      { field, message: `the name '${name}' is not allowed at any depth; rename the field` },
    ]),
  /** Text Postgres cannot store (NUL) or that is not Unicode (a lone surrogate from a \u escape). */
  badText: (field: string, why: string) =>
    new FieldError('CAPTURE_BAD_TEXT', [{ field, message: `${why}; send plain UTF-8 text` }]),
  tooDeep: (field: string, maxDepth: number) =>
    fail(
      'CAPTURE_TOO_DEEP',
      400,
      `The body nests deeper than ${maxDepth} levels (at ${field}); a lead is a few levels deep at most`,
    ),
}
