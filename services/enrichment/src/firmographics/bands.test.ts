import { describe, expect, it } from 'vitest'
import { bandOf, lowerBound } from './bands.ts'

describe('lowerBound', () => {
  it.each([
    ['1-10', 1],
    ['11-50', 11],
    ['51 - 200', 51],
    ['201 to 500', 201],
    ['1001-5000', 1001],
    ['1,001-5,000', 1001],
    ['1K-5K', 1000],
    ['5k-10k', 5000],
    ['10001+', 10001],
    ['10,001+', 10001],
    ['10K+', 10000],
    ['1.5K-3K', 1500],
    ['250', 250],
    ['1001–5000', 1001],
    ['0-1', undefined],
    ['', undefined],
    ['large', undefined],
    ['$10M-$50M', undefined],
  ])('reads %j as %j', (band, bound) => {
    expect(lowerBound(band)).toBe(bound)
  })
})

describe('bandOf', () => {
  it.each([
    [1, '1-10'],
    [10, '1-10'],
    [11, '11-50'],
    [200, '51-200'],
    [500, '201-500'],
    [501, '501-1000'],
    [2400, '1001-5000'],
    [10_000, '5001-10000'],
    [250_000, '10001+'],
    [0, undefined],
  ])('puts %d in %j', (employees, band) => {
    expect(bandOf(employees)).toBe(band)
  })
})
