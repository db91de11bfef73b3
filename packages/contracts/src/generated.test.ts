import { describe, expect, it } from 'vitest'
import { readGenerated } from '../scripts/generate.ts'
import { buildAsyncApi } from './asyncapi.ts'
import { driftBetween, generatedFiles } from './documents.ts'
import { eventJsonSchema } from './json-schema.ts'
import { topics } from './registry.ts'

type Node = Record<string, unknown>

function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refsIn(item, found)
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.push(child)
      else refsIn(child, found)
    }
  }
  return found
}

/** Resolves a local JSON pointer (RFC 6901), or undefined when it points nowhere. */
function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Node)[part] : undefined),
      doc,
    )
}

describe('generated documents', () => {
  it('match the committed files (run `pnpm generate` after changing a schema)', () => {
    expect(driftBetween(generatedFiles(), readGenerated())).toEqual([])
  })

  it('report a changed, a missing and a stale file as drift', () => {
    const expected = new Map([
      ['a.json', '{}\n'],
      ['b.json', '{}\n'],
    ])
    const actual = new Map([
      ['a.json', '{"x":1}\n'],
      ['c.json', '{}\n'],
    ])
    expect(driftBetween(expected, actual)).toEqual([
      { path: 'a.json', problem: 'differs' },
      { path: 'b.json', problem: 'missing' },
      { path: 'c.json', problem: 'stale' },
    ])
  })

  it('are byte-for-byte deterministic and end with a newline', () => {
    const [first, second] = [generatedFiles(), generatedFiles()]
    expect([...first]).toEqual([...second])
    for (const text of first.values()) expect(text.endsWith('}\n')).toBe(true)
  })

  it('leave objects open so additive v1 changes do not break validating consumers', () => {
    for (const t of topics)
      expect(JSON.stringify(eventJsonSchema(t.event))).not.toContain('"additionalProperties":false')
  })

  it('use no draft 2020-12-only keyword, so AsyncAPI payloads read as draft-07 too', () => {
    for (const t of topics) {
      const { $schema: modern, ...rest2020 } = eventJsonSchema(t.event)
      const { $schema: draft7, ...rest07 } = eventJsonSchema(t.event, 'draft-07')
      expect([modern, draft7]).toEqual([
        'https://json-schema.org/draft/2020-12/schema',
        'http://json-schema.org/draft-07/schema#',
      ])
      expect(rest2020).toEqual(rest07)
    }
  })
})

describe('AsyncAPI document', () => {
  const doc = buildAsyncApi() as Node & { channels: Record<string, Node>; operations: Record<string, Node> }

  it('has one channel per registry topic, at the topic address', () => {
    expect(doc.asyncapi).toBe('3.0.0')
    expect(Object.values(doc.channels).map((c) => c.address)).toEqual(topics.map((t) => t.name))
  })

  it('resolves every $ref inside the document', () => {
    const refs = refsIn(doc)
    expect(refs.length).toBeGreaterThan(topics.length * 3)
    const dangling = refs.filter((ref) => resolve(doc, ref) === undefined)
    expect(dangling).toEqual([])
  })

  it('has a send operation for each producer, and receives only messages of their channel', () => {
    for (const t of topics) {
      expect(doc.operations[`${t.producer}.send.${t.name}`]).toMatchObject({ action: 'send' })
    }
    for (const op of Object.values(doc.operations)) {
      const channel = (op.channel as { $ref: string }).$ref
      for (const m of op.messages as { $ref: string }[])
        expect(m.$ref.startsWith(`${channel}/messages/`)).toBe(true)
    }
    expect(doc.operations['routing.receive.leads.scored.v1']).toMatchObject({ action: 'receive' })
  })

  it('gives every message an example whose payload its schema accepts', () => {
    for (const t of topics) {
      const message = resolve(doc, `#/components/messages/${t.event.type}`) as {
        examples: { payload: unknown }[]
      }
      expect(t.event.schema.safeParse(message.examples[0]?.payload).success).toBe(true)
    }
  })
})
