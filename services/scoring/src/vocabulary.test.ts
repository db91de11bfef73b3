import * as contracts from '@leadwire/contracts'
import * as playbook from '@leadwire/playbook'
import { describe, expect, it } from 'vitest'

// @leadwire/playbook keeps its own copy of these words; this is where a drift would show.
describe('playbook vocabulary', () => {
  it.each([
    ['channels', playbook.channels, contracts.channels],
    ['intents', playbook.intents, contracts.intents],
    ['seniorities', playbook.seniorities, contracts.seniorities],
    ['stages', playbook.stages, contracts.stages],
    ['emailKinds', playbook.emailKinds, contracts.emailKinds],
    ['activityTypes', playbook.activityTypes, contracts.activityTypes],
  ])('matches %s in @leadwire/contracts', (_name, ours, theirs) => {
    expect(ours).toEqual(theirs)
  })

  it('treats every intent and activity type as a signal', () => {
    const expected = new Set<string>([...contracts.intents, ...contracts.activityTypes])
    expect([...playbook.signalTypes].sort()).toEqual([...expected].sort())
  })

  it('names only coverage methods the assignment contract can carry', () => {
    const routable = new Set<string>(contracts.routingMethods)
    expect(playbook.coverageMethods.filter((m) => !routable.has(m))).toEqual([])
  })
})
