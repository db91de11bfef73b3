// Kubernetes objects for one leadwire service: Deployment, Service and PodDisruptionBudget.
// Every service runs the same image with its name as the argument, serves /healthz, /readyz
// and /metrics on port 3000, and stops gracefully on SIGTERM.

export type Manifest = Record<string, unknown>

export const labels = (service: string) => ({
  'app.kubernetes.io/name': service,
  'app.kubernetes.io/part-of': 'leadwire',
})

const http = { httpGet: { path: '/healthz', port: 'http' } }

const hardened = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ['ALL'] },
}

const env = [
  { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'leadwire-secrets', key: 'DATABASE_URL' } } },
  { name: 'REDIS_URL', valueFrom: { secretKeyRef: { name: 'leadwire-secrets', key: 'REDIS_URL' } } },
]

function container(service: string, kind: 'api' | 'consumer'): Manifest {
  return {
    name: service,
    image: 'leadwire',
    args: [service],
    ports: [{ name: 'http', containerPort: 3000 }],
    envFrom: [{ configMapRef: { name: 'leadwire-config' } }],
    env,
    // Started when alive; traffic (and a rollout's progress) only once every dependency answers.
    startupProbe: { ...http, periodSeconds: 2, failureThreshold: 60 },
    livenessProbe: { ...http, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 6 },
    readinessProbe: {
      httpGet: { path: '/readyz', port: 'http' },
      periodSeconds: 5,
      timeoutSeconds: 3,
      failureThreshold: 3,
    },
    // The API keeps answering while the endpoint is removed from the Service, then drains.
    ...(kind === 'api' && { lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } } }),
    resources: {
      requests: { cpu: '100m', memory: '256Mi' },
      limits: { cpu: '1', memory: '512Mi' },
    },
    securityContext: hardened,
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
  }
}

/**
 * No `replicas`: the HPA (capture) or KEDA (consumers) owns the count, and an apply must not
 * reset it. Migrations run as an init container: they take an advisory lock per schema, so
 * pods starting together apply each file once, and a pod never starts on an old schema.
 */
export function deployment(service: string, kind: 'api' | 'consumer'): Manifest {
  const match = labels(service)
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `leadwire-${service}`, labels: { ...match, 'app.kubernetes.io/component': kind } },
    spec: {
      revisionHistoryLimit: 5,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      selector: { matchLabels: match },
      template: {
        metadata: { labels: { ...match, 'app.kubernetes.io/component': kind } },
        spec: {
          automountServiceAccountToken: false,
          // Consumers finish in-flight messages (retries back off up to 5 s) and flush.
          terminationGracePeriodSeconds: 60,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: match },
            },
          ],
          initContainers: [
            {
              name: 'migrate',
              image: 'leadwire',
              args: ['migrate'],
              envFrom: [{ configMapRef: { name: 'leadwire-config' } }],
              env,
              resources: {
                requests: { cpu: '50m', memory: '128Mi' },
                limits: { cpu: '500m', memory: '256Mi' },
              },
              securityContext: hardened,
            },
          ],
          containers: [container(service, kind)],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  }
}

export function service(name: string): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `leadwire-${name}`, labels: labels(name) },
    spec: { selector: labels(name), ports: [{ name: 'http', port: 3000, targetPort: 'http' }] },
  }
}

/** At most one pod of a service down by choice (drains, upgrades); never blocks a drain. */
export function disruptionBudget(name: string): Manifest {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: `leadwire-${name}`, labels: labels(name) },
    spec: { maxUnavailable: 1, selector: { matchLabels: labels(name) } },
  }
}
