import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CaptureUnderTest, startCapture } from './helpers.ts'

// The page lives on one origin (localhost:<port>), the API on another (127.0.0.1:<port>):
// the browser applies its real cross-origin rules to the form post and to fetch().
let c: CaptureUnderTest
let site: Server
let browser: BrowserContext
let siteUrl: string
let apiUrl: string
const profile = mkdtempSync(join(tmpdir(), 'leadwire-chromium-'))

function formPage(token: string): string {
  return `<!doctype html><html><body>
<form id="demo" method="post" action="${apiUrl}/v1/leads?key=${token}">
  <input name="firstName" placeholder="First name">
  <input name="email" type="email" required>
  <input name="company">
  <input type="hidden" name="formId" value="browser-demo">
  <input type="hidden" name="redirect" value="${siteUrl}/thanks">
  <input type="hidden" name="_started">
  <div style="position:absolute;left:-5000px" aria-hidden="true"><input name="_hp" tabindex="-1" autocomplete="off"></div>
  <button type="submit">Book a demo</button>
</form>
<script>document.querySelector('[name=_started]').value = Date.now()</script>
</body></html>`
}

beforeAll(async () => {
  c = await startCapture()
  apiUrl = await c.app.listen({ host: '127.0.0.1', port: 0 })
  site = createServer((req, res) => {
    res.setHeader('content-type', 'text/html')
    res.end(req.url === '/thanks' ? '<h1>Thanks, we will be in touch</h1>' : formPage(token))
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://localhost:${(site.address() as { port: number }).port}`
  const token = (await c.keys.create({ name: 'browser site', kind: 'public', origins: [siteUrl] })).token
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  rmSync(profile, { recursive: true, force: true })
  site?.close()
  await c?.close()
})

describe('a plain HTML form in a real browser, posting cross-origin', () => {
  it('lands on the thank-you page with the lead stored as a form lead, flagged as submitted too fast', async () => {
    const page = await browser.newPage()
    await page.goto(`${siteUrl}/`)
    await page.fill('[name=firstName]', 'Grace')
    await page.fill('[name=email]', 'grace@browser-test.example')
    await page.fill('[name=company]', 'Hopper Labs')
    await Promise.all([page.waitForURL(`${siteUrl}/thanks`), page.click('button[type=submit]')])
    expect(await page.textContent('h1')).toContain('Thanks')
    const [row] = await c.rows<{
      received_via: string
      payload: { company: { name: string } }
      spam: { signals: { signal: string }[] }
    }>(`SELECT received_via, payload, spam FROM $schema.leads WHERE payload->'contact'->>'email' = $1`, [
      'grace@browser-test.example',
    ])
    expect(row!.received_via).toBe('form')
    expect(row!.payload.company.name).toBe('Hopper Labs')
    expect(row!.spam.signals.map((s) => s.signal)).toEqual(['too_fast'])
  })

  it('lets script on an allowed origin post JSON and read the answer; the browser blocks other origins', async () => {
    const page = await browser.newPage()
    const post = (url: string | null) =>
      page.evaluate(async (action) => {
        try {
          const res = await fetch(action!, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ contact: { email: 'ada@browser-test.example' } }),
          })
          return { status: res.status, body: await res.json() }
        } catch (err) {
          return { blocked: String(err) }
        }
      }, url)
    await page.goto(`${siteUrl}/`)
    const action = await page.getAttribute('#demo', 'action')
    expect(await post(action)).toMatchObject({ status: 202, body: { status: 'accepted' } })
    // The same page served from 127.0.0.1 is another origin, which the key does not list.
    await page.goto(`${siteUrl.replace('localhost', '127.0.0.1')}/`)
    expect(await post(action)).toEqual({ blocked: expect.stringContaining('Failed to fetch') })
  })
})
