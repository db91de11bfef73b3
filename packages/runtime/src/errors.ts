/**
 * Errors carry a stable code and say whether trying again can help, the way fastify's
 * FST_ERR_* and undici's UND_ERR_* do. The consumer loop and the HTTP error handler read them.
 */
export class LeadwireError extends Error {
  readonly code: string
  readonly retryable: boolean
  readonly statusCode: number

  constructor(
    code: string,
    message: string,
    opts: { retryable?: boolean; statusCode?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause })
    this.name = 'LeadwireError'
    this.code = code
    this.retryable = opts.retryable ?? false
    this.statusCode = opts.statusCode ?? 500
  }
}

/**
 * What to do with a failed message:
 * - `wait`: the infrastructure is away (Postgres restarting, Redis down); retrying is the only
 *   right answer and the message must not be dead-lettered however long it takes.
 * - `retry`: the handler says it may pass next time; bounded retries, then the DLQ.
 * - `dead-letter`: retrying cannot help.
 */
export type FailurePolicy = 'wait' | 'retry' | 'dead-letter'

const connectionErrnos = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
])

// SQLSTATE classes 08 (connection), 53 (resources), 57P (operator intervention: shutdown,
// crash recovery) and 40001/40P01 (serialization failure, deadlock) all pass on a retry.
const transientSqlState = /^(08|53|57P|40001|40P01)/

export function failurePolicy(err: unknown): FailurePolicy {
  if (err instanceof LeadwireError) return err.retryable ? 'retry' : 'dead-letter'
  if (isInfrastructureError(err)) return 'wait'
  return 'retry'
}

export function isInfrastructureError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false
  const e = err as { code?: unknown; message?: unknown; name?: unknown; retriable?: unknown }
  if (typeof e.code === 'string' && (connectionErrnos.has(e.code) || transientSqlState.test(e.code)))
    return true
  if (typeof e.message === 'string') {
    if (
      /Connection terminated|connection is closed|Connection is closed|Client has encountered a connection error/i.test(
        e.message,
      )
    )
      return true
    if (/ECONNREFUSED|MaxRetriesPerRequestError/.test(e.message)) return true
  }
  // kafkajs marks broker-side transient failures as retriable.
  if (typeof e.name === 'string' && e.name.startsWith('KafkaJS') && e.retriable === true) return true
  return false
}

export function errorCode(err: unknown): string {
  if (err instanceof LeadwireError) return err.code
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : 'UNHANDLED'
}
