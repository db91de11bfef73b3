import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CaptureUnderTest, startCapture } from './helpers.ts'

let c: CaptureUnderTest
beforeAll(async () => {
  c = await startCapture({ withKeys: false })
})
afterAll(() => c.close())

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document of every route with its security, and a browsable UI', async () => {
    const doc = (await c.app.inject({ method: 'GET', url: '/docs/json' })).json()
    expect(doc.openapi).toMatch(/^3\.1\./)
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/v1/leads',
      '/v1/leads/batch',
      '/v1/leads/{leadId}',
      '/v1/leads/{leadId}/activities',
      '/v1/leads/{leadId}/handoff',
      '/v1/leads/{leadId}/outcomes',
      '/v1/leads/{leadId}/touches',
    ])
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['formKey', 'secretKey'])
    const post = doc.paths['/v1/leads'].post
    expect(post.requestBody.content['application/json'].schema.properties.contact).toBeDefined()
    expect(post.requestBody.content['application/x-www-form-urlencoded']).toBeDefined()
    expect(post.security).toEqual([{ formKey: [] }, { secretKey: [] }])
    const ui = await c.app.inject({ method: 'GET', url: '/docs/' })
    expect(ui.statusCode).toBe(200)
    expect(ui.headers['content-type']).toContain('text/html')
  })
})
