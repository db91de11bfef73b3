import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { parseDocument as parseYaml } from 'yaml'
import type { z } from 'zod'
import { type DocumentIssue, show, toDocumentIssues } from './errors.ts'

export const documentFormats = ['yaml', 'json'] as const
export type DocumentFormat = (typeof documentFormats)[number]

export interface ParseOptions {
  format: DocumentFormat
}

export type IssuesToError = (issues: readonly DocumentIssue[]) => Error

/**
 * Parses YAML or JSON text and validates it, throwing `fail(issues)` with every syntax or
 * schema issue at once. Shared by the playbook and the rep directory.
 */
export function parseDocument<S extends z.ZodType>(
  schema: S,
  text: string,
  options: ParseOptions,
  fail: IssuesToError,
): z.output<S> {
  const raw = options.format === 'json' ? parseJson(text, fail) : parseYamlText(text, fail)
  const parsed = schema.safeParse(raw, { reportInput: true })
  if (!parsed.success) throw fail(toDocumentIssues(parsed.error))
  return parsed.data
}

/** Reads a file and picks the format from its extension (`.json`, otherwise YAML). */
export async function loadDocument<S extends z.ZodType>(
  schema: S,
  path: string,
  fail: IssuesToError,
): Promise<z.output<S>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw fail([{ path: '(document)', message: `cannot read ${show(path)}: ${(err as Error).message}` }])
  }
  return parseDocument(schema, text, { format: formatOf(path) }, fail)
}

export const formatOf = (path: string): DocumentFormat =>
  extname(path).toLowerCase() === '.json' ? 'json' : 'yaml'

function parseJson(text: string, fail: IssuesToError): unknown {
  try {
    return JSON.parse(text)
  } catch (err) {
    throw fail([{ path: '(document)', message: `not valid JSON: ${(err as Error).message}` }])
  }
}

function parseYamlText(text: string, fail: IssuesToError): unknown {
  const doc = parseYaml(text, { prettyErrors: true })
  if (doc.errors.length > 0) {
    throw fail(doc.errors.map((e) => ({ path: '(document)', message: `not valid YAML: ${e.message}` })))
  }
  return doc.toJS()
}
