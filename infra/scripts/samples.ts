import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { decodeEvent, type LeadRoutedV1, leadRoutedV1 } from '@leadwire/contracts'
import type { Kafka } from 'kafkajs'

export interface PostedSample {
  leadId: string
  label: string
}

/** Posts each sample lead to the capture API; returns the lead ids it answered with. */
export async function postSamples(baseUrl: string, file: string): Promise<PostedSample[]> {
  const leads = JSON.parse(readFileSync(file, 'utf8')) as {
    contact: Record<string, string>
    company: { name?: string }
  }[]
  const posted: PostedSample[] = []
  for (const lead of leads) {
    const res = await fetch(`${baseUrl}/v1/leads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `sample-${randomUUID()}` },
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

/** Reads leads.routed.v1 with a throwaway consumer group, from now on. */
export async function watchRouted(kafka: Kafka, topic: string) {
  const routed = new Map<string, LeadRoutedV1>()
  const consumer = kafka.consumer({ groupId: `leadwire-stack-watch-${randomUUID()}`, maxWaitTimeInMs: 50 })
  await consumer.connect()
  await consumer.subscribe({ topic, fromBeginning: false })
  await consumer.run({
    eachMessage: async ({ message }) => {
      const decoded = decodeEvent<LeadRoutedV1>(message, [leadRoutedV1])
      if (decoded.ok) routed.set(decoded.event.data.lead.leadId, decoded.event.data)
    },
  })
  // A fresh group starts at the end only once it has joined: wait for the assignment.
  await new Promise<void>((resolve) => {
    const off = consumer.on(consumer.events.GROUP_JOIN, () => {
      off()
      resolve()
    })
  })
  return {
    async waitFor(leadIds: string[], timeoutMs: number) {
      const end = Date.now() + timeoutMs
      while (Date.now() < end && !leadIds.every((id) => routed.has(id)))
        await new Promise((r) => setTimeout(r, 100))
      return routed
    },
    stop: () => consumer.disconnect(),
  }
}

export function printRoutes(samples: PostedSample[], routed: Map<string, LeadRoutedV1>): void {
  console.log('\nSample leads, where they went and why:')
  for (const s of samples) {
    const r = routed.get(s.leadId)
    if (!r) {
      console.log(`  - ${s.label}: not routed yet (nurture, or still in flight)`)
      continue
    }
    const a = r.assignment
    const to = a.repName ? `${a.repName} (${a.teamId})` : `queue ${a.queue}`
    console.log(`  - ${s.label} -> ${to}`)
    console.log(
      `      segment ${r.score.segment}, ${r.score.stage.toUpperCase()} ${r.score.total} pts, ${a.method}: ${a.reason}`,
    )
  }
  console.log('')
}
