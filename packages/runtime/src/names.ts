/**
 * A namespace isolates one copy of leadwire from another on the same Kafka, Postgres and
 * Redis: its topics, service schemas, consumer groups and Redis keys all carry it. The
 * default (empty) namespace uses the plain names from the registry. Tests use a random one.
 */
export interface Names {
  readonly namespace: string
  topic(base: string): string
  schema(service: string): string
  group(service: string): string
  redisKey(...parts: string[]): string
}

const valid = /^[a-z][a-z0-9_]{0,30}$/

export function createNames(namespace: string): Names {
  if (namespace !== '' && !valid.test(namespace)) {
    throw new Error(`namespace '${namespace}' must match ${valid} (it becomes part of schema names)`)
  }
  const ns = namespace
  return Object.freeze({
    namespace: ns,
    topic: (base: string) => (ns ? `${ns}.${base}` : base),
    schema: (service: string) => (ns ? `${ns}_${service}` : service).replaceAll('-', '_'),
    group: (service: string) => (ns ? `${ns}.leadwire-${service}` : `leadwire-${service}`),
    redisKey: (...parts: string[]) => ['leadwire', ...(ns ? [ns] : []), ...parts].join(':'),
  })
}

/** The base topic name of a namespaced one (inverse of `topic`). */
export function baseTopic(names: Names, topic: string): string {
  return names.namespace && topic.startsWith(`${names.namespace}.`)
    ? topic.slice(names.namespace.length + 1)
    : topic
}
