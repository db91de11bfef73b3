import { loadConfig } from '@leadwire/runtime'
import { z } from 'zod'
import { defaultThresholds } from './matching/settings.ts'

const probability = z.coerce.number().min(0).max(1)

/** dedup's settings: the runtime's, plus its decision thresholds and the review API token. */
export function loadDedupConfig(env: Record<string, string | undefined>) {
  const config = loadConfig(env, {
    service: 'dedup',
    defaultPort: 3002,
    extend: {
      DEDUP_MERGE_THRESHOLD: probability.default(defaultThresholds.merge),
      DEDUP_REVIEW_THRESHOLD: probability.default(defaultThresholds.review),
      DEDUP_API_TOKEN: z.string().min(16).optional(),
    },
  })
  const { DEDUP_MERGE_THRESHOLD: merge, DEDUP_REVIEW_THRESHOLD: review } = config.extra
  if (review > merge) {
    throw new Error(
      `dedup: DEDUP_REVIEW_THRESHOLD (${review}) must not exceed DEDUP_MERGE_THRESHOLD (${merge})`,
    )
  }
  return { ...config, thresholds: { merge, review }, apiToken: config.extra.DEDUP_API_TOKEN }
}

export type DedupConfig = ReturnType<typeof loadDedupConfig>
