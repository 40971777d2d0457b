import {mkdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {stylesheet, toHtml} from '../src/index.js'
import {browserAvailability, launch} from './browser.js'
import {documents} from './fixtures/documents.js'
import {generatedTree} from './fixtures/generate.js'

const require = createRequire(import.meta.url)
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
const screens = join(tmpdir(), 'folio-render-html-screens')

const availability = browserAvailability()
if (!availability.run) console.warn(`Skipping accessibility tests: ${availability.reason}`)

type AxeRun = (context: Document, options: object) => Promise<{violations: Violation[]}>

interface Violation {
  id: string
  nodes: Array<{html: string; failureSummary?: string}>
}

interface Audit {
  /** Each violation as its rule id and the failing elements with axe's summary. */
  violations: Array<{id: string; nodes: string[]}>
  /** How far the page scrolls sideways, in CSS pixels (0 when it does not). */
  overflow: number
}

const viewports = [
  {name: 'phone', width: 320, height: 640},
  {name: 'desktop', width: 1280, height: 900},
]
const schemes = ['light', 'dark'] as const

// Each document as a page of its own, and the canonical one as a fragment
// embedded in a host page (the CMS case), styled by the exported stylesheet.
const pages = documents().map((doc) => ({name: doc.name, html: () => toHtml(doc.tree).value}))
const canonical = documents()[0]
if (canonical) {
  pages.push({
    name: 'canonical-fragment',
    html: () =>
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host page</title><style>${stylesheet}</style></head>` +
      `<body><main>${toHtml(canonical.tree, {fragment: true, idPrefix: 'r-'}).value}</main></body></html>`,
  })
}
// A few generated trees (odd words, scripts, links, nesting), at one size.
const generated = [3, 17, 29, 41, 58, 73].map((seed) => ({
  name: `generated-${seed}`,
  html: () => toHtml(generatedTree(seed)).value,
}))

describe.runIf(availability.run)('axe-core in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
    mkdirSync(screens, {recursive: true})
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  async function audit(
    html: string,
    viewport: {width: number; height: number},
    scheme: 'light' | 'dark',
    screenshot?: string,
  ): Promise<Audit> {
    const context = await browser.newContext({viewport, colorScheme: scheme, javaScriptEnabled: true})
    try {
      // Nothing the page asks for may leave the machine.
      await context.route('**/*', (route) => route.abort())
      const page = await context.newPage()
      await page.setContent(html, {waitUntil: 'load'})
      await page.addScriptTag({content: axeSource})
      const violations = await page.evaluate(async (runOnly) => {
        const axe = (window as unknown as {axe: {run: AxeRun}}).axe
        return (await axe.run(document, {runOnly: {type: 'tag', values: runOnly}})).violations
      }, tags)
      if (screenshot) await page.screenshot({path: join(screens, screenshot), fullPage: true})
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      return {
        violations: violations.map((v) => ({
          id: v.id,
          nodes: v.nodes.map((n) => `${n.html} ${n.failureSummary ?? ''}`),
        })),
        overflow,
      }
    } finally {
      await context.close()
    }
  }

  for (const doc of pages) {
    for (const viewport of viewports) {
      for (const scheme of schemes) {
        it(`${doc.name} at ${viewport.width}px, ${scheme}: 0 violations, no sideways scrolling`, async () => {
          const result = await audit(doc.html(), viewport, scheme, `${doc.name}-${viewport.name}-${scheme}.png`)
          expect(result.violations).toEqual([])
          expect(result.overflow).toBeLessThanOrEqual(0)
        }, 60_000)
      }
    }
  }

  for (const doc of generated) {
    it(`${doc.name} at 1280px: 0 violations`, async () => {
      const result = await audit(doc.html(), {width: 1280, height: 900}, 'light')
      expect(result.violations).toEqual([])
    }, 60_000)
  }
})

it.runIf(!availability.run)(`accessibility tests skipped: ${availability.reason}`, () => {
  expect(process.env.CI).toBeFalsy()
})
