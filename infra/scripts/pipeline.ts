import { freePort, type RunningService, startService } from './processes.ts'
import { type ServiceName, services } from './services.ts'

export interface Pipeline {
  services: RunningService[]
  captureUrl: string
  get(name: ServiceName): RunningService
  stop(): Promise<void>
}

/**
 * Starts the six services as separate processes and waits until each says it is ready.
 * `ports: 'free'` picks unused ports, so a test run never fights a stack already running.
 */
export async function startPipeline(opts: {
  env: NodeJS.ProcessEnv
  logDir: string
  ports: 'default' | 'free'
  onLine?: (service: ServiceName, line: string) => void
}): Promise<Pipeline> {
  const running: RunningService[] = []
  for (const { name, port } of services) {
    const chosen = opts.ports === 'free' ? await freePort() : port
    const onLine = opts.onLine && ((line: string) => opts.onLine?.(name, line))
    running.push(
      startService(name, { env: opts.env, port: chosen, logDir: opts.logDir, ...(onLine && { onLine }) }),
    )
  }
  const pipeline: Pipeline = {
    services: running,
    captureUrl: `http://127.0.0.1:${running[0]!.port}`,
    get: (name) => running.find((s) => s.name === name)!,
    stop: async () => {
      await Promise.all(running.map((s) => s.stop()))
    },
  }
  try {
    await Promise.all(running.map((s) => s.ready()))
  } catch (err) {
    await pipeline.stop()
    throw err
  }
  return pipeline
}
