import { describe, expect, it } from 'vitest'
import { baseTopic, createNames } from './names.ts'

describe('names', () => {
  it('uses the registry names as they are in the default namespace', () => {
    const n = createNames('')
    expect([
      n.topic('leads.routed.v1'),
      n.schema('sla-watchdog'),
      n.group('routing'),
      n.redisKey('routing', 'c'),
    ]).toEqual(['leads.routed.v1', 'sla_watchdog', 'leadwire-routing', 'leadwire:routing:c'])
  })

  it('prefixes every name in a namespace, and strips the prefix back off a topic', () => {
    const n = createNames('t1')
    expect([n.topic('leads.routed.v1'), n.schema('capture'), n.group('routing'), n.redisKey('x')]).toEqual([
      't1.leads.routed.v1',
      't1_capture',
      't1.leadwire-routing',
      'leadwire:t1:x',
    ])
    expect(baseTopic(n, 't1.leads.routed.v1')).toBe('leads.routed.v1')
  })

  it('refuses a namespace that is not a safe identifier', () => {
    expect(() => createNames('x"; drop')).toThrow(/namespace/)
  })
})
