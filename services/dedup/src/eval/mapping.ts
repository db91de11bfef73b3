import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { rawFields } from '../matching/record.ts'

/**
 * How a labelled CSV maps onto leadwire's record fields, and where its ground truth is:
 * an entity column, an entity taken from the id by a pattern, or a file of matching id pairs.
 */
export const mappingSchema = z.object({
  id: z.string().min(1).describe('Column holding the record id'),
  fields: z.partialRecord(z.enum(rawFields), z.string().min(1)),
  truth: z.union([
    z.object({ column: z.string().min(1), pattern: z.string().optional() }),
    z.object({
      pairs: z.string().min(1).describe('CSV of matching id pairs, relative to the data file'),
      header: z.boolean().default(false),
    }),
  ]),
})

export type Mapping = z.infer<typeof mappingSchema>

export async function loadMapping(path: string): Promise<Mapping> {
  const parsed = mappingSchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
  if (!parsed.success) {
    throw new Error(
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  }
  return parsed.data
}
