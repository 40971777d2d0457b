import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Content, Root} from '@folio/ast'
import {checkPdf, formatFailures} from '@folio/check'
import {extract} from '@folio/extract'
import {listReports} from '@folio/fixtures'
import {normalize} from '@folio/normalize'
import {describe, expect, it} from 'vitest'
import {toPdf} from '../src/index.js'
import {type ExpectedBlock, expectedBlocks, expectedTables} from './expected.js'
import {layoutReport} from './layout.js'
import {blocks, markedText, taggedTables} from './read-back.js'

const reports = listReports().filter((report) => report.gold)
const temp = mkdtempSync(join(tmpdir(), 'folio-render-pdf-fixtures-'))
const has = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0
const tools = has('qpdf') && has('pdftotext')
if (!tools && process.env.CI) throw new Error('qpdf and pdftotext are required in CI (apt: qpdf poppler-utils)')
if (!tools) console.warn('skipping qpdf and pdftotext checks: not installed')

/**
 * Words of left-to-right script. Shaped right-to-left glyphs are shared
 * between letters (a dotless base for ح and خ), so their text comes from the
 * structure tree's ActualText, which the round trip above checks; pdftotext
 * reads glyphs only.
 */
const rtl = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]/u
const words = (value: string) => value.split(/\s+/).filter((word) => word && !rtl.test(word))

/** What Folio's own reader must find again: headings in order, list items, link targets, the document facts. */
function outline(tree: Root) {
  const headings: string[] = []
  const links: string[] = []
  let items = 0
  const visit = (node: Content) => {
    if (node.type === 'heading') {
      headings.push(
        `${node.depth} ${node.numbering ?? ''} ${node.children.map((child) => ('value' in child ? child.value : '')).join('')}`,
      )
    }
    if (node.type === 'link' && /^(https?|mailto):/.test(node.url)) links.push(node.url)
    if (node.type === 'listItem') items++
    if ('children' in node) for (const child of node.children) visit(child)
  }
  for (const child of tree.children) visit(child)
  const {title, subtitle, authors, publisher, date, lang} = tree.meta
  return {headings, links: links.sort(), items, meta: {title, subtitle, authors, publisher, date, lang}}
}

/** `list` (the words of `blocks`, in order) with the words of each run of table cells sorted. */
function inTableOrder(list: string[], blocks: ExpectedBlock[]): string[] {
  const out: string[] = []
  let at = 0
  let run: string[] = []
  const flush = () => {
    out.push(...run.sort())
    run = []
  }
  for (const block of blocks) {
    const count = words(block.text).length
    const part = list.slice(at, at + count)
    at += count
    if (block.role === 'TH' || block.role === 'TD') run.push(...part)
    else {
      flush()
      out.push(...part)
    }
  }
  flush()
  return [...out, ...list.slice(at)]
}

describe('every fixture report’s edition', () => {
  it('has fixtures with gold trees', () => {
    expect(reports.length).toBeGreaterThanOrEqual(5)
  })

  for (const report of reports) {
    it(`${report.name}: read back by Folio itself (extract, normalize) gives its outline again`, async () => {
      const tree = JSON.parse(readFileSync(report.gold ?? '', 'utf8')) as Root
      const {value} = await toPdf(tree)
      const layout = await extract(value, {file: `${report.name}.pdf`})
      const {tree: back} = await normalize(layout, {})
      const want = outline(tree)
      expect(outline(back)).toEqual({...want, meta: {...want.meta, date: want.meta.date && back.meta.date}})
      expect(back.meta.date?.startsWith(tree.meta.date ?? '')).toBe(true)
    })

    for (const pageSize of ['A4', 'Letter'] as const) {
      it(`${report.name} (${pageSize}): passes the checks and reads back as its tree`, async () => {
        const tree = JSON.parse(readFileSync(report.gold ?? '', 'utf8')) as Root
        const {value, diagnostics} = await toPdf(tree, {pageSize})
        expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([])

        const checked = await checkPdf(value)
        expect(formatFailures(checked.failures)).toBe('')

        // Through the structure tree: headings, paragraphs, list labels and items, notes, links.
        const texts = await markedText(value)
        const found = blocks(checked, texts)
        const expected = expectedBlocks(tree)
        const body = found.slice(found.length - expected.length)
        expect(body.map(({role, text}) => ({role, text}))).toEqual(expected.map(({role, text}) => ({role, text})))
        expect(body.flatMap((block) => block.links)).toEqual(expected.flatMap((block) => block.links ?? []))
        expect(found[0]).toMatchObject({role: 'Title', text: tree.meta.title})
        // Tables: Table > (Caption) TR > TH | TD, every header cell scoped.
        expect(await taggedTables(value)).toEqual(expectedTables(tree))
        const layout = layoutReport(checked, texts)
        expect(layout.strandedHeadings).toEqual([])
        expect(layout.shortParts).toEqual([])

        if (!tools) return
        const path = join(temp, `${report.name}-${pageSize}.pdf`)
        writeFileSync(path, value)
        const qpdf = spawnSync('qpdf', ['--check', path], {encoding: 'utf8'})
        expect(qpdf.status, qpdf.stdout + qpdf.stderr).toBe(0)
        expect(qpdf.stderr).toBe('')
        // The text block of each page, in reading order: every word whole, none added.
        const height = pageSize === 'A4' ? 842 : 792
        const text = execFileSync(
          'pdftotext',
          ['-x', '0', '-y', '60', '-W', '700', '-H', String(height - 120), path, '-'],
          {
            encoding: 'utf8',
          },
        )
        const want = expected.flatMap((block) => words(block.text))
        const got = words(text)
        const start = got.findIndex((word, index) => word === want[0] && got[index + 1] === want[1])
        // A glyph reader has no reading order across a table's cells (a bottom-aligned header
        // cell of one line comes after the first line of its neighbours): a table's words are
        // compared as a set, in its place; its order is the structure tree's, checked above.
        expect(inTableOrder(got.slice(start, start + want.length), expected)).toEqual(inTableOrder(want, expected))
      })
    }
  }
})
