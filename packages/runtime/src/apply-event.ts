import { randomUUID } from 'node:crypto'
import { type EventDefinition, encodeEvent, type LeadEvent } from '@leadwire/contracts'
import type pg from 'pg'
import type { z } from 'zod'
import type { HandlerContext, Subscription } from './consumer.ts'
import type { Logger } from './logger.ts'
import type { Names } from './names.ts'
import { beginAndClaim, enqueueOutbox, type OutboxRecord } from './outbox.ts'
import { currentTraceHeaders } from './tracing.ts'

export interface ApplyDeps {
  pool: pg.Pool
  names: Names
  service: string
  schema: string
}

/**
 * One event's effects, exactly once: its id, whatever the handler writes and the events it
 * emits commit together or not at all. 'duplicate' means the id was handled before.
 */
export async function applyEvent(
  deps: ApplyDeps,
  sub: Subscription,
  event: LeadEvent<unknown>,
  log: Logger,
  topic = deps.names.topic(sub.event.topic),
): Promise<'handled' | 'duplicate'> {
  const tx = await deps.pool.connect()
  try {
    // Handlers write unqualified table names: their own schema is first on the path.
    if (!(await beginAndClaim(tx, deps.schema, event.id, topic))) {
      await tx.query('ROLLBACK')
      log.debug('event already handled; skipped')
      return 'duplicate'
    }
    const pending: OutboxRecord[] = []
    const ctx: HandlerContext = {
      tx,
      log,
      emit: (definition, input) => pending.push(outgoing(deps, definition, input)),
    }
    await sub.handle(event as LeadEvent<never>, ctx)
    await enqueueOutbox(tx, deps.schema, pending)
    await tx.query('COMMIT')
    return 'handled'
  } catch (err) {
    await tx.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    tx.release()
  }
}

function outgoing<D extends EventDefinition>(
  deps: ApplyDeps,
  definition: D,
  input: { key: string; data: unknown },
) {
  const record = encodeEvent(definition, {
    id: randomUUID(),
    source: `/leadwire/${deps.service}`,
    key: input.key,
    data: input.data as z.input<D['schema']>,
    ...currentTraceHeaders(),
  })
  return { ...record, topic: deps.names.topic(definition.topic) } satisfies OutboxRecord
}
