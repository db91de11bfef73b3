import * as contracts from '@leadwire/contracts'
import * as playbook from '@leadwire/playbook'
import { describe, expect, it } from 'vitest'

describe('playbook vocabulary', () => {
  it('treats every intent and activity type as a signal', () => {
    const expected = new Set<string>([...contracts.intents, ...contracts.activityTypes])
    expect([...playbook.signalTypes].sort()).toEqual([...expected].sort())
  })

  it('names only coverage methods the assignment contract can carry', () => {
    const routable = new Set<string>(contracts.routingMethods)
    expect(playbook.coverageMethods.filter((m) => !routable.has(m))).toEqual([])
  })
})
