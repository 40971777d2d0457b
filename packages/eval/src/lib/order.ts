import {execFileSync} from 'node:child_process'
import type {Content, Root} from '@folio/ast'

/**
 * Reading order, checked against an independent reader: poppler's
 * `pdftotext` (without -layout) reads the columns of a page one after the
 * other and ends a paragraph at every column break. Two consecutive lines of
 * one of its paragraphs lie in one column, so when the tree holds both lines
 * once each it must hold them side by side: a line of another column between
 * them is exactly the interleaving this check exists to catch.
 */
export interface OrderReport {
  /** Pairs of consecutive lines that both readers hold once each. */
  checked: number
  /** Of those, the pairs the tree does not hold side by side. */
  interleaved: Array<{page: number; first: string; second: string}>
}

/** Whether `pdftotext` (poppler-utils) can be run. */
export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], {stdio: 'ignore'})
    return true
  } catch {
    return false
  }
}

/** Letters only, case and ligatures folded: immune to hyphen joins, spacing, note markers and punctuation. */
export function letters(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '')
}

function plain(node: Content): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as Content[]).map(plain).join('')
  return ''
}

/** Node types set apart from the running text, which Folio places between blocks. */
const floats = new Set(['table', 'figure', 'aside'])

/**
 * The tree's running text in order, as one letter string: paragraphs,
 * headings and table cells, in lists and asides too. Left out are footnote
 * definitions (Folio moves a note after the block that refers to it, by
 * design, while pdftotext reads it at the foot of its column), captions
 * (Folio keeps a caption after its table or image, wherever it is printed)
 * and the contents page, which Folio keeps apart. `floats` are the spans of
 * the letters of tables, figures and asides.
 */
export function treeText(tree: Root): {letters: string; floats: Array<[number, number]>} {
  let text = ''
  const spans: Array<[number, number]> = []
  const walk = (node: Content | Root): void => {
    if (node.type === 'footnoteDefinition' || node.type === 'toc' || node.type === 'caption') return
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      text += letters(plain(node as Content))
      return
    }
    const start = text.length
    if ('children' in node) for (const child of node.children as Content[]) walk(child)
    if (floats.has(node.type) && text.length > start) spans.push([start, text.length])
  }
  walk(tree)
  return {letters: text, floats: spans}
}

/** The tree's running text in order, as one letter string (see `treeText`). */
export function treeLetters(tree: Root): string {
  return treeText(tree).letters
}

function occurrences(haystack: string, needle: string): number {
  let found = 0
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found++
  return found
}

/** Lines shorter than this (in letters) are too common to place. */
const minimumLetters = 16

/**
 * Letters allowed between two lines that follow each other: fewer than a
 * line worth checking holds, so no such line of another column fits in
 * between unseen (columns read wrongly alternate line by line and break many
 * pairs). The slack lets pass pieces of one row that the two readers order
 * differently, such as the stacked parts of a formula.
 */
const slack = minimumLetters - 1

/** pdftotext's reading of a PDF, page by page (`pages[0]` is page 1). */
export function referencePages(pdf: string): string[] {
  const output = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], {encoding: 'utf8', maxBuffer: 1 << 28})
  return output.split('\f')
}

/**
 * Checks the tree's order against pdftotext's on the given pages (all pages
 * when none are given). `reference` is `referencePages(pdf)`. A table, figure
 * or box that Folio sets between two lines pdftotext reads one after the
 * other is no interleaving: Folio places such floats between blocks, where
 * pdftotext reads them where they are printed.
 */
export function orderReport(tree: Root, reference: readonly string[], pages?: readonly number[]): OrderReport {
  const {letters: folio, floats: spans} = treeText(tree)
  // Letters between two places that belong to no table, figure or aside.
  const running = (from: number, to: number) => {
    let count = to - from
    for (const [start, end] of spans) count -= Math.max(0, Math.min(end, to) - Math.max(start, from))
    return count
  }
  const whole = letters(reference.join('\n'))
  // A line is placed when both readers hold it once in the whole document.
  const placed = (line: string) =>
    line.length >= minimumLetters && occurrences(folio, line) === 1 && occurrences(whole, line) === 1
  const report: OrderReport = {checked: 0, interleaved: []}
  const numbers = pages ?? reference.map((_, index) => index + 1)
  for (const page of numbers) {
    const paragraphs = (reference[page - 1] ?? '')
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.split('\n').filter((line) => line.trim() !== ''))
    for (const paragraph of paragraphs) {
      for (let index = 1; index < paragraph.length; index++) {
        const first = letters(paragraph[index - 1]!)
        const second = letters(paragraph[index]!)
        if (!placed(first) || !placed(second)) continue
        report.checked++
        const end = folio.indexOf(first) + first.length
        const start = folio.indexOf(second)
        // A table, figure or box set between the two lines is placed, not interleaved.
        if (start < end || running(end, start) > slack) {
          report.interleaved.push({page, first: paragraph[index - 1]!, second: paragraph[index]!})
        }
      }
    }
  }
  return report
}
