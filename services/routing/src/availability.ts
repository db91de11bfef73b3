import { isBusinessTime } from '@leadwire/playbook'
import type { Rep } from './directory.ts'

export interface Workload {
  /** When the lead is routed; absences, holidays and shifts are read at this instant. */
  now?: Date | undefined
  /** Open leads per rep id. */
  openCounts?: Readonly<Record<string, number>> | undefined
  /** Leads routed to each rep on their current local day. */
  dayCounts?: Readonly<Record<string, number>> | undefined
  /** Reps already tried for this lead (a re-route after an escalation). */
  exclude?: readonly string[] | undefined
  /**
   * Skip reps outside their own working hours. Only inside the playbook's business hours:
   * off hours a business-hours lead still goes to a rep and its clock waits (see rules.ts).
   */
  checkShift?: boolean | undefined
}

/** Why a rep cannot take a lead now, or undefined when they can. */
export function ineligibility(rep: Rep, work: Workload, checkCapacity = true): string | undefined {
  if (!rep.active) return 'inactive'
  if (work.exclude?.includes(rep.id)) return 'already tried for this lead'
  const away = work.now && absence(rep, work.now, work.checkShift ?? false)
  if (away) return away
  if (!checkCapacity) return undefined
  const open = work.openCounts?.[rep.id] ?? 0
  if (open >= rep.capacity.maxOpen) return `at capacity (${open}/${rep.capacity.maxOpen})`
  const today = work.dayCounts?.[rep.id] ?? 0
  const perDay = rep.capacity.maxPerDay
  if (perDay !== undefined && today >= perDay) return `daily cap reached (${today}/${perDay})`
  return undefined
}

function absence(rep: Rep, now: Date, checkShift: boolean): string | undefined {
  const t = now.getTime()
  const ooo = rep.outOfOffice.find((a) => Date.parse(a.from) <= t && t < Date.parse(a.to))
  if (ooo) return `out of office until ${ooo.to}`
  const hours = rep.workingHours
  if (!hours) return undefined
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: rep.timezone }).format(now)
  if (hours.holidays.includes(local)) return `on holiday (${local})`
  if (checkShift && !isBusinessTime(hours, rep.timezone, now)) return `off shift (${rep.timezone})`
  return undefined
}
