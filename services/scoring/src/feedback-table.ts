import type { FeedbackRow } from './pg-feedback.ts'

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`)

function topReasons(reasons: Record<string, number>): string {
  const sorted = Object.entries(reasons).sort((a, b) => b[1] - a[1])
  return sorted.length === 0 ? '–' : sorted.map(([reason, n]) => `${reason} ${n}`).join(', ')
}

/** One Markdown table: per key, leads, how sales judged them, and what they became. */
export function feedbackTable(title: string, rows: readonly FeedbackRow[]): string {
  const header = [
    `| ${title} | leads | handed over | accepted | rejected | rejected share | reject reasons | opportunities | won | lost | converted share |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ]
  const body = rows.map((r) =>
    [
      r.key,
      r.leads,
      r.handedOver,
      r.accepted,
      r.rejected,
      pct(r.rejected, r.accepted + r.rejected),
      topReasons(r.rejectReasons),
      r.opportunities,
      r.won,
      r.lost,
      pct(r.opportunities, r.leads),
    ].join(' | '),
  )
  return [...header, ...body.map((line) => `| ${line} |`)].join('\n')
}
