import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import {
  decodeEvent,
  type LeadNurturedV1,
  type LeadRoutedV1,
  leadNurturedV1,
  leadRoutedV1,
} from '@leadwire/contracts'
import type { Kafka } from 'kafkajs'

export interface PostedSample {
  leadId: string
  label: string
}

/** Posts each sample lead to the capture API with a secret key; returns the lead ids it answered with. */
export async function postSamples(baseUrl: string, file: string, secretKey: string): Promise<PostedSample[]> {
  const leads = JSON.parse(readFileSync(file, 'utf8')) as {
    contact: Record<string, string>
    company: { name?: string }
  }[]
  const posted: PostedSample[] = []
  for (const lead of leads) {
    const res = await fetch(`${baseUrl}/v1/leads`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `sample-${randomUUID()}`,
        authorization: `Bearer ${secretKey}`,
      },
      body: JSON.stringify(lead),
    })
    const body = (await res.json()) as { leadId?: string; detail?: string }
    if (res.status !== 202 || !body.leadId)
      throw new Error(`capture answered ${res.status}: ${JSON.stringify(body)}`)
    const who = [lead.contact.firstName, lead.contact.lastName].filter(Boolean).join(' ')
    posted.push({
      leadId: body.leadId,
      label: `${who || lead.contact.email}${lead.company.name ? ` (${lead.company.name})` : ''}`,
    })
  }
  return posted
}

export type Outcome = { routed: LeadRoutedV1 } | { nurtured: LeadNurturedV1 }

/** Reads leads.routed.v1 and leads.nurture.v1 with a throwaway consumer group, from now on. */
export async function watchOutcomes(kafka: Kafka, topics: { routed: string; nurture: string }) {
  const outcomes = new Map<string, Outcome>()
  const consumer = kafka.consumer({ groupId: `leadwire-stack-watch-${randomUUID()}`, maxWaitTimeInMs: 50 })
  await consumer.connect()
  await consumer.subscribe({ topics: [topics.routed, topics.nurture], fromBeginning: false })
  // A fresh group starts at the end only once it has joined: listen before running, since
  // the join can complete before run() returns.
  const joined = new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.GROUP_JOIN, () => {
      off()
      resolve()
    })
  })
  await consumer.run({
    eachMessage: async ({ message }) => {
      const decoded = decodeEvent(message, [leadRoutedV1, leadNurturedV1])
      if (!decoded.ok) return
      const data = decoded.event.data as LeadRoutedV1 | LeadNurturedV1
      const outcome =
        decoded.event.type === leadRoutedV1.type
          ? { routed: data as LeadRoutedV1 }
          : { nurtured: data as LeadNurturedV1 }
      outcomes.set(data.lead.leadId, outcome)
    },
  })
  await joined
  return {
    async waitFor(leadIds: string[], timeoutMs: number) {
      const end = Date.now() + timeoutMs
      while (Date.now() < end && !leadIds.every((id) => outcomes.has(id))) {
        await new Promise((r) => setTimeout(r, 100))
      }
      return outcomes
    },
    stop: () => consumer.disconnect(),
  }
}

export function printOutcomes(samples: PostedSample[], outcomes: Map<string, Outcome>): void {
  console.log('\nSample leads, where they went and why:')
  for (const s of samples) {
    const o = outcomes.get(s.leadId)
    if (!o) {
      console.log(`  - ${s.label}: still in flight (see the service logs)`)
    } else if ('routed' in o) {
      const { assignment: a, score } = o.routed
      const to = a.repName ? `${a.repName} (${a.teamId})` : `queue ${a.queue}`
      console.log(`  - ${s.label} -> ${to}`)
      console.log(
        `      ${score.segment}, ${score.stage.toUpperCase()} ${score.total} pts, ${a.method}: ${a.reason}`,
      )
    } else {
      const { score, reason, exitCriteria } = o.nurtured
      console.log(`  - ${s.label} -> nurture (${score.total} pts): ${reason}`)
      for (const c of exitCriteria) console.log(`      back to routing: ${c}`)
    }
  }
  console.log('')
}
