// Checks the Dockerfile without a Docker engine: lints it (dockerfile-utils, the linter of the
// Docker language server), holds it to the image policy, then replays its COPY and install
// steps into a temporary folder and starts every entrypoint target there with a bad config:
// each must get as far as reading its config, which proves the production-only install and
// the copied sources hold everything the services and one-shot jobs import.
import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { promisify } from 'node:util'
import { repoRoot } from '../services.ts'
import { dockerfileProblems, dockerIgnore, instructions, workspaceDirs } from './dockerfile.ts'

const run = promisify(execFile)
const dockerfile = readFileSync(`${repoRoot}Dockerfile`, 'utf8')
const list = (dir: string) =>
  readdirSync(join(repoRoot, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)

const problems = dockerfileProblems(dockerfile, workspaceDirs(repoRoot, list))
if (problems.length) {
  console.error(`Dockerfile:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}

const app = mkdtempSync(join(tmpdir(), 'leadwire-image-'))
const ignored = dockerIgnore(readFileSync(`${repoRoot}.dockerignore`, 'utf8'))
try {
  for (const step of instructions(dockerfile)) {
    if (step.keyword === 'COPY' && !step.args.startsWith('--from')) copy(step.args.split(/\s+/))
    if (step.keyword === 'RUN' && step.args.includes('pnpm install')) {
      const flags = step.args
        .slice(step.args.indexOf('pnpm install') + 'pnpm install'.length)
        .trim()
        .split(/\s+/)
      await run('pnpm', ['install', ...flags, '--prefer-offline', '--reporter=silent'], { cwd: app })
    }
  }
  const entrypoint = JSON.parse(instructions(dockerfile).find((i) => i.keyword === 'ENTRYPOINT')!.args)
  const targets = [...list('services'), 'migrate', 'topics', 'dlq-replay leads.scored.v1', 'consumer-groups']
  const failures = (await Promise.all(targets.map((t) => start(entrypoint, t)))).filter(
    (f) => f !== undefined,
  )
  if (failures.length) {
    console.error(`image: entrypoint targets that do not start:\n${failures.join('\n')}`)
    process.exit(1)
  }
  console.log(
    `image: Dockerfile lint and policy clean; ${targets.length} entrypoint targets start from a prod install`,
  )
} finally {
  rmSync(app, { recursive: true, force: true })
}

/** COPY <src>... <dest> relative to WORKDIR /app, honouring .dockerignore. */
function copy(args: string[]): void {
  const dest = args.at(-1)!
  for (const src of args.slice(0, -1)) {
    const target =
      dest.endsWith('/') || args.length > 2 ? join(app, dest, src.split('/').at(-1)!) : join(app, dest)
    if (!existsSync(join(repoRoot, src))) throw new Error(`COPY ${src}: no such file in the repo`)
    mkdirSync(dirname(target), { recursive: true })
    cpSync(join(repoRoot, src), target, {
      recursive: true,
      filter: (from) => from === join(repoRoot, src) || !ignored(relative(repoRoot, from)),
    })
  }
}

/** Runs one target as the container would; a config error means every import resolved. */
async function start(entrypoint: string[], target: string): Promise<string | undefined> {
  const [cmd, ...rest] = entrypoint
  const env = { PATH: process.env.PATH, LEADWIRE_NAMESPACE: 'Not-A-Valid-Namespace' }
  const out = await run(cmd!, [...rest, ...target.split(' ')], { cwd: app, env }).then(
    () => ({ ok: true, text: '' }),
    (err: { stdout?: string; stderr?: string }) => ({ ok: false, text: `${err.stdout}${err.stderr}` }),
  )
  return !out.ok && out.text.includes('invalid configuration')
    ? undefined
    : `  - ${target}: ${out.text.split('\n').slice(0, 6).join('\n    ')}`
}
