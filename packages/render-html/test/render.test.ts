import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {assert, fromJson, plainText, toJson} from '@folio/ast'
import {describe, expect, it} from 'vitest'
import {stylesheet, toHtml, toMarkdown} from '../src/index.js'
import {documents, reportsDir} from './fixtures/documents.js'

const expectedDir = join(dirname(fileURLToPath(import.meta.url)), 'expected')
const update = Boolean(process.env.UPDATE)

/**
 * Compare with the expected file, or write it under UPDATE=1. A fixture's
 * expected files record the hash of the gold tree they were made from: when
 * the gold tree changes, they are stale and the comparison says so instead of
 * failing on someone else's edit (the accessibility and validator tests still
 * run on the new tree).
 */
function expectFile(name: string, actual: string, sourceHash?: string): void {
  const path = join(expectedDir, name)
  const hashPath = `${path}.source-sha256`
  if (update) {
    mkdirSync(expectedDir, {recursive: true})
    writeFileSync(path, actual)
    if (sourceHash) writeFileSync(hashPath, `${sourceHash}\n`)
    return
  }
  expect(existsSync(path), `missing ${name}: run with UPDATE=1`).toBe(true)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

const styleBlock = `<style>${stylesheet}</style>`
const styleMarker = '<style>/* the embedded stylesheet, recorded once in canonical.html */</style>'

/**
 * Every standalone document embeds the same stylesheet. canonical.html records
 * it in full; the other expected files hold a marker in its place, after the
 * test has checked that the document embeds exactly that stylesheet, once.
 */
function shareStylesheet(name: string, html: string): string {
  if (name === 'canonical') return html
  expect(html.split(styleBlock).length - 1, `${name} embeds the stylesheet once`).toBe(1)
  return html.replace(styleBlock, styleMarker)
}

function freshness(name: string, sourceHash: string | undefined): string | undefined {
  if (update || !sourceHash) return undefined
  const hashPath = join(expectedDir, `${name}.html.source-sha256`)
  if (!existsSync(hashPath)) return `no expected files for ${name} yet (UPDATE=1 writes them)`
  if (readFileSync(hashPath, 'utf8').trim() !== sourceHash) return `gold tree of ${name} changed (UPDATE=1 rewrites)`
  return undefined
}

describe('expected output', () => {
  for (const doc of documents()) {
    const gold = doc.name.startsWith('fixture-')
      ? join(reportsDir, doc.name.slice('fixture-'.length), 'gold.json')
      : undefined
    const sourceHash = gold ? createHash('sha256').update(readFileSync(gold)).digest('hex') : undefined
    const stale = freshness(doc.name, sourceHash)
    if (stale) console.warn(`Skipping expected-file comparison: ${stale}`)

    it('is a valid tree', () => {
      assert(doc.tree)
    })

    it.skipIf(stale !== undefined)(`${doc.name}: HTML document and Markdown as expected`, () => {
      expectFile(`${doc.name}.html`, shareStylesheet(doc.name, toHtml(doc.tree).value), sourceHash)
      expectFile(`${doc.name}.md`, toMarkdown(doc.tree).value)
    })

    it(`${doc.name}: every word of the body reaches the HTML and the Markdown`, () => {
      const words = (text: string) => text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []
      const body = doc.tree.children.filter((child) => child.type !== 'toc')
      const expected = words(body.map((child) => plainText(child)).join(' '))
      const htmlText = toHtml(doc.tree)
        .value.replace(/<style>[\s\S]*?<\/style>/, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
      const have = new Set(words(htmlText))
      expect(expected.filter((word) => !have.has(word))).toEqual([])
      const markdown = new Set(words(toMarkdown(doc.tree).value))
      expect(expected.filter((word) => !markdown.has(word))).toEqual([])
    })

    it(`${doc.name}: byte-identical on every run and after a JSON round trip`, () => {
      const first = toHtml(doc.tree).value
      const again = toHtml(fromJson(toJson(doc.tree))).value
      expect(again).toBe(first)
      expect(toHtml(doc.tree).value).toBe(first)
      expect(toMarkdown(fromJson(toJson(doc.tree))).value).toBe(toMarkdown(doc.tree).value)
    })
  }

  const canonical = documents()[0]
  it('canonical: fragment as expected', () => {
    if (!canonical) throw new Error('Unexpected missing canonical document')
    expectFile('canonical.fragment.html', toHtml(canonical.tree, {fragment: true}).value)
  })
})
