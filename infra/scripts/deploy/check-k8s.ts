// Renders each overlay with `kubectl kustomize` (offline) and validates every object: the
// Kubernetes kinds and KEDA's and the Prometheus Operator's against the JSON Schemas that ship
// in the kubernetes-models packages, Strimzi's against strimzi-schemas.ts (Ajv), then the
// platform policy in k8s-policy.ts. No cluster is needed.
import { execFileSync } from 'node:child_process'
import { Ajv } from 'ajv'
import { parseAllDocuments } from 'yaml'
import { repoRoot } from '../services.ts'
import { policyProblems } from './k8s-policy.ts'
import { strimziSchemas } from './strimzi-schemas.ts'

type Doc = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string } }

const overlays = ['dev', 'prod']
const ajv = new Ajv({ allErrors: true, strict: false })
const strimzi = Object.fromEntries(Object.entries(strimziSchemas).map(([k, s]) => [k, ajv.compile(s)]))

/** The module of kubernetes-models that holds a kind's schema, by API group. */
function modelPath(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
  if (group === 'keda.sh') return `@kubernetes-models/keda/keda.sh/${version}/${kind}`
  if (group === 'monitoring.coreos.com')
    return `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}/${kind}`
  if (group === '' || !group?.includes('.') || group.endsWith('.k8s.io')) {
    return `kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`
  }
  return undefined
}

async function validate(doc: Doc): Promise<string[]> {
  const group = doc.apiVersion.split('/')[0]
  if (group === 'kafka.strimzi.io') {
    const check = strimzi[doc.kind]
    if (!check) return [`no schema for Strimzi kind ${doc.kind}`]
    return check(doc) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`)
  }
  // kustomize wraps long base64 values over lines; the API server's decoder skips newlines.
  if (doc.kind === 'Secret' && doc.data) {
    doc.data = Object.fromEntries(Object.entries(doc.data).map(([k, v]) => [k, String(v).replace(/\s/g, '')]))
  }
  const path = modelPath(doc.apiVersion, doc.kind)
  const mod = path && (await import(path).catch(() => undefined))
  const Model = mod?.[doc.kind] as (new (d: unknown) => { validate(): void }) | undefined
  if (!Model) return [`unknown kind ${doc.apiVersion} ${doc.kind} (no schema to validate it against)`]
  try {
    new Model(doc).validate()
    return []
  } catch (err) {
    return [(err as Error).message]
  }
}

const problems: string[] = []
for (const overlay of overlays) {
  const rendered = execFileSync('kubectl', ['kustomize', `${repoRoot}k8s/overlays/${overlay}`], {
    encoding: 'utf8',
  })
  const docs = parseAllDocuments(rendered)
    .map((d) => d.toJS() as Doc)
    .filter(Boolean)
  for (const doc of docs) {
    for (const p of await validate(doc)) problems.push(`${overlay}: ${doc.kind} ${doc.metadata?.name}: ${p}`)
  }
  for (const p of policyProblems(docs)) problems.push(`${overlay}: ${p}`)
  console.log(`k8s ${overlay}: ${docs.length} objects rendered and checked`)
}
if (problems.length) {
  console.error(`k8s manifests:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  process.exit(1)
}
