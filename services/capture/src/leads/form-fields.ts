import { captureErrors } from '../http/errors.ts'
import { forbiddenNames, textProblem } from '../http/untrusted-json.ts'

// Plain HTML forms send flat names; these common ones map onto the nested shape. Any other
// name may use the nested path itself ("company.industry", "utm.source", "custom.budget").
const aliases: Record<string, string> = {
  email: 'contact.email',
  firstName: 'contact.firstName',
  first_name: 'contact.firstName',
  lastName: 'contact.lastName',
  last_name: 'contact.lastName',
  phone: 'contact.phone',
  title: 'contact.title',
  jobTitle: 'contact.title',
  company: 'company.name',
  website: 'company.domain',
  employees: 'company.employees',
  industry: 'company.industry',
  country: 'company.country',
  formId: 'source.formId',
  submissionId: 'source.submissionId',
  intent: 'source.intent',
  campaign: 'source.campaign',
  pageUrl: 'source.pageUrl',
  referrer: 'source.referrer',
  utm_source: 'source.utm.source',
  utm_medium: 'source.utm.medium',
  utm_campaign: 'source.utm.campaign',
  utm_term: 'source.utm.term',
  utm_content: 'source.utm.content',
  _hp: 'antiSpam.honeypot',
  _started: 'antiSpam.startedAt',
}

const numeric = new Set(['company.employees', 'antiSpam.startedAt'])
const boolean = new Set(['consent.marketing', 'consent.contact'])

export interface FormSubmission {
  body: Record<string, unknown>
  /** Where to send the browser after success (the `redirect` field); checked by the route. */
  redirect: string | undefined
}

/** Turns urlencoded form fields into the nested input; values stay strings unless typed above. */
export function fromFormFields(fields: Record<string, string>): FormSubmission {
  const body: Record<string, unknown> = {}
  let redirect: string | undefined
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'redirect') {
      redirect = value || undefined
      continue
    }
    // An empty field is "not given" (an empty honeypot is what a person leaves behind).
    if (value === '') continue
    // Own keys only: `aliases.constructor` is Object itself (a 500 on a field named so).
    const path = (Object.hasOwn(aliases, name) ? aliases[name]! : name)
      .replace(/^utm\./, 'source.utm.')
      .split('.')
    const bad = path.find((part) => forbiddenNames.has(part))
    if (bad) throw captureErrors.forbiddenName(bad, name)
    const nameProblem = textProblem(name)
    const why = nameProblem ? `the name ${nameProblem}` : textProblem(value)
    if (why) throw captureErrors.badText(name || '""', why)
    const key = path.join('.')
    // A broken anti-spam hint (a script that did not run) must never cost the lead itself.
    if (key === 'antiSpam.startedAt' && !isEpochMs(value)) continue
    const typed =
      numeric.has(key) && /^\d+$/.test(value) ? Number(value) : boolean.has(key) ? isTruthy(value) : value
    setPath(body, path, typed)
  }
  return { body, redirect }
}

const isEpochMs = (v: string) => /^\d+$/.test(v) && Number.isSafeInteger(Number(v)) && Number(v) > 0

const isTruthy = (v: string) => ['true', 'on', 'yes', '1'].includes(v.toLowerCase())

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target
  for (const part of path.slice(0, -1)) {
    const next = node[part]
    node[part] = typeof next === 'object' && next !== null ? next : {}
    node = node[part] as Record<string, unknown>
  }
  node[path[path.length - 1]!] = value
}
