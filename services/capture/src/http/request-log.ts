import type { Logger } from '@leadwire/runtime'
import type { FastifyRequest } from 'fastify'

/**
 * The request logger: like fastify's own, but keys in the URL are masked. Public form keys
 * are not secret, yet a secret key pasted into a URL by mistake must not reach the logs.
 */
export function requestLogger(log: Logger): Logger {
  return log.child(
    {},
    {
      serializers: {
        req: (req: FastifyRequest) => ({
          method: req.method,
          url: maskKey(req.url),
          host: req.host,
          remoteAddress: req.ip,
        }),
      },
    },
  )
}

const masked = '[masked]'
const tokenLike = /lw[sp]k_/i

/**
 * Masks the value of a `key` parameter (however its name is %-encoded) and anything that
 * decodes to a leadwire token, in the query or in the path: `?api_key=lwsk_…` and
 * `/v1/leads/lwsk_…` are mistakes too, and the guard never looks at them.
 */
export function maskKey(url: string): string {
  const at = url.indexOf('?')
  const path = (at < 0 ? url : url.slice(0, at))
    .split('/')
    .map((segment) => (tokenLike.test(decode(segment)) ? masked : segment))
    .join('/')
  if (at < 0) return path
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      const name = eq < 0 ? pair : pair.slice(0, eq)
      const value = eq < 0 ? '' : pair.slice(eq + 1)
      if (decode(name).toLowerCase() === 'key' || tokenLike.test(decode(value))) return `${name}=${masked}`
      return tokenLike.test(decode(name)) ? masked : pair
    })
    .join('&')
  return `${path}?${query}`
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '))
  } catch {
    return part
  }
}
