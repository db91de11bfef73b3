import { dlqTopicName } from '@leadwire/contracts'
import type { IHeaders, KafkaMessage, Producer } from 'kafkajs'

export interface DeadLetter {
  topic: string
  partition: number
  message: KafkaMessage
  service: string
  reason: string
  error: string
  attempts: number
}

/**
 * A dead letter keeps the original key, value and headers byte for byte, so the replay
 * command can put it back unchanged once the cause is fixed; the error travels in dlq_*
 * headers next to them.
 */
export async function sendToDeadLetter(producer: Producer, dl: DeadLetter): Promise<void> {
  const headers: IHeaders = { ...dl.message.headers }
  Object.assign(headers, {
    dlq_reason: dl.reason,
    dlq_error: dl.error.slice(0, 4000),
    dlq_service: dl.service,
    dlq_topic: dl.topic,
    dlq_partition: String(dl.partition),
    dlq_offset: dl.message.offset,
    dlq_attempts: String(dl.attempts),
    dlq_at: new Date().toISOString(),
  })
  await producer.send({
    topic: dlqTopicName(dl.topic),
    acks: -1,
    messages: [{ key: dl.message.key, value: dl.message.value, headers }],
  })
}
