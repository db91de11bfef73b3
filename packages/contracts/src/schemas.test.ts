import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { EventDefinition } from './define-event.ts'
import { leadCapturedV1 } from './events/lead-captured.v1.ts'
import { leadContactedV1 } from './events/lead-contacted.v1.ts'
import { leadHandedOffV1 } from './events/lead-handed-off.v1.ts'
import { leadRoutedV1 } from './events/lead-routed.v1.ts'
import { leadScoredV1 } from './events/lead-scored.v1.ts'
import { leadSlaBreachedV1 } from './events/lead-sla-breached.v1.ts'
import {
  eventExamples,
  exampleLead,
  exampleLeadCaptured,
  exampleLeadContacted,
  exampleLeadHandedOff,
  exampleLeadRouted,
  exampleLeadScored,
  exampleLeadSlaBreached,
} from './examples.ts'
import { topics } from './registry.ts'

/** The issues as `path: message`, the way decodeEvent reports them. */
function problems(definition: EventDefinition, data: unknown): string[] {
  const result = definition.schema.safeParse(data)
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

const captured = (lead: Partial<z.input<typeof leadCapturedV1.schema>['lead']>) => ({
  ...exampleLeadCaptured,
  lead: { ...exampleLead, ...lead },
})

describe('event schemas', () => {
  it.each(topics.map((t) => [t.event.type, t.event] as const))('%s accepts its example as is', (_, event) => {
    const example = eventExamples[event.type]
    expect(problems(event, example)).toEqual([])
    // Examples are in wire form: parsing adds no default and rewrites nothing.
    expect(event.schema.parse(example)).toEqual(example)
  })

  it('rejects a bad email and names the field', () => {
    const data = captured({ contact: { ...exampleLead.contact, email: 'dana@' } })
    expect(problems(leadCapturedV1, data)).toEqual(['lead.contact.email: Invalid email address'])
  })

  it('rejects an unknown channel and lists the known ones', () => {
    const data = captured({ source: { ...exampleLead.source, channel: 'carrier_pigeon' as 'event' } })
    const [problem] = problems(leadCapturedV1, data)
    expect(problem).toMatch(/^lead\.source\.channel: Invalid option: expected one of .*"inbound_form"/)
  })

  it('rejects a lead event without its leadId', () => {
    const { leadId: _, ...withoutId } = exampleLeadContacted
    expect(problems(leadContactedV1, withoutId)).toEqual([expect.stringMatching(/^leadId: Invalid input/)])
    const { leadId: __, ...leadWithoutId } = exampleLead
    expect(problems(leadCapturedV1, { ...exampleLeadCaptured, lead: leadWithoutId })).toEqual([
      expect.stringMatching(/^lead\.leadId: /),
    ])
  })

  it('rejects a leadId that is not a uuid', () => {
    expect(problems(leadContactedV1, { ...exampleLeadContacted, leadId: 'lead-42' })).toEqual([
      'leadId: Invalid UUID',
    ])
  })

  it('accepts 50 custom fields and rejects 51', () => {
    const fields = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`field_${i}`, i]))
    expect(problems(leadCapturedV1, captured({ custom: fields(50) }))).toEqual([])
    expect(problems(leadCapturedV1, captured({ custom: fields(51) }))).toEqual([
      'lead.custom: at most 50 custom fields',
    ])
  })

  it('rejects a timestamp without a time zone', () => {
    const data = { ...exampleLeadContacted, contactedAt: '2025-03-11T14:05:52' }
    expect(problems(leadContactedV1, data)).toEqual([
      expect.stringMatching(/^contactedAt: Invalid ISO datetime/),
    ])
  })

  it('normalises the submitted country to upper case and rejects a three-letter one', () => {
    const lower = captured({ company: { ...exampleLead.company, country: 'us' } })
    expect(leadCapturedV1.schema.parse(lower).lead.company.country).toBe('US')
    const long = captured({ company: { ...exampleLead.company, country: 'USA' } })
    expect(problems(leadCapturedV1, long)).toEqual([
      expect.stringMatching(/^lead\.company\.country: Too big/),
    ])
  })

  it('fills the defaults a producer may leave out', () => {
    const { consent: _, custom: __, ...bare } = exampleLead
    const parsed = leadCapturedV1.schema.parse({ ...exampleLeadCaptured, lead: bare })
    expect(parsed.lead.consent).toEqual({})
    expect(parsed.lead.custom).toEqual({})
  })

  it('rejects a score probability above 1 and an unknown stage', () => {
    const score = { ...exampleLeadScored.score, probability: 1.2, stage: 'hot' }
    expect(problems(leadScoredV1, { ...exampleLeadScored, score })).toEqual([
      expect.stringMatching(/^score\.stage: Invalid option/),
      expect.stringMatching(/^score\.probability: Too big/),
    ])
  })

  it('requires a reason when a rep rejects a lead', () => {
    const { reason: _, ...noReason } = {
      ...exampleLeadHandedOff,
      decision: 'rejected' as const,
      reason: 'bad_fit',
    }
    expect(problems(leadHandedOffV1, noReason)).toEqual(['reason: a rejection needs a reason'])
    expect(problems(leadHandedOffV1, { ...noReason, decision: 'accepted' })).toEqual([])
  })

  it('reads a captured event without the spam assessment added later in v1', () => {
    const { spam: _, ...before } = exampleLeadCaptured
    expect(problems(leadCapturedV1, before)).toEqual([])
  })

  it('carries spam signals on a captured event and rejects a score above 1', () => {
    const signal = { signal: 'honeypot', weight: 0.9, detail: 'the hidden field was filled in' }
    expect(
      problems(leadCapturedV1, { ...exampleLeadCaptured, spam: { score: 0.9, signals: [signal] } }),
    ).toEqual([])
    expect(problems(leadCapturedV1, { ...exampleLeadCaptured, spam: { score: 1.5, signals: [] } })).toEqual([
      expect.stringMatching(/^spam\.score: Too big/),
    ])
  })

  it('rejects a page URL that is not http or https', () => {
    const data = captured({ source: { ...exampleLead.source, pageUrl: 'javascript:alert(1)' } })
    expect(problems(leadCapturedV1, data)).toEqual([expect.stringMatching(/^lead\.source\.pageUrl: /)])
  })

  it('rejects an assignment with neither a rep nor a queue', () => {
    const { repId: _r, ...assignment } = exampleLeadRouted.assignment
    expect(problems(leadRoutedV1, { ...exampleLeadRouted, assignment })).toEqual([
      'assignment.repId: an assignment names a rep or a queue',
    ])
  })

  it('rejects a handoff reason that is not in the list', () => {
    const data = { ...exampleLeadHandedOff, decision: 'rejected', reason: 'too_busy' }
    expect(problems(leadHandedOffV1, data)).toEqual([expect.stringMatching(/^reason: Invalid option/)])
  })

  it('rejects a negative escalation step and a segment that is not snake_case', () => {
    const data = { ...exampleLeadSlaBreached, step: -1, segment: 'Enterprise' }
    expect(problems(leadSlaBreachedV1, data)).toEqual([
      expect.stringMatching(/^segment: Invalid string/),
      expect.stringMatching(/^step: Too small/),
    ])
  })
})
