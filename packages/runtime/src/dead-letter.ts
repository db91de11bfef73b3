import { dlqTopicName } from '@leadwire/contracts'
import type { IHeaders, KafkaMessage, Message, Producer } from 'kafkajs'

export interface DeadLetter {
  topic: string
  partition: number
  message: KafkaMessage
  service: string
  /** The consumer group that gave up on the message. */
  group: string
  reason: string
  error: string
  attempts: number
}

/** Header that marks a dead letter cut down to fit the DLQ topic; replay refuses those. */
export const truncatedHeader = 'dlq_truncated'

/** What a cut-down copy keeps: enough to find and judge the message, far below any broker limit. */
const previewBytes = 16 * 1024
const keptKeyBytes = 1024
const keptHeaderBytes = 8 * 1024

/**
 * A dead letter keeps the original key, value and headers byte for byte, so the replay
 * command can put it back unchanged once the cause is fixed; the error travels in dlq_*
 * headers next to them. When the broker refuses that copy (the DLQ topic's
 * max.message.bytes: the original was near the limit, or its topic allows more) a
 * cut-down copy goes instead, saying what was cut, so the partition never sticks on it.
 */
export async function sendToDeadLetter(
  producer: Producer,
  dl: DeadLetter,
): Promise<{ truncated: readonly string[] }> {
  const copies = [wholeCopy(dl), cutDownCopy(dl, previewBytes), cutDownCopy(dl, 0)]
  for (const [i, copy] of copies.entries()) {
    try {
      await producer.send({ topic: dlqTopicName(dl.topic), acks: -1, messages: [copy.message] })
      return { truncated: copy.truncated }
    } catch (err) {
      if (!isTooLarge(err) || i === copies.length - 1) throw err
    }
  }
  throw new Error('unreachable')
}

/** Bytes of a record as the consumer holds it: key, value, header names and values. */
export function recordBytes(message: Pick<KafkaMessage, 'key' | 'value' | 'headers'>): number {
  let n = (message.key?.length ?? 0) + (message.value?.length ?? 0)
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    n += Buffer.byteLength(name)
    for (const v of [value ?? []].flat()) n += Buffer.byteLength(v)
  }
  return n
}

/** The message of whatever a handler threw, including a thrown string, null or undefined. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string')
    return (err as { message: string }).message
  return String(err)
}

function dlqHeaders(dl: DeadLetter): Record<string, string> {
  return {
    dlq_reason: dl.reason,
    dlq_error: cutString(dl.error, 4000),
    dlq_service: dl.service,
    dlq_group: dl.group,
    dlq_topic: dl.topic,
    dlq_partition: String(dl.partition),
    dlq_offset: dl.message.offset,
    dlq_attempts: String(dl.attempts),
    dlq_at: new Date().toISOString(),
  }
}

function wholeCopy(dl: DeadLetter): { message: Message; truncated: string[] } {
  const { key, value, headers } = dl.message
  return { message: { key, value, headers: { ...headers, ...dlqHeaders(dl) } }, truncated: [] }
}

function cutDownCopy(dl: DeadLetter, valueBytes: number): { message: Message; truncated: string[] } {
  const { key, value } = dl.message
  const truncated: string[] = []
  if ((value?.length ?? 0) > valueBytes) truncated.push('value')
  if ((key?.length ?? 0) > keptKeyBytes) truncated.push('key')
  const headers: IHeaders = {}
  let room = valueBytes > 0 ? keptHeaderBytes : 0
  for (const [name, v] of Object.entries(dl.message.headers ?? {})) {
    const size = recordBytes({ key: null, value: null, headers: { [name]: v } })
    if (size > room) {
      if (!truncated.includes('headers')) truncated.push('headers')
      continue
    }
    headers[name] = v
    room -= size
  }
  Object.assign(headers, dlqHeaders(dl), {
    dlq_error: cutString(dl.error, valueBytes > 0 ? 4000 : 500),
    [truncatedHeader]: truncated.join(','),
    dlq_value_bytes: String(value?.length ?? 0),
    dlq_record_bytes: String(recordBytes(dl.message)),
  })
  return {
    message: {
      key: key?.subarray(0, keptKeyBytes) ?? null,
      value: value?.subarray(0, valueBytes) ?? null,
      headers,
    },
    truncated,
  }
}

/** At most `max` UTF-16 units, never splitting a surrogate pair into invalid UTF-8. */
function cutString(s: string, max: number): string {
  if (s.length <= max) return s
  const end = /[\uD800-\uDBFF]/.test(s[max - 1] ?? '') ? max - 1 : max
  return s.slice(0, end)
}

/** The broker's answer to a record over the topic's max.message.bytes (kafkajs keeps the type). */
function isTooLarge(err: unknown): boolean {
  for (let e = err as { type?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.type === 'MESSAGE_TOO_LARGE' || e.type === 'RECORD_LIST_TOO_LARGE') return true
    if (typeof e !== 'object') return false
  }
  return false
}
