import type { Admin } from 'kafkajs'
import type { Logger } from './logger.ts'
import type { Metrics } from './metrics.ts'

export interface PartitionLag {
  topic: string
  partition: number
  /** -1 while the group has committed nothing on the partition. */
  committed: number
  end: number
  /** Messages not yet committed: from the committed offset, or from the log start without one. */
  lag: number
}

/**
 * A group's lag as the broker sees it: committed offsets against each partition's end, for
 * every topic the group has committed on (or the given ones).
 */
export async function groupLag(
  admin: Admin,
  group: string,
  topics?: readonly string[],
): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId: group, ...(topics && { topics: [...topics] }) })
  const lags: PartitionLag[] = []
  for (const t of committed) {
    const at = new Map(t.partitions.map((p) => [p.partition, Number(p.offset)]))
    for (const end of await admin.fetchTopicOffsets(t.topic)) {
      const c = at.get(end.partition) ?? -1
      const high = Number(end.high)
      lags.push({
        topic: t.topic,
        partition: end.partition,
        committed: c,
        end: high,
        lag: c < 0 ? high - Number(end.low) : high - c,
      })
    }
  }
  // The broker answers partitions in no set order; operators read them in order.
  return lags.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
}

/**
 * Sets leadwire_consumer_lag every `intervalMs` for the partitions this member owns, read from
 * the broker. Each replica reports only its own partitions, so a sum over replicas counts each
 * partition once; a partition that moved to another replica is dropped from this one's gauge.
 */
export function startLagReporter(opts: {
  admin: Admin
  group: string
  owned: () => ReadonlyMap<string, readonly number[]>
  metrics: Metrics
  log: Logger
  intervalMs: number
}) {
  let reported = new Set<string>()
  let running: Promise<void> | undefined
  async function report(): Promise<void> {
    const owned = opts.owned()
    const lags = owned.size ? await groupLag(opts.admin, opts.group, [...owned.keys()]) : []
    const now = new Set<string>()
    for (const l of lags) {
      if (!owned.get(l.topic)?.includes(l.partition)) continue
      opts.metrics.consumerLag.set({ topic: l.topic, partition: String(l.partition) }, l.lag)
      now.add(`${l.topic}\u0000${l.partition}`)
    }
    for (const gone of reported) {
      if (now.has(gone)) continue
      const [topic, partition] = gone.split('\u0000') as [string, string]
      opts.metrics.consumerLag.remove({ topic, partition })
    }
    reported = now
  }
  const timer = setInterval(() => {
    running ??= report()
      .catch((err) => opts.log.debug({ err }, 'consumer lag not read this time'))
      .finally(() => {
        running = undefined
      })
  }, opts.intervalMs)
  timer.unref()
  return {
    report,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
