import type { Admin } from 'kafkajs'

/**
 * Total lag of consumer groups: committed offsets against the partitions' end offsets, read
 * from the broker. The services' own gauge is taken after each batch against that batch's
 * high watermark, so it reads near zero exactly when messages pile up behind the batch.
 */
export async function groupLag(
  admin: Admin,
  groups: readonly { groupId: string; topics: string[] }[],
): Promise<number> {
  let total = 0
  for (const { groupId, topics } of groups) {
    const committed = await admin.fetchOffsets({ groupId, topics })
    for (const { topic, partitions } of committed) {
      const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]))
      for (const p of partitions) {
        const done = Number(p.offset)
        // A group that has committed nothing yet on a partition is behind by all of it.
        total += Math.max(0, (ends.get(p.partition) ?? 0) - Math.max(done, 0))
      }
    }
  }
  return total
}
