import { type DocumentFormat, loadDocument, parseDocument } from './document.ts'
import { PlaybookError } from './errors.ts'
import { type Playbook, playbookSchema } from './schema.ts'

const fail = (issues: ConstructorParameters<typeof PlaybookError>[0]) => new PlaybookError(issues)

/** Validates playbook text; throws a PlaybookError listing every issue with its path. */
export function parsePlaybook(
  text: string,
  options: { format: DocumentFormat } = { format: 'yaml' },
): Playbook {
  return Object.freeze(parseDocument(playbookSchema, text, options, fail))
}

/** Reads and validates a playbook file (`.json`, otherwise YAML). */
export async function loadPlaybook(path: string): Promise<Playbook> {
  return Object.freeze(await loadDocument(playbookSchema, path, fail))
}
