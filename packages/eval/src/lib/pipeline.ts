import {readFile} from 'node:fs/promises'
import {basename} from 'node:path'
import {performance} from 'node:perf_hooks'
import type {Content, Diagnostic, Root} from '@folio/ast'
import {check} from '@folio/ast'
import {extract, type Layout} from '@folio/extract'
import {normalize} from '@folio/normalize'
import {hasPdftotext, orderReport, referencePages} from './order.js'
import {words} from './text.js'

/** What the eval reads from one run of the pipeline, whatever the gold. */
export interface Found {
  pages: number
  headings: number
  listItems: number
  paragraphs: number
  tables: number
  asides: number
  /** Footnote and endnote definitions. */
  notes: number
  diagnostics: {fatal: number; warning: number; info: number}
  /** Problems `check` from @folio/ast finds in the output tree. */
  treeProblems: number
  extractMsPerPage: number | null
  normalizeMsPerPage: number | null
  /**
   * Reading order against pdftotext's (see `orderReport`): consecutive lines
   * of one column checked, and those the tree does not hold side by side,
   * with the first few of them; null when pdftotext is not installed.
   */
  order: {checked: number; interleaved: number; samples: Array<{page: number; first: string; second: string}>} | null
}

/** One run of extract → normalize over one PDF. */
export interface FileRun {
  file: string
  tree?: Root
  found: Found
  diagnostics: Diagnostic[]
  /** Running header and footer lines seen in the PDF (see `marginLines`). */
  furniture: string[]
  /** Why the run produced no tree: a thrown error, named by its code when it has one. */
  error?: string
}

/** A count with nothing found yet. */
export function emptyFound(): Found {
  return {
    pages: 0,
    headings: 0,
    listItems: 0,
    paragraphs: 0,
    tables: 0,
    asides: 0,
    notes: 0,
    diagnostics: {fatal: 0, warning: 0, info: 0},
    treeProblems: 0,
    extractMsPerPage: null,
    normalizeMsPerPage: null,
    order: null,
  }
}

let pdftotext: boolean | undefined

/** Whether the order check can run; in CI, where poppler-utils is installed, its absence is an error. */
function orderCheckable(): boolean {
  pdftotext ??= hasPdftotext()
  if (!pdftotext && process.env.CI) {
    throw new Error('Unexpected missing `pdftotext` in CI, expected poppler-utils installed')
  }
  return pdftotext
}

function count(tree: Root, found: Found): void {
  const visit = (node: Content): void => {
    if (node.type === 'heading') found.headings++
    else if (node.type === 'listItem') found.listItems++
    else if (node.type === 'paragraph') found.paragraphs++
    else if (node.type === 'table') found.tables++
    else if (node.type === 'aside') found.asides++
    else if (node.type === 'footnoteDefinition') found.notes++
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & {code?: unknown}).code
    return typeof code === 'string' ? `${code}: ${error.message}` : `${error.name}: ${error.message}`
  }
  return String(error)
}

/** How far (in points) the same running line may move from page to page. */
const driftTolerance = 6

/**
 * Running header and footer lines, read from the PDF itself so the eval does
 * not depend on what normalize decided: line text that, numbers left out,
 * recurs at the same height on at least two pages and a quarter of them.
 * Each comes back as its runs of words between numbers (`Summary | Page 3`
 * gives `summary` and `page`), keeping runs of two words or more, or one word
 * of four letters or more.
 */
export function marginLines(layout: Layout): string[] {
  const placesByRun = new Map<string, Array<{page: number; top: number}>>()
  for (const page of layout.pages) {
    for (const line of page.lines) {
      const runs: string[][] = [[]]
      for (const word of words(line.text)) {
        if (/^\p{N}+$/u.test(word)) runs.push([])
        else runs.at(-1)!.push(word)
      }
      for (const run of runs) {
        if (run.length < 2 && (run[0]?.length ?? 0) < 4) continue
        const key = run.join(' ')
        const places = placesByRun.get(key) ?? []
        places.push({page: page.number, top: line.bbox[1]})
        placesByRun.set(key, places)
      }
    }
  }
  const least = Math.max(2, Math.ceil(layout.pageCount / 4))
  const result: string[] = []
  for (const [key, places] of placesByRun) {
    if (places.length < least) continue
    places.sort((a, b) => a.top - b.top)
    let start = 0
    for (let end = 0; end < places.length; end++) {
      while (places[end]!.top - places[start]!.top > driftTolerance) start++
      const pages = new Set(places.slice(start, end + 1).map((place) => place.page))
      if (pages.size >= least) {
        result.push(key)
        break
      }
    }
  }
  return result
}

const perPage = (ms: number, pages: number): number => Math.round((ms / Math.max(pages, 1)) * 10) / 10

/**
 * Runs extract then normalize over one PDF, timing each. Never throws: a
 * failure comes back as `error`, with whatever was counted before it.
 */
export async function runFile(path: string): Promise<FileRun> {
  const file = basename(path)
  const found = emptyFound()
  const diagnostics: Diagnostic[] = []
  const result: FileRun = {file, found, diagnostics, furniture: []}
  try {
    const data = new Uint8Array(await readFile(path))
    let started = performance.now()
    const layout = await extract(data, {file})
    found.extractMsPerPage = perPage(performance.now() - started, layout.pageCount)
    found.pages = layout.pageCount
    diagnostics.push(...layout.diagnostics)
    result.furniture = marginLines(layout)
    started = performance.now()
    const normalized = normalize(layout)
    found.normalizeMsPerPage = perPage(performance.now() - started, layout.pageCount)
    diagnostics.push(...normalized.diagnostics)
    result.tree = normalized.tree
    count(normalized.tree, found)
    found.treeProblems = check(normalized.tree).length
    if (orderCheckable()) {
      const order = orderReport(normalized.tree, referencePages(path))
      found.order = {
        checked: order.checked,
        interleaved: order.interleaved.length,
        samples: order.interleaved.slice(0, 5),
      }
    }
  } catch (error) {
    result.error = describeError(error)
  }
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity in found.diagnostics) found.diagnostics[diagnostic.severity]++
  }
  return result
}
