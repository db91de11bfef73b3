// JSON Schemas for the Strimzi resources leadwire uses (kafka.strimzi.io/v1beta2: Kafka,
// KafkaNodePool, KafkaTopic). No offline validator ships Strimzi's CRDs from the registries
// reachable here, so these are written from Strimzi's API reference: strict (unknown fields
// are errors) where leadwire sets fields, open where Strimzi passes config through to Kafka.
const open = { type: 'object', additionalProperties: true } as const
const quantity = { type: ['string', 'number'] } as const
const resources = {
  type: 'object',
  additionalProperties: false,
  properties: {
    requests: { type: 'object', additionalProperties: quantity },
    limits: { type: 'object', additionalProperties: quantity },
  },
} as const

const metadata = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 } },
} as const

const resource = (kind: string, spec: object) => ({
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'kafka.strimzi.io/v1beta2' },
    kind: { const: kind },
    metadata,
    spec,
    status: open,
  },
})

const volume = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', minimum: 0 },
    type: { enum: ['ephemeral', 'persistent-claim'] },
    size: { type: 'string' },
    sizeLimit: { type: 'string', pattern: '^([0-9.]+)([KMGTPE]i?)?$' },
    class: { type: 'string' },
    deleteClaim: { type: 'boolean' },
    kraftMetadata: { enum: ['shared'] },
    selector: open,
    overrides: { type: 'array' },
  },
  // A persistent claim needs a size (JSON Schema's if/then, written without a `then` key).
  anyOf: [{ properties: { type: { const: 'ephemeral' } } }, { required: ['size'] }],
} as const

const storage = {
  oneOf: [
    {
      type: 'object',
      required: ['type', 'volumes'],
      additionalProperties: false,
      properties: {
        type: { const: 'jbod' },
        volumes: { type: 'array', minItems: 1, items: { ...volume, required: ['id', 'type'] } },
      },
    },
    { ...volume, properties: { ...volume.properties, type: { enum: ['ephemeral', 'persistent-claim'] } } },
  ],
} as const

const listener = {
  type: 'object',
  required: ['name', 'port', 'type', 'tls'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' },
    port: { type: 'integer', minimum: 9092 },
    type: { enum: ['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'] },
    tls: { type: 'boolean' },
    authentication: open,
    configuration: open,
    networkPolicyPeers: { type: 'array' },
  },
} as const

export const strimziSchemas: Record<string, object> = {
  KafkaTopic: resource('KafkaTopic', {
    type: 'object',
    additionalProperties: false,
    properties: {
      topicName: { type: 'string' },
      partitions: { type: 'integer', minimum: 1 },
      replicas: { type: 'integer', minimum: 1, maximum: 32767 },
      config: open,
    },
  }),
  KafkaNodePool: resource('KafkaNodePool', {
    type: 'object',
    required: ['replicas', 'roles', 'storage'],
    additionalProperties: false,
    properties: {
      replicas: { type: 'integer', minimum: 0 },
      roles: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['controller', 'broker'] } },
      storage,
      resources,
      jvmOptions: open,
      template: open,
    },
  }),
  Kafka: resource('Kafka', {
    type: 'object',
    required: ['kafka'],
    additionalProperties: false,
    properties: {
      kafka: {
        type: 'object',
        required: ['listeners'],
        additionalProperties: false,
        properties: {
          version: { type: 'string' },
          metadataVersion: { type: 'string' },
          listeners: { type: 'array', minItems: 1, items: listener },
          config: open,
          authorization: open,
          rack: open,
          metricsConfig: open,
          logging: open,
          template: open,
        },
      },
      entityOperator: {
        type: 'object',
        additionalProperties: false,
        properties: { topicOperator: open, userOperator: open, template: open },
      },
      kafkaExporter: {
        type: 'object',
        additionalProperties: false,
        properties: {
          topicRegex: { type: 'string' },
          groupRegex: { type: 'string' },
          resources,
          template: open,
        },
      },
      cruiseControl: open,
    },
  }),
}
