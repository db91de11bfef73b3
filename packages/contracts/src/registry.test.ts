import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { EventDefinition } from './define-event.ts'
import { eventExamples } from './examples.ts'
import { dlqTopicName, eventByType, topicByName, topics } from './registry.ts'

const eventsDir = new URL('./events/', import.meta.url)

async function definedEvents(): Promise<EventDefinition[]> {
  const files = readdirSync(eventsDir).filter((f) => /\.v\d+\.ts$/.test(f))
  const modules = await Promise.all(files.map((f) => import(new URL(f, eventsDir).href)))
  return modules.flatMap((m) => Object.values(m as Record<string, unknown>)).filter(isEventDefinition)
}

const isEventDefinition = (value: unknown): value is EventDefinition =>
  typeof value === 'object' && value !== null && 'type' in value && 'topic' in value && 'schema' in value

describe('topic registry', () => {
  it('has unique topic names and unique event types', () => {
    const names = topics.map((t) => t.name)
    const types = topics.map((t) => t.event.type)
    expect(new Set(names).size).toBe(names.length)
    expect(new Set(types).size).toBe(types.length)
  })

  it('registers every event defined in src/events', async () => {
    const defined = await definedEvents()
    expect(defined.length).toBeGreaterThan(0)
    for (const event of defined) expect(eventByType(event.type), event.type).toBe(event)
    expect(defined.length).toBe(topics.length)
  })

  it('puts each event on the topic it names, with matching versions', () => {
    for (const t of topics) {
      expect(t.name).toBe(t.event.topic)
      expect(t.name).toMatch(/^leads\.[a-z-]+\.v\d+$/)
      expect(t.event.type).toMatch(/^io\.leadwire\.lead\.[a-z-]+\.v\d+$/)
      expect(t.name.split('.').at(-1)).toBe(t.event.type.split('.').at(-1))
    }
  })

  it('keys every topic by lead id and keeps messages for at least a week', () => {
    for (const t of topics) {
      expect(t.key).toBe('leadId')
      expect(t.partitions).toBeGreaterThan(0)
      expect(t.retentionMs).toBeGreaterThanOrEqual(7 * 24 * 60 * 60 * 1000)
      expect(t.producer).toMatch(/^[a-z-]+$/)
    }
  })

  it('has one example per registered event type', () => {
    expect(Object.keys(eventExamples).sort()).toEqual(topics.map((t) => t.event.type).sort())
  })

  it('finds topics by name and events by type, and names dead-letter topics', () => {
    expect(topicByName('leads.routed.v1')?.producer).toBe('routing')
    expect(topicByName('leads.unknown.v1')).toBeUndefined()
    expect(eventByType('io.leadwire.lead.unknown.v1')).toBeUndefined()
    expect(dlqTopicName('leads.captured.v1')).toBe('leads.captured.v1.dlq')
  })
})
