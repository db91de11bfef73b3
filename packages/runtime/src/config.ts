import { z } from 'zod'

const port = z.coerce.number().int().min(0).max(65535)
const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])

/** Settings every leadwire process shares; each service adds its own with `extend`. */
export const baseEnvSchema = z.object({
  LEADWIRE_NAMESPACE: z
    .string()
    .regex(/^([a-z][a-z0-9_]{0,30})?$/, 'lower-case letters, digits and _ only, starting with a letter')
    .default(''),
  HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  HTTP_PORT: port.optional(),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/test'),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) => s.split(',').map((b) => b.trim()))
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'host:port')).min(1)),
  KAFKA_MAX_WAIT_MS: z.coerce.number().int().min(1).max(10_000).default(50),
  KAFKA_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(3),
  /**
   * How long the group waits for a silent member before it hands the member's partitions to
   * the others: after a crash, its partitions stall this long. Handlers heartbeat while they
   * wait out a retry, so only a single handler call longer than this would trip it.
   */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300_000).default(10_000),
  /** Larger messages go to the DLQ as OVERSIZED unparsed; the broker's own default limit is 1 MiB. */
  CONSUMER_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(256 * 1024),
  HANDLER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  HANDLER_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(200),
  LOG_LEVEL: logLevel.default('info'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
})

export class ConfigError extends Error {
  readonly issues: readonly string[]
  constructor(service: string, issues: readonly string[]) {
    super(`${service}: invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`)
    this.name = 'ConfigError'
    this.issues = issues
  }
}

export interface BaseConfig {
  readonly service: string
  readonly namespace: string
  readonly http: { readonly host: string; readonly port: number }
  readonly pg: { readonly url: string; readonly poolMax: number }
  readonly redis: { readonly url: string }
  readonly kafka: {
    readonly brokers: readonly string[]
    readonly clientId: string
    readonly maxWaitMs: number
    readonly partitionsConcurrently: number
    readonly sessionTimeoutMs: number
    readonly maxMessageBytes: number
  }
  readonly handler: { readonly maxAttempts: number; readonly retryBaseMs: number }
  readonly otel: { readonly endpoint: string | undefined }
  readonly log: { readonly level: z.infer<typeof logLevel> }
}

/**
 * Parses the environment once. Every bad key is listed in one error, so an operator fixes
 * them all in one go. `extend` adds service-specific keys, returned under `extra`.
 */
export function loadConfig<E extends z.ZodRawShape = Record<never, never>>(
  env: Record<string, string | undefined>,
  opts: { service: string; defaultPort: number; extend?: E },
): BaseConfig & { readonly extra: z.infer<z.ZodObject<E>> } {
  const schema = baseEnvSchema.extend(opts.extend ?? ({} as E))
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)
    throw new ConfigError(opts.service, issues)
  }
  const e = parsed.data as z.infer<typeof baseEnvSchema> & Record<string, unknown>
  const extra = Object.fromEntries(Object.keys(opts.extend ?? {}).map((k) => [k, e[k]]))
  return deepFreeze({
    service: opts.service,
    namespace: e.LEADWIRE_NAMESPACE,
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT ?? opts.defaultPort },
    pg: { url: e.DATABASE_URL, poolMax: e.PG_POOL_MAX },
    redis: { url: e.REDIS_URL },
    kafka: {
      brokers: e.KAFKA_BROKERS,
      clientId: `leadwire-${opts.service}`,
      maxWaitMs: e.KAFKA_MAX_WAIT_MS,
      partitionsConcurrently: e.KAFKA_PARTITIONS_CONCURRENTLY,
      sessionTimeoutMs: e.KAFKA_SESSION_TIMEOUT_MS,
      maxMessageBytes: e.CONSUMER_MAX_MESSAGE_BYTES,
    },
    handler: { maxAttempts: e.HANDLER_MAX_ATTEMPTS, retryBaseMs: e.HANDLER_RETRY_BASE_MS },
    otel: { endpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT },
    log: { level: e.LOG_LEVEL },
    extra: extra as z.infer<z.ZodObject<E>>,
  })
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
