import {
  DocumentError,
  type DocumentFormat,
  type DocumentIssue,
  loadDocument,
  type Playbook,
  parseDocument,
} from '@leadwire/playbook'
import { z } from 'zod'
import { rep, team } from './directory-schema.ts'

export { rep, team }

export const directorySchema = z
  .strictObject({ teams: z.array(team).min(1), reps: z.array(rep) })
  // `when`: check references even if some field failed, so one pass reports every issue.
  .superRefine(checkReferences, {
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })

export type Directory = z.output<typeof directorySchema>
export type Rep = Directory['reps'][number]
export type Team = Directory['teams'][number]

export class DirectoryError extends DocumentError {
  constructor(issues: readonly DocumentIssue[]) {
    super('rep directory', 'DIRECTORY_INVALID', issues)
    this.name = 'DirectoryError'
  }
}

type Loose = { id?: unknown; team?: unknown; onCall?: unknown; manager?: unknown; onCallShifts?: unknown }
const list = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.filter((v): v is Loose => typeof v === 'object' && v !== null) : []

function checkReferences(value: { teams?: unknown; reps?: unknown }, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  const teams = list(value.teams)
  const teamIds = new Set(teams.map((t) => t.id))
  const repTeam = new Map<unknown, unknown>()
  list(value.reps).forEach((r, i) => {
    if (repTeam.has(r.id)) issue(['reps', i, 'id'], `rep id '${r.id}' is used twice`)
    repTeam.set(r.id, r.team)
    if (!teamIds.has(r.team)) issue(['reps', i, 'team'], `no team '${r.team}' in teams`)
  })
  teams.forEach((t, i) => {
    const onCall = Array.isArray(t.onCall) ? t.onCall : []
    onCall.forEach((repId, j) => {
      if (repTeam.get(repId) !== t.id)
        issue(['teams', i, 'onCall', j], `'${repId}' is not a rep of team ${t.id}`)
    })
    if (t.manager !== undefined && !repTeam.has(t.manager))
      issue(['teams', i, 'manager'], `no rep '${t.manager}' in reps`)
    list(t.onCallShifts).forEach((shift: Record<string, unknown>, j) => {
      for (const role of ['primary', 'secondary'] as const) {
        const repId = shift[role]
        if (repId !== undefined && repTeam.get(repId) !== t.id)
          issue(['teams', i, 'onCallShifts', j, role], `'${repId}' is not a rep of team ${t.id}`)
      }
    })
  })
}

const fail = (issues: readonly DocumentIssue[]) => new DirectoryError(issues)

export function parseDirectory(
  text: string,
  options: { format: DocumentFormat } = { format: 'yaml' },
): Directory {
  return parseDocument(directorySchema, text, options, fail)
}

export async function loadDirectory(path: string): Promise<Directory> {
  return loadDocument(directorySchema, path, fail)
}

/** Throws a DirectoryError naming every playbook coverage team the directory lacks. */
export function assertCoverage(playbook: Playbook, directory: Directory): void {
  const teams = new Set(directory.teams.map((t) => t.id))
  const issues = playbook.segments
    .filter((s) => !teams.has(s.coverage.team))
    .map((s) => ({
      path: 'teams',
      message: `segment ${s.name} is covered by team '${s.coverage.team}', which is missing`,
    }))
  if (issues.length > 0) throw fail(issues)
}
