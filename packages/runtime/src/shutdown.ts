import type { Logger } from './logger.ts'

export interface ShutdownStep {
  name: string
  run: () => Promise<unknown>
}

/**
 * SIGTERM/SIGINT run the steps in order (stop fetching, finish in-flight work, flush the
 * producer, close Redis and Postgres, tracing last). A second signal exits at once.
 */
export function installShutdown(
  log: Logger,
  steps: readonly ShutdownStep[],
  exit = process.exit,
): (reason?: string, code?: number) => Promise<void> {
  let shuttingDown = false
  const shutdown = async (signal: string, code = 0) => {
    if (shuttingDown) {
      log.warn({ signal }, 'second signal; exiting now')
      exit(1)
      return
    }
    shuttingDown = true
    log.info({ signal }, 'shutting down')
    let failed = false
    for (const step of steps) {
      try {
        await step.run()
      } catch (err) {
        failed = true
        log.error({ err, step: step.name }, 'shutdown step failed')
      }
    }
    log.info('stopped')
    exit(failed ? 1 : code)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
  /** The same orderly stop from inside, e.g. `('consumer crashed', 1)` for a supervisor to restart. */
  return (reason = 'manual', code = 0) => shutdown(reason, code)
}
