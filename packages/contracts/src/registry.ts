import type { EventDefinition } from './define-event.ts'
import { leadActivityRecordedV1 } from './events/lead-activity-recorded.v1.ts'
import { leadCapturedV1 } from './events/lead-captured.v1.ts'
import { leadContactedV1 } from './events/lead-contacted.v1.ts'
import { leadDeduplicatedV1 } from './events/lead-deduplicated.v1.ts'
import { leadEnrichedV1 } from './events/lead-enriched.v1.ts'
import { leadHandedOffV1 } from './events/lead-handed-off.v1.ts'
import { leadNurturedV1 } from './events/lead-nurtured.v1.ts'
import { leadOutcomeRecordedV1 } from './events/lead-outcome-recorded.v1.ts'
import { leadRoutedV1 } from './events/lead-routed.v1.ts'
import { leadScoredV1 } from './events/lead-scored.v1.ts'
import { leadSlaBreachedV1 } from './events/lead-sla-breached.v1.ts'

const day = 24 * 60 * 60 * 1000

export interface TopicDefinition {
  readonly name: string
  readonly partitions: number
  readonly retentionMs: number
  /** Every lead topic is keyed by the lead id so one lead's events stay in order. */
  readonly key: 'leadId'
  readonly event: EventDefinition
  readonly producer: string
}

const topic = (event: EventDefinition, producer: string, retentionDays = 7): TopicDefinition =>
  Object.freeze({
    name: event.topic,
    partitions: 6,
    retentionMs: retentionDays * day,
    key: 'leadId',
    event,
    producer,
  })

export const topics: readonly TopicDefinition[] = Object.freeze([
  topic(leadCapturedV1, 'capture', 14),
  topic(leadEnrichedV1, 'enrichment'),
  topic(leadDeduplicatedV1, 'dedup'),
  topic(leadScoredV1, 'scoring'),
  topic(leadNurturedV1, 'scoring', 30),
  topic(leadRoutedV1, 'routing', 30),
  topic(leadActivityRecordedV1, 'capture', 30),
  topic(leadContactedV1, 'capture', 30),
  topic(leadHandedOffV1, 'capture', 30),
  topic(leadOutcomeRecordedV1, 'capture', 90),
  topic(leadSlaBreachedV1, 'sla-watchdog', 30),
])

/** Dead letters keep their original bytes and headers; they live longer than their source. */
export const dlqTopicName = (topicName: string): string => `${topicName}.dlq`
export const dlqRetentionMs = 30 * day

const byType = new Map(topics.map((t) => [t.event.type, t.event]))
const byTopic = new Map(topics.map((t) => [t.name, t]))

export const eventByType = (type: string): EventDefinition | undefined => byType.get(type)
export const topicByName = (name: string): TopicDefinition | undefined => byTopic.get(name)
