import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Playbook } from '@leadwire/playbook'
import { beforeAll, describe, expect, it } from 'vitest'
import { assertCoverage, type Directory, DirectoryError, parseDirectory } from './directory.ts'
import { seedDirectory, seedPlaybook } from './test-builders.ts'

let playbook: Playbook
let directory: Directory
beforeAll(async () => {
  ;[playbook, directory] = await Promise.all([seedPlaybook(), seedDirectory()])
})

const seedJson = () => {
  const text = readFileSync(join(import.meta.dirname, '../../../infra/seed/directory.yaml'), 'utf8')
  return structuredClone(parseDirectory(text))
}

describe('rep directory', () => {
  it('loads the seed: four teams, eight reps, on-call for enterprise', () => {
    expect(directory.teams.map((t) => t.id)).toEqual([
      'enterprise-ae',
      'mid-market-sdr',
      'outbound',
      'general-pool',
    ])
    expect(directory.reps).toHaveLength(8)
    expect(directory.teams[0]?.onCall).toEqual(['rep-ava-chen', 'rep-marcus-bell'])
  })

  it('covers every team the seed playbook names', () => {
    expect(() => assertCoverage(playbook, directory)).not.toThrow()
    const partial = { ...directory, teams: directory.teams.filter((t) => t.id !== 'outbound') }
    expect(() => assertCoverage(playbook, partial)).toThrow(
      /segment outbound_reply is covered by team 'outbound'/,
    )
  })

  it('lists every broken reference and field in one error', () => {
    const doc = seedJson()
    doc.reps[1]!.email = 'marcus at leadwire'
    doc.reps[2]!.team = 'sdr'
    doc.reps[3]!.id = doc.reps[2]!.id
    doc.teams[0]!.onCall = ['rep-jordan-kim']
    let error: unknown
    try {
      parseDirectory(JSON.stringify(doc), { format: 'json' })
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(DirectoryError)
    expect((error as DirectoryError).issues.map((i) => i.path)).toEqual([
      'reps[1].email',
      'reps[2].team',
      'reps[3].id',
      'teams[0].onCall[0]',
    ])
  })
})
