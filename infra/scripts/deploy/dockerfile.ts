import { readFileSync } from 'node:fs'
import { validate } from 'dockerfile-utils'
import { parse as parseYaml } from 'yaml'

export interface Instruction {
  keyword: string
  args: string
  line: number
}

/** The Dockerfile as instructions: continuation lines joined, comments dropped. */
export function instructions(text: string): Instruction[] {
  const out: Instruction[] = []
  let current: { text: string; line: number } | undefined
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim()
    if (!current && (line === '' || line.startsWith('#'))) continue
    if (current && line.startsWith('#')) continue
    const body = line.endsWith('\\') ? line.slice(0, -1) : line
    current = current ? { ...current, text: `${current.text} ${body}` } : { text: body, line: i + 1 }
    if (!line.endsWith('\\')) {
      const [keyword = '', ...rest] = current.text.trim().split(/\s+/)
      out.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: current.line })
      current = undefined
    }
  }
  return out
}

/** Glob patterns of .dockerignore as a predicate on a relative path (or any of its parents). */
export function dockerIgnore(text: string): (path: string) => boolean {
  const toRegex = (p: string) =>
    new RegExp(
      `^${p
        .replace(/[.+^${}()|[\]]/g, '\\$&')
        .replace(/\*\*\//g, '\u0000')
        .replace(/\*\*/g, '.*')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replaceAll('\u0000', '(.*/)?')}$`,
    )
  const patterns = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map(toRegex)
  return (path) => {
    const parts = path.split('/')
    return parts.some((_, i) => patterns.some((re) => re.test(parts.slice(0, i + 1).join('/'))))
  }
}

/** Every workspace package folder, from pnpm-workspace.yaml (one level of `*` globs). */
export function workspaceDirs(root: string, list: (dir: string) => string[]): string[] {
  const { packages } = parseYaml(readFileSync(`${root}/pnpm-workspace.yaml`, 'utf8')) as {
    packages: string[]
  }
  return packages.flatMap((p) =>
    p.endsWith('/*') ? list(p.slice(0, -2)).map((d) => `${p.slice(0, -2)}/${d}`) : [p],
  )
}

/**
 * What the platform team expects of the image, beyond what the linter knows: built in
 * stages on Node 24 slim, production dependencies from the lockfile only, every workspace
 * manifest copied before the install, and a non-root user in the final stage.
 */
export function dockerfileProblems(text: string, workspace: readonly string[]): string[] {
  const problems = validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)
  const ins = instructions(text)
  const froms = ins.filter((i) => i.keyword === 'FROM')
  const arg = ins.find((i) => i.keyword === 'ARG' && i.args.startsWith('NODE_IMAGE='))?.args.split('=')[1]
  // FROM ${NODE_IMAGE} resolves to the ARG's default.
  const image = (name: string) => (name === `\${NODE_IMAGE}` ? (arg ?? name) : name)
  if (froms.length < 2) problems.push('expected a multi-stage build (deps, then runtime)')
  for (const f of froms) {
    const base = image(f.args.split(/\s+/)[0] ?? '')
    if (!/^node:24[-.\w]*slim/.test(base)) problems.push(`line ${f.line}: base ${base} is not Node 24 slim`)
  }
  const install = ins.find((i) => i.keyword === 'RUN' && i.args.includes('pnpm install'))
  if (!install?.args.includes('--prod') || !install.args.includes('--frozen-lockfile')) {
    problems.push('the install must be `pnpm install --frozen-lockfile --prod`')
  }
  const copied = ins
    .filter((i) => i.keyword === 'COPY' && install && i.line < install.line)
    .map((i) => i.args)
  for (const dir of workspace) {
    if (!copied.some((c) => c.includes(`${dir}/package.json`))) {
      problems.push(`workspace package ${dir} is not copied before the install (frozen lockfile would fail)`)
    }
  }
  const lastFrom = froms.at(-1)?.line ?? 0
  const user = ins.filter((i) => i.keyword === 'USER' && i.line > lastFrom).at(-1)
  if (!user || /^(root|0)(:|$)/.test(user.args)) problems.push('the final stage must run as a non-root USER')
  if (!ins.some((i) => i.keyword === 'HEALTHCHECK')) problems.push('expected a HEALTHCHECK')
  return problems
}
