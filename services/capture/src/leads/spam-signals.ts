import type { SpamAssessment, SpamSignal } from '@leadwire/contracts'
import { disposableEmailBlocklistSet } from 'disposable-email-domains-js'
import type { LeadInput } from './lead-input.ts'

/** People take seconds to fill in even a short form; scripts post at once. */
export const tooFastMs = 3000

const weights = {
  honeypot: 0.9,
  link_stuffed: 0.6,
  too_fast: 0.5,
  disposable_email: 0.4,
} as const

const linkPattern = /\bhttps?:\/\/|\bwww\.[a-z0-9-]+\.[a-z]/gi

/**
 * Scores spam signals at intake. Nothing is dropped here: the assessment travels on the
 * captured event, so a false positive costs a review, never a lost lead.
 */
export function assessSpam(lead: LeadInput, now: Date): SpamAssessment {
  const signals: SpamSignal[] = []
  const add = (signal: keyof typeof weights, detail: string) =>
    signals.push({ signal, weight: weights[signal], detail })

  if (lead.antiSpam?.honeypot?.trim()) add('honeypot', 'the hidden honeypot field was filled in')
  const startedAt = lead.antiSpam?.startedAt
  if (startedAt !== undefined) {
    const elapsed = now.getTime() - startedAt
    // A negative gap is a client clock ahead of ours, not evidence of anything.
    if (elapsed >= 0 && elapsed < tooFastMs)
      add('too_fast', `submitted ${elapsed} ms after the form was shown`)
  }
  const domain = lead.contact.email?.slice(lead.contact.email.lastIndexOf('@') + 1).toLowerCase()
  if (domain && isDisposableDomain(domain)) add('disposable_email', `${domain} is a disposable email domain`)
  const links = countLinks(lead)
  if (links.inNames > 0 || links.total >= 3) {
    add(
      'link_stuffed',
      `${links.total} link(s) in the text fields, ${links.inNames} in name, title or company`,
    )
  }
  // Signals as independent evidence (noisy-or): two weak ones add up, none can exceed 1.
  const score = 1 - signals.reduce((p, s) => p * (1 - s.weight), 1)
  return { score: Math.round(score * 100) / 100, signals }
}

let disposable: Set<string> | undefined

/** The domain or any parent of it (mail.mailinator.com) is on the list; loaded on first use. */
function isDisposableDomain(domain: string): boolean {
  disposable ??= disposableEmailBlocklistSet()
  const parts = domain.split('.')
  return parts.some((_, i) => i < parts.length - 1 && disposable!.has(parts.slice(i).join('.')))
}

function countLinks(lead: LeadInput): { inNames: number; total: number } {
  const count = (text: string | undefined) => (text ? (text.match(linkPattern)?.length ?? 0) : 0)
  const { firstName, lastName, title } = lead.contact
  const inNames = [firstName, lastName, title, lead.company.name].reduce((n, t) => n + count(t), 0)
  const inCustom = Object.values(lead.custom).reduce<number>(
    (n, v) => n + (typeof v === 'string' ? count(v) : 0),
    0,
  )
  return { inNames, total: inNames + inCustom }
}
