import {execFileSync} from 'node:child_process'
import {join} from 'node:path'
import type {Root} from '@folio/ast'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {corpusDir, layoutOf, requireCorpus, text} from './helpers.js'

type AnyNode = Parameters<typeof text>[0]

/**
 * Reading order on multi-column pages, checked against an independent reader:
 * poppler's `pdftotext` (without -layout) reads columns in order and ends a
 * paragraph at every column break. Two consecutive lines of one of its
 * paragraphs lie in one column; when Folio holds both lines once each, it
 * must hold them side by side. A line of the other column between them is
 * exactly the interleaving this test exists to catch.
 */

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}

const corpus = requireCorpus()
const tool = hasPdftotext()
if (!tool && process.env.CI) throw new Error('Unexpected missing `pdftotext` in CI, expected poppler-utils installed')
if (corpus && !tool) console.warn('skipping column tests: `pdftotext` (poppler-utils) is not installed')
const run = corpus && tool

/** Letters only, case and ligatures folded: immune to hyphen joins, spacing, note markers and punctuation. */
function letters(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '')
}

function pdftotext(pdf: string, pages?: number): string {
  const range = pages === undefined ? [] : ['-f', String(pages), '-l', String(pages)]
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', pdf, '-'], {encoding: 'utf8', maxBuffer: 1 << 26})
}

/** pdftotext's paragraphs on one page, each a list of lines. */
function referenceParagraphs(pdf: string, page: number): string[][] {
  return pdftotext(pdf, page)
    .replace(/\f/g, '\n\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').filter((line) => line.trim() !== ''))
    .filter((paragraph) => paragraph.length > 1)
}

/**
 * Every paragraph and heading of the tree in order (items and asides
 * included), as one letter string. Footnote definitions are left out: Folio
 * moves a note after the block that refers to it, by design, while
 * pdftotext reads it where it is printed, at the foot of its column.
 */
function folioLetters(tree: Root): string {
  const out: string[] = []
  const walk = (node: AnyNode) => {
    if (node.type === 'footnoteDefinition') return
    if (node.type === 'paragraph' || node.type === 'heading') out.push(text(node))
    else for (const child of node.children ?? []) walk(child)
  }
  walk(tree as unknown as AnyNode)
  return letters(out.join('\n'))
}

function count(haystack: string, needle: string): number {
  let found = 0
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found++
  return found
}

/** Lines shorter than this (in letters) are too common to place. */
const minimumLetters = 16

/**
 * Letters allowed between two lines that follow each other: fewer than a
 * line worth checking holds, so no such line of another column fits in
 * between unseen (and columns read wrongly alternate line by line, so they
 * break many pairs). The slack lets pass pieces of one row that the two
 * readers order differently, such as the stacked parts of a formula.
 */
const slack = minimumLetters - 1

export interface OrderReport {
  /** Pairs of consecutive column lines that Folio holds once each. */
  checked: number
  /** Of those, the pairs that Folio does not hold side by side. */
  broken: Array<{page: number; first: string; second: string}>
}

async function orderReport(name: string, pages: number[]): Promise<OrderReport> {
  const pdf = join(corpusDir, `${name}.pdf`)
  const {tree} = normalize(await layoutOf(pdf))
  const folio = folioLetters(tree)
  const reference = letters(pdftotext(pdf))
  // A line is placed when both readers hold it once in the whole document.
  const placed = (line: string) =>
    line.length >= minimumLetters && count(folio, line) === 1 && count(reference, line) === 1
  const report: OrderReport = {checked: 0, broken: []}
  for (const page of pages) {
    for (const paragraph of referenceParagraphs(pdf, page)) {
      for (let index = 1; index < paragraph.length; index++) {
        const first = letters(paragraph[index - 1]!)
        const second = letters(paragraph[index]!)
        if (!placed(first) || !placed(second)) continue
        report.checked++
        const between = folio.indexOf(second) - (folio.indexOf(first) + first.length)
        if (between < 0 || between > slack) {
          report.broken.push({page, first: paragraph[index - 1]!, second: paragraph[index]!})
        }
      }
    }
  }
  return report
}

/**
 * The multi-column documents of the corpus and a sample of their pages:
 * the first pages (title blocks and headings over the columns), and pages
 * deep in the body with figures, tables, notes and call-out boxes.
 */
const samples: Array<{name: string; columns: number; pages: number[]}> = [
  {name: 'dense-passage-retrieval-two-column-latex-paper', columns: 2, pages: [1, 2, 3, 5, 7, 9]},
  {name: 'ieee-tifs-individual-differential-privacy-ligatures', columns: 2, pages: [1, 2, 3, 6, 9, 11]},
  {
    name: 'federal-register-2020-17221-boeing-737-max-airworthiness-directive',
    columns: 3,
    pages: [1, 2, 3, 5, 6, 9, 13],
  },
  {name: 'irs-instructions-form-1040nr-2007', columns: 3, pages: [2, 3, 5, 10, 14, 17, 25, 33]},
  {name: 'crs-if13200-treasury-exchange-stabilization-fund-in-focus', columns: 2, pages: [1, 2]},
  {name: 'gao-23-106826-national-cybersecurity-strategy-snapshot', columns: 3, pages: [1, 2]},
  // A tagged booklet whose boxes set their text in two narrow columns of small type.
  {name: 'cancer-council-understanding-breast-cancer-booklet', columns: 2, pages: [14, 16, 20, 30]},
]

describe.skipIf(!run)('columns read one after the other (against pdftotext)', () => {
  for (const sample of samples) {
    it(`${sample.name} (${sample.columns} columns): no line of one column between two lines of another`, async () => {
      const report = await orderReport(sample.name, sample.pages)
      console.info(
        `${sample.name}: ${report.checked} line pairs checked, ${report.broken.length} interleaved` +
          report.broken
            .slice(0, 8)
            .map((pair) => `\n  p${pair.page}: “${pair.first}” ⏎ “${pair.second}”`)
            .join(''),
      )
      // Enough pairs that the check means something on every sampled document.
      expect(report.checked).toBeGreaterThan(sample.pages.length * 10)
      expect(report.broken).toEqual([])
    })
  }
})

describe.skipIf(!corpus)('text run up the side margin', () => {
  it('federal-register: a stamp printed up the margin of every page stays out of the columns', async () => {
    const layout = await layoutOf(
      join(corpusDir, 'federal-register-2020-17221-boeing-737-max-airworthiness-directive.pdf'),
    )
    const stamps = layout.pages.flatMap((page) => page.lines.filter((line) => line.angle !== undefined))
    expect(stamps.length).toBeGreaterThan(10)
    const {tree, diagnostics} = normalize(layout)
    const body = folioLetters(tree)
    for (const stamp of stamps) expect(body).not.toContain(letters(stamp.text))
    expect(diagnostics.filter((diagnostic) => /margin line/.test(diagnostic.message)).length).toBe(stamps.length)
  })
})
