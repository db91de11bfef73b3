// What a platform team and on-call expect of the rendered manifests, beyond schema validity:
// probes on the right paths, requests and limits, graceful termination, a PDB, a Service and
// an autoscaler per service, replicas capped by partitions, topics that fit the brokers.
// biome-ignore lint/suspicious/noExplicitAny: rendered YAML of every kind, read field by field
type Doc = Record<string, any>

const matches = (selector: Record<string, string> = {}, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v)

interface Rendered {
  of(kind: string): Doc[]
  names(kind: string): Set<string>
  topics: Map<string, Doc>
}

export function policyProblems(docs: Doc[]): string[] {
  const of = (kind: string) => docs.filter((d) => d.kind === kind)
  const r: Rendered = {
    of,
    names: (kind) => new Set(of(kind).map((d) => d.metadata.name as string)),
    topics: new Map(of('KafkaTopic').map((t) => [t.spec.topicName ?? t.metadata.name, t])),
  }
  const problems: string[] = []
  for (const d of of('Deployment').filter(
    (d) => d.metadata.labels?.['app.kubernetes.io/part-of'] === 'leadwire',
  )) {
    problems.push(...deploymentProblems(r, d))
  }
  return [...problems, ...scalingProblems(r), ...kafkaProblems(r)]
}

function deploymentProblems(r: Rendered, d: Doc): string[] {
  const problems: string[] = []
  const { of } = r
  const secrets = r.names('Secret')
  const configMaps = r.names('ConfigMap')
  const name = d.metadata.name as string
  const say = (p: string) => problems.push(`Deployment ${name}: ${p}`)
  const pod = d.spec.template.spec
  const podLabels = d.spec.template.metadata.labels
  if (d.spec.replicas !== undefined) say('sets replicas, which would fight its autoscaler on every apply')
  if ((pod.terminationGracePeriodSeconds ?? 30) < 30) say('needs at least 30 s to stop gracefully')
  if (pod.securityContext?.runAsNonRoot !== true) say('must run as non-root')
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) {
      say(`container ${c.name} needs cpu and memory requests and a memory limit`)
    }
    for (const ref of [
      ...(c.env ?? []).map((e: Doc) => e.valueFrom?.secretKeyRef?.name),
      ...(c.envFrom ?? []).map((e: Doc) => e.secretRef?.name),
    ]) {
      if (ref && secrets.size > 0 && !secrets.has(ref)) say(`container ${c.name} reads missing Secret ${ref}`)
    }
    for (const e of c.envFrom ?? []) {
      if (e.configMapRef && !configMaps.has(e.configMapRef.name))
        say(`reads missing ConfigMap ${e.configMapRef.name}`)
    }
  }
  const main = pod.containers[0]
  if (main?.readinessProbe?.httpGet?.path !== '/readyz') say('readiness must probe /readyz')
  if (main?.livenessProbe?.httpGet?.path !== '/healthz') say('liveness must probe /healthz')
  if (!of('PodDisruptionBudget').some((p) => matches(p.spec.selector.matchLabels, podLabels)))
    say('has no PodDisruptionBudget')
  if (!of('Service').some((s) => matches(s.spec.selector, podLabels))) say('has no Service')
  const scaled = [...of('ScaledObject'), ...of('HorizontalPodAutoscaler')].filter(
    (a) => a.spec.scaleTargetRef.name === name,
  )
  if (scaled.length !== 1) say(`needs exactly one autoscaler, has ${scaled.length}`)
  if (podLabels['app.kubernetes.io/component'] === 'api' && scaled[0]?.kind !== 'HorizontalPodAutoscaler') {
    say('the API scales on CPU with an HPA')
  }
  return problems
}

function scalingProblems(r: Rendered): string[] {
  const problems: string[] = []
  const { of, topics } = r
  for (const so of of('ScaledObject')) {
    const say = (p: string) => problems.push(`ScaledObject ${so.metadata.name}: ${p}`)
    const partitions = so.spec.triggers.map((t: Doc) => topics.get(t.metadata.topic)?.spec.partitions ?? 0)
    for (const t of so.spec.triggers)
      if (!topics.has(t.metadata.topic)) say(`trigger topic ${t.metadata.topic} has no KafkaTopic`)
    if (so.spec.maxReplicaCount > Math.max(...partitions)) say('allows more replicas than partitions to read')
    if (so.spec.minReplicaCount > so.spec.maxReplicaCount) say('min replicas above max')
  }
  return problems
}

function kafkaProblems(r: Rendered): string[] {
  const problems: string[] = []
  const { of, topics } = r
  const kafkas = of('Kafka')
  for (const k of kafkas) {
    const a = k.metadata.annotations ?? {}
    if (a['strimzi.io/node-pools'] !== 'enabled' || a['strimzi.io/kraft'] !== 'enabled') {
      problems.push(
        `Kafka ${k.metadata.name}: needs KRaft with node pools (strimzi.io/kraft, strimzi.io/node-pools)`,
      )
    }
    const pools = of('KafkaNodePool').filter(
      (p) => p.metadata.labels?.['strimzi.io/cluster'] === k.metadata.name,
    )
    const nodes = (role: string) =>
      pools.filter((p) => p.spec.roles.includes(role)).reduce((n, p) => n + p.spec.replicas, 0)
    if (nodes('controller') < 1 || nodes('broker') < 1)
      problems.push(`Kafka ${k.metadata.name}: needs controller and broker nodes`)
    for (const t of topics.values()) {
      if (t.metadata.labels?.['strimzi.io/cluster'] !== k.metadata.name) continue
      if (t.spec.replicas > nodes('broker'))
        problems.push(`KafkaTopic ${t.metadata.name}: more replicas than brokers`)
      if (Number(t.spec.config?.['min.insync.replicas'] ?? 1) > t.spec.replicas) {
        problems.push(
          `KafkaTopic ${t.metadata.name}: min.insync.replicas above its replicas (every write would fail)`,
        )
      }
    }
  }
  for (const t of topics.values()) {
    if (!kafkas.some((k) => k.metadata.name === t.metadata.labels?.['strimzi.io/cluster'])) {
      problems.push(
        `KafkaTopic ${t.metadata.name}: no Kafka cluster ${t.metadata.labels?.['strimzi.io/cluster']}`,
      )
    }
  }
  return problems
}
