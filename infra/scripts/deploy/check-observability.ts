// Checks the on-call tooling offline: Prometheus config and alert rules (promtool check and
// `promtool test rules`), every dashboard query parses as PromQL, every leadwire_* metric a
// dashboard or alert reads is one the code registers, and the collector's pipelines only
// name components it defines.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml, stringify } from 'yaml'
import { repoRoot } from '../services.ts'

const dir = `${repoRoot}infra/observability`
const problems: string[] = []
const promtool = (...args: string[]) =>
  execFileSync('promtool', args, { cwd: `${dir}/prometheus`, stdio: 'pipe' })

for (const args of [
  ['check', 'config', 'prometheus.yml'],
  ['test', 'rules', 'alerts.test.yml'],
]) {
  try {
    promtool(...args)
  } catch (err) {
    problems.push(`promtool ${args.join(' ')}:\n${(err as { stdout?: Buffer }).stdout ?? err}`)
  }
}

interface Panel {
  title?: string
  targets?: { expr?: string }[]
}
const dashboards = readdirSync(`${dir}/grafana/dashboards`).filter((f) => f.endsWith('.json'))
const exprs: { where: string; expr: string }[] = []
for (const file of dashboards) {
  const d = JSON.parse(readFileSync(`${dir}/grafana/dashboards/${file}`, 'utf8')) as {
    uid?: string
    panels?: Panel[]
  }
  if (!d.uid || !d.panels?.length) problems.push(`${file}: a dashboard needs a uid and panels`)
  for (const p of d.panels ?? []) {
    if (!p.targets?.length) problems.push(`${file} "${p.title}": a panel without a query`)
    for (const t of p.targets ?? []) exprs.push({ where: `${file} "${p.title}"`, expr: t.expr ?? '' })
  }
}

// Grafana's variables become plain values, so promtool can parse every query as a rule.
const plain = (e: string) =>
  e.replaceAll('$__rate_interval', '5m').replaceAll('$__range', '1h').replaceAll('$service', 'capture')
const tmp = mkdtempSync(join(tmpdir(), 'leadwire-dashboards-'))
try {
  const rules = exprs.map((e, i) => ({ record: `leadwire:dashboard_check:${i}`, expr: plain(e.expr) }))
  writeFileSync(`${tmp}/dashboards.rules.yml`, stringify({ groups: [{ name: 'dashboards', rules }] }))
  execFileSync('promtool', ['check', 'rules', `${tmp}/dashboards.rules.yml`], { stdio: 'pipe' })
} catch (err) {
  problems.push(`dashboard queries that do not parse:\n${(err as { stdout?: Buffer }).stdout ?? err}`)
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

const registered = new Set<string>()
for (const root of [
  'packages/runtime/src',
  ...readdirSync(`${repoRoot}services`).map((s) => `services/${s}/src`),
]) {
  for (const f of readdirSync(`${repoRoot}${root}`, { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.ts')) continue
    const text = readFileSync(`${repoRoot}${root}/${f}`, 'utf8')
    for (const m of text.matchAll(/name: '(leadwire_[a-z0-9_]+)'/g)) registered.add(m[1]!)
  }
}
const alerts = readFileSync(`${dir}/prometheus/alerts.yml`, 'utf8')
for (const { where, expr } of [...exprs, { where: 'alerts.yml', expr: alerts }]) {
  for (const [name] of expr.matchAll(/\bleadwire_[a-z0-9_]+/g)) {
    if (!registered.has(name.replace(/_(bucket|sum|count)$/, '')))
      problems.push(`${where}: no code registers ${name}`)
  }
}

const collector = parseYaml(readFileSync(`${dir}/otel-collector.yaml`, 'utf8')) as Record<
  string,
  Record<string, unknown>
>
const pipelines = (collector.service?.pipelines ?? {}) as Record<string, Record<string, string[]>>
for (const [name, p] of Object.entries(pipelines)) {
  for (const kind of ['receivers', 'processors', 'exporters']) {
    for (const c of p[kind] ?? [])
      if (!collector[kind]?.[c]) problems.push(`collector ${name}: ${kind} ${c} is not defined`)
  }
}

if (problems.length) {
  console.error(`observability:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
console.log(`observability: rules tested, ${exprs.length} dashboard queries parse, metrics all registered`)
