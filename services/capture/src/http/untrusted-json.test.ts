import { describe, expect, it } from 'vitest'
import { checkUntrustedJson, maxDepth, textProblem } from './untrusted-json.ts'

const fieldsOf = (value: unknown) => {
  try {
    checkUntrustedJson(value)
    return []
  } catch (err) {
    return (err as { errors?: { field: string }[] }).errors?.map((e) => e.field) ?? [(err as Error).message]
  }
}

describe('untrusted JSON', () => {
  it('passes an ordinary lead', () => {
    expect(fieldsOf({ contact: { email: 'a@b.co' }, custom: { n: 1, ok: true, none: null } })).toEqual([])
  })

  it('names a prototype key wherever it sits, own keys made by JSON.parse included', () => {
    expect(fieldsOf(JSON.parse('{"a":[{"__proto__":1}]}'))).toEqual(['a.0.__proto__'])
    expect(fieldsOf({ custom: { constructor: 'x' } })).toEqual(['custom.constructor'])
    expect(fieldsOf(JSON.parse('{"":{"__proto__":{}}}'))).toEqual(['"".__proto__'])
  })

  it('names NUL and lone surrogates in values and in keys', () => {
    expect(fieldsOf({ contact: { firstName: 'A\u0000' } })).toEqual(['contact.firstName'])
    expect(fieldsOf({ custom: { '\ud800': 'x' } })).toEqual(['custom.\ud800'])
    expect(textProblem('\udbff\udfff')).toBeUndefined()
  })

  it('refuses nesting past the limit without recursing', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(fieldsOf(deep)[0]).toMatch(new RegExp(`deeper than ${maxDepth}`))
  })
})
