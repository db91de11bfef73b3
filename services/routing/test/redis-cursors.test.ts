import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RoutingFixture, routingFixture } from './support.ts'

let fx: RoutingFixture
beforeAll(async () => {
  fx = await routingFixture()
})
afterAll(() => fx.cleanup())

describe('redis cursors', () => {
  it('hands concurrent callers distinct positions, one rotation per pool', async () => {
    const positions = await Promise.all(Array.from({ length: 20 }, () => fx.cursors.next('team-a')))
    expect(positions.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(await fx.cursors.next('team-b')).toBe(1)
    expect(await fx.redis.get(fx.ns.names.redisKey('routing', 'cursor', 'team-a'))).toBe('20')
  })
})
