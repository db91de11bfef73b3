// Topics and autoscaling, both derived from the contracts registry: a KafkaTopic per topic and
// dead-letter topic, a KEDA ScaledObject per consumer service whose replica cap is the number of
// partitions it reads (a consumer beyond that would sit idle), and capture's CPU-based HPA.
import { dlqRetentionMs, dlqTopicName, type TopicDefinition } from '@leadwire/contracts'
import type { Manifest } from './workloads.ts'

export const kafkaCluster = 'leadwire'
export const bootstrapServers = `${kafkaCluster}-kafka-bootstrap:9092`

function kafkaTopic(name: string, partitions: number, retentionMs: number, producer: string): Manifest {
  return {
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    metadata: {
      name,
      labels: { 'strimzi.io/cluster': kafkaCluster, 'app.kubernetes.io/part-of': 'leadwire' },
      annotations: { 'leadwire.io/producer': producer },
    },
    // Three copies, two in sync before a write is acknowledged (the producers use acks=all).
    spec: {
      partitions,
      replicas: 3,
      config: { 'retention.ms': retentionMs, 'min.insync.replicas': 2, 'cleanup.policy': 'delete' },
    },
  }
}

export function kafkaTopics(registry: readonly TopicDefinition[]): Manifest[] {
  return registry.flatMap((t) => [
    kafkaTopic(t.name, t.partitions, t.retentionMs, t.producer),
    kafkaTopic(dlqTopicName(t.name), 1, dlqRetentionMs, `${t.producer} consumers`),
  ])
}

/**
 * One lag trigger per topic the service reads; the HPA follows the busiest. KEDA caps each
 * trigger at partitions × lagThreshold (allowIdleConsumers false), and maxReplicaCount is the
 * largest partition count, so no replica is ever started with nothing to read.
 */
export function scaledObject(service: string, reads: readonly TopicDefinition[]): Manifest {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: {
      name: `leadwire-${service}`,
      labels: { 'app.kubernetes.io/name': service, 'app.kubernetes.io/part-of': 'leadwire' },
    },
    spec: {
      scaleTargetRef: { name: `leadwire-${service}` },
      minReplicaCount: 1,
      maxReplicaCount: Math.max(...reads.map((t) => t.partitions)),
      pollingInterval: 15,
      cooldownPeriod: 300,
      advanced: {
        // Scaling in rebalances the group; do it slowly, one pod a minute after 5 calm minutes.
        horizontalPodAutoscalerConfig: {
          behavior: {
            scaleDown: {
              stabilizationWindowSeconds: 300,
              policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
            },
          },
        },
      },
      triggers: reads.map((t) => ({
        type: 'kafka',
        name: t.name.replaceAll('.', '-'),
        metadata: {
          bootstrapServers,
          consumerGroup: `leadwire-${service}`,
          topic: t.name,
          lagThreshold: '100',
          offsetResetPolicy: 'earliest',
          allowIdleConsumers: 'false',
        },
      })),
    },
  }
}

export function captureAutoscaler(): Manifest {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: 'leadwire-capture',
      labels: { 'app.kubernetes.io/name': 'capture', 'app.kubernetes.io/part-of': 'leadwire' },
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'leadwire-capture' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  }
}

/** The compose alert rules, as a PrometheusRule for the Prometheus Operator. */
export function prometheusRule(rules: { groups: unknown[] }): Manifest {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'leadwire', labels: { 'app.kubernetes.io/part-of': 'leadwire' } },
    spec: { groups: rules.groups },
  }
}
