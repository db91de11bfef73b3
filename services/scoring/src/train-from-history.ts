import { createHash } from 'node:crypto'
import type { Playbook } from '@leadwire/playbook'
import type pg from 'pg'
import { serviceFeatureSpecs } from './capture-features.ts'
import { calibrationTable, probabilityMetrics } from './model/metrics.ts'
import { trainModel } from './model/train.ts'
import { pgModelRegistry, type RegistryEntry } from './pg-model-registry.ts'
import { labelOf, readHistory } from './training-set.ts'

const DAY_MS = 86_400_000

export type TrainingResult =
  | { status: 'registered' | 'dry_run'; entry: RegistryEntry }
  | { status: 'skipped'; reason: string; entry?: RegistryEntry }

export interface TrainRequest {
  playbook: Playbook
  now: Date
  window?: { from?: Date; to?: Date }
  dryRun?: boolean
}

/**
 * Trains a model on the service's own history and registers it, unless there is too little
 * labelled history or it would rank worse than the playbook's floor; then the current model
 * (or the rubric alone) keeps deciding. Runs inside the caller's transaction.
 */
export async function trainFromHistory(tx: pg.ClientBase, req: TrainRequest): Promise<TrainingResult> {
  const training = req.playbook.model.training
  const to = req.window?.to ?? req.now
  const from = req.window?.from ?? new Date(to.getTime() - training.windowDays * DAY_MS)
  const labelled = (await readHistory(tx, { from, to }))
    .map((row) => ({ row, label: labelOf(row, training, req.now) }))
    .filter((r): r is { row: (typeof r)['row']; label: 0 | 1 } => r.label !== undefined)
  const labels = labelled.map((r) => r.label)
  const converted = labels.filter((y) => y === 1).length
  if (
    labels.length < training.minLeads ||
    converted < training.minConverted ||
    labels.length - converted < 2
  ) {
    const reason = `${labels.length} labelled leads (${converted} converted) in the window; the playbook asks for ${training.minLeads} (${training.minConverted} converted)`
    return { status: 'skipped', reason }
  }
  const features = serviceFeatureSpecs(req.playbook)
  const records = labelled.map((r) => r.row.features)
  const { model, outOfFold } = trainModel(records, labels, features, {
    l2: training.l2,
    folds: training.folds,
    seed: 42,
  })
  const metrics = {
    ...probabilityMetrics(outOfFold, labels),
    calibration: calibrationTable(outOfFold, labels),
  }
  const entry: RegistryEntry = {
    version: versionOf(req.now, JSON.stringify(model)),
    trainedAt: req.now,
    window: { from, to },
    features: features.map((f) => f.name),
    metrics,
    model,
    leads: labels.length,
    converted,
  }
  if (metrics.rocAuc < training.minRocAuc) {
    return {
      status: 'skipped',
      reason: `out-of-fold ROC AUC ${metrics.rocAuc.toFixed(3)} is below ${training.minRocAuc}`,
      entry,
    }
  }
  if (req.dryRun) return { status: 'dry_run', entry }
  await pgModelRegistry.register(tx, entry)
  return { status: 'registered', entry }
}

/** `lr-20260310T150000-1a2b3c4d`: when it was trained, and a digest of what was learnt. */
function versionOf(at: Date, body: string): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').slice(0, 15)
  return `lr-${stamp}-${createHash('sha256').update(body).digest('hex').slice(0, 8)}`
}
