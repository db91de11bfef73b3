/** What dedup remembers of a person between leads: each field with the time it was submitted. */
export interface Profile {
  readonly fields: Readonly<
    Record<string, { readonly value: string; readonly at: string; readonly leadId: string }>
  >
  readonly intents: readonly SubmissionIntent[]
}

export interface SubmissionIntent {
  readonly leadId: string
  readonly intent: string
  readonly channel: string
  readonly at: string
}

export interface Submission {
  readonly leadId: string
  readonly at: string
  readonly fields: Readonly<Record<string, string | undefined>>
  readonly intent: string | undefined
  readonly channel: string
}

export const emptyProfile: Profile = { fields: {}, intents: [] }

// Enough history to see a returning lead's pattern; the full list is in identity_leads.
const keptIntents = 10

/**
 * Folds a submission into a person's profile. A field takes the value submitted last (by
 * capture time, so a late-arriving older lead cannot overwrite newer data); a field the new
 * lead left empty keeps the value it had; every submission's intent is kept, newest first.
 */
export function mergeProfile(profile: Profile, s: Submission): Profile {
  const fields = { ...profile.fields }
  for (const [name, value] of Object.entries(s.fields)) {
    if (value === undefined || value === '') continue
    const known = fields[name]
    if (!known || known.at <= s.at) fields[name] = { value, at: s.at, leadId: s.leadId }
  }
  const intent: SubmissionIntent = {
    leadId: s.leadId,
    intent: s.intent ?? 'other',
    channel: s.channel,
    at: s.at,
  }
  const intents = [...profile.intents.filter((i) => i.leadId !== s.leadId), intent]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, keptIntents)
  return { fields, intents }
}

/** Two profiles of one person, as when a review confirms a match or a lead bridges two. */
export function combineProfiles(a: Profile, b: Profile): Profile {
  const fields = { ...a.fields }
  for (const [name, entry] of Object.entries(b.fields)) {
    const known = fields[name]
    if (!known || known.at <= entry.at) fields[name] = entry
  }
  const byLead = new Map([...a.intents, ...b.intents].map((i) => [i.leadId, i]))
  const intents = [...byLead.values()]
    .sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0))
    .slice(0, keptIntents)
  return { fields, intents }
}
