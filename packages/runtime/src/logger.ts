import { type Logger, pino } from 'pino'

export type { Logger } from 'pino'

// Personal data stays out of logs by default: contact fields wherever a lead is logged.
const pii = ['email', 'phone', 'firstName', 'lastName', 'repEmail']
const redactPaths = [
  ...pii,
  ...pii.map((f) => `*.${f}`),
  ...pii.map((f) => `*.*.${f}`),
  ...pii.map((f) => `*.*.*.${f}`),
]

export function createLogger(opts: {
  service: string
  level: string
  destination?: NodeJS.WritableStream
}): Logger {
  return pino(
    {
      level: opts.level,
      base: { service: opts.service },
      redact: { paths: redactPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination ?? process.stdout,
  )
}
