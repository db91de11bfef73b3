import type { FastifyInstance, FastifyRequest } from 'fastify'

type Parsers = Pick<FastifyInstance, 'addContentTypeParser' | 'removeAllContentTypeParsers'>

import { captureErrors } from './errors.ts'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * JSON with errors a person can act on: bad UTF-8 is refused (the default parser would turn
 * it into U+FFFD and store garbage), a syntax error says where, and `__proto__` keys are
 * refused. Other media types get fastify's 415, which the problem handler explains.
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
  try {
    return JSON.parse(text, (key, value) => {
      if (key === '__proto__') throw captureErrors.forbiddenName(key)
      return value
    })
  } catch (err) {
    if (err instanceof SyntaxError) throw captureErrors.malformedJson(err.message)
    throw err
  }
}

export function parseFormFields(text: string): Record<string, string> {
  const fields: Record<string, string> = {}
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
