import type { Logger } from '@leadwire/runtime'
import type { FastifyRequest } from 'fastify'

/**
 * The request logger: like fastify's own, but a `key=` in the URL is masked. Public form keys
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

export const maskKey = (url: string) => url.replace(/([?&]key=)[^&#]*/g, '$1[masked]')
