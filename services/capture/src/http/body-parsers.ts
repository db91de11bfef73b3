import type { FastifyInstance, FastifyRequest } from 'fastify'
import { captureErrors } from './errors.ts'
import { checkUntrustedJson } from './untrusted-json.ts'

type Parsers = Pick<FastifyInstance, 'addContentTypeParser' | 'removeAllContentTypeParsers'>

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * JSON with errors a person can act on: bad UTF-8 is refused (the default parser would turn
 * it into U+FFFD and store garbage), a syntax error says where, and prototype names, text
 * Postgres cannot store and absurd nesting are refused, naming the field. Other media types
 * get fastify's 415, which the problem handler explains.
 */
export function useStrictJson(app: Parsers): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    try {
      done(null, parseJson(decode(req, body as Buffer, 'body')))
    } catch (err) {
      done(err as Error, undefined)
    }
  })
}

/** `application/x-www-form-urlencoded` as sent by a plain HTML form: name → last value. */
export function useFormFields(app: Parsers): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer' }, (req, body, done) => {
    try {
      done(null, parseFormFields(decode(req, body as Buffer, 'body')))
    } catch (err) {
      done(err as Error, undefined)
    }
  })
}

function decode(req: FastifyRequest, body: Buffer, where: string): string {
  const charset = /charset="?([^";]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase()
  if (charset && charset !== 'utf-8' && charset !== 'utf8') throw captureErrors.unsupportedCharset(charset)
  try {
    return strictUtf8.decode(body)
  } catch {
    throw captureErrors.badEncoding(where)
  }
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') throw captureErrors.emptyBody()
  let body: unknown
  try {
    // No reviver: V8 parses any depth iteratively, but a reviver recurses and overflows the
    // stack on a deeply nested body. The checks walk the result instead.
    body = JSON.parse(text)
  } catch (err) {
    if (err instanceof SyntaxError) throw captureErrors.malformedJson(err.message)
    throw err
  }
  checkUntrustedJson(body)
  return body
}

export function parseFormFields(text: string): Record<string, string> {
  // No prototype: a field named `__proto__` stays a field (and is refused by name later)
  // instead of being swallowed by the setter.
  const fields: Record<string, string> = Object.create(null)
  for (const pair of text.split('&')) {
    if (!pair) continue
    const at = pair.indexOf('=')
    const name = decodeComponent(at < 0 ? pair : pair.slice(0, at))
    fields[name] = decodeComponent(at < 0 ? '' : pair.slice(at + 1))
  }
  return fields
}

function decodeComponent(raw: string): string {
  try {
    // decodeURIComponent throws on a %-sequence that is not UTF-8, which is what we want.
    return decodeURIComponent(raw.replaceAll('+', ' '))
  } catch {
    throw captureErrors.badEncoding(`form field '${raw.slice(0, 40)}'`)
  }
}
