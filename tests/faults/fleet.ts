import { freePort, type RunningService, startService } from '@leadwire/stack/processes'
import { type ServiceName, services } from '@leadwire/stack/services'

/**
 * The six services as processes, any of them in several replicas, each replica on a port of
 * its own that it keeps across restarts (the lead stream keeps posting to the same address).
 */
export function createFleet(opts: { env: NodeJS.ProcessEnv; logDir: string }) {
  const replicas = new Map<ServiceName, RunningService[]>()
  const expected = new Set<RunningService>()
  /** Processes that ended without the suite ending them: a crash the suite must report. */
  const unexpectedExits: string[] = []

  async function launch(name: ServiceName, port?: number): Promise<RunningService> {
    const chosen = port ?? (await freePort())
    const svc = startService(name, {
      env: opts.env,
      port: chosen,
      logDir: opts.logDir,
      // A restarted replica appends to the log of the one it replaces.
      logName: `${name}-${chosen}`,
    })
    replicas.set(name, [...(replicas.get(name) ?? []), svc])
    svc.child.once('exit', (code, signal) => {
      if (!expected.has(svc))
        unexpectedExits.push(`${name} on :${chosen} exited (${signal ?? `code ${code}`})`)
    })
    return svc
  }

  async function end(svc: RunningService, signal: NodeJS.Signals): Promise<void> {
    expected.add(svc)
    await svc.stop(signal)
    replicas.set(
      svc.name,
      (replicas.get(svc.name) ?? []).filter((s) => s !== svc),
    )
  }

  return {
    /** One replica of each service, all ready. */
    async startAll(): Promise<void> {
      const started = await Promise.all(services.map(({ name }) => launch(name)))
      await Promise.all(started.map((s) => s.ready()))
    },
    /** A new replica of `name`, not yet ready: the caller decides whether to wait. */
    add: (name: ServiceName) => launch(name),
    replicasOf: (name: ServiceName): RunningService[] => [...(replicas.get(name) ?? [])],
    first: (name: ServiceName): RunningService => replicas.get(name)![0]!,
    /** SIGKILL: no shutdown hook runs, in-flight work is simply gone. */
    kill: (svc: RunningService) => end(svc, 'SIGKILL'),
    /** SIGTERM: the service drains and commits what it has, as on a deploy. */
    stop: (svc: RunningService) => end(svc, 'SIGTERM'),
    /** Starts `name` again on the port a stopped replica had, and waits until it is ready. */
    async restart(name: ServiceName, port: number): Promise<RunningService> {
      const svc = await launch(name, port)
      await svc.ready()
      return svc
    },
    all: (): RunningService[] => [...replicas.values()].flat(),
    unexpectedExits: () => [...unexpectedExits],
    async stopAll(): Promise<void> {
      for (const s of [...replicas.values()].flat()) expected.add(s)
      await Promise.all([...replicas.values()].flat().map((s) => s.stop()))
      replicas.clear()
    },
  }
}

export type Fleet = ReturnType<typeof createFleet>
