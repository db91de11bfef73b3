const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/
const PERCENT = /^(\d+(?:\.\d+)?)%$/

export const SAME_BUSINESS_DAY = 'same_business_day' as const

/** `5m`, `1h30m`, `2d`: whole units from days down to seconds, largest first. */
export function isDuration(text: string): boolean {
  return text !== '' && DURATION.test(text) && durationMsOrZero(text) > 0
}

/** Milliseconds in a duration such as `15m`; throws on anything `isDuration` rejects. */
export function parseDuration(text: string): number {
  if (!isDuration(text)) throw new RangeError(`expected a duration like 5m, got '${text}'`)
  return durationMsOrZero(text)
}

function durationMsOrZero(text: string): number {
  const [, d, h, m, s] = DURATION.exec(text) ?? []
  const part = (value: string | undefined, unit: keyof typeof UNIT_MS) => Number(value ?? 0) * UNIT_MS[unit]
  return part(d, 'd') + part(h, 'h') + part(m, 'm') + part(s, 's')
}

/** `300000` -> `5m`, `5400000` -> `1h30m`; the inverse of `parseDuration` for whole seconds. */
export function formatDuration(ms: number): string {
  let rest = Math.round(ms / 1000) * 1000
  let out = ''
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const count = Math.floor(rest / UNIT_MS[unit])
    if (count > 0) out += `${count}${unit}`
    rest -= count * UNIT_MS[unit]
  }
  return out || '0s'
}

export type FirstTouch = { kind: 'duration'; ms: number } | { kind: 'same_business_day' }

export const isFirstTouch = (text: string): boolean => text === SAME_BUSINESS_DAY || isDuration(text)

export function parseFirstTouch(text: string): FirstTouch {
  return text === SAME_BUSINESS_DAY
    ? { kind: 'same_business_day' }
    : { kind: 'duration', ms: parseDuration(text) }
}

/** When an escalation step fires: a fixed time after routing, or a share of the SLA window. */
export type EscalationOffset = { kind: 'duration'; ms: number } | { kind: 'percent'; ratio: number }

export const isEscalationOffset = (text: string): boolean =>
  isDuration(text) || (PERCENT.test(text) && Number.parseFloat(text) > 0)

export function parseEscalationOffset(text: string): EscalationOffset {
  const percent = PERCENT.exec(text)
  if (percent && isEscalationOffset(text)) return { kind: 'percent', ratio: Number(percent[1]) / 100 }
  if (isDuration(text)) return { kind: 'duration', ms: parseDuration(text) }
  throw new RangeError(`expected a duration like 1h or a share of the SLA like 80%, got '${text}'`)
}
