import type {LayoutPage, Line} from '@folio/extract'
import {romanValue} from './list-marker.js'
import {isContactLine} from './text.js'

export type ArtifactKind = 'page-number' | 'running-header' | 'running-footer' | 'margin-line' | 'off-page'

export interface Artifact {
  page: number
  /** Index of the line in `LayoutPage.lines`. */
  line: number
  kind: ArtifactKind
  text: string
}

export interface ArtifactReport {
  artifacts: Artifact[]
  /** Printed page numbers read from page-number artifacts, by physical page. */
  printedLabels: Map<number, string>
}

/** Share of the page height, from the top and from the bottom, where running heads and feet live. */
const MARGIN_BAND = 0.12

/** Share of the page height, from either edge, within which furniture is peeled off line by line. */
const EDGE_REACH = 0.2

export interface ArtifactOptions {
  /** The PDF is tagged: its /Artifact marks are read as furniture (see `markedArtifactLines`). */
  tagged?: boolean
}

/**
 * Indexes of the lines a tagged PDF marks as /Artifact on a page. The marks are
 * trusted in a tagged file only, and only when the page has real content besides.
 */
export function markedArtifactLines(page: LayoutPage, tagged: boolean): Set<number> {
  const marked = new Set<number>()
  if (!tagged) return marked
  page.lines.forEach((line, index) => {
    if (line.words.length > 0 && line.words.every((word) => word.artifact)) marked.add(index)
  })
  return marked.size < page.lines.length * 0.5 ? marked : new Set()
}

/**
 * The shape of a line with its numbers made anonymous, so that "Page 3 of 12"
 * and "Page 4 of 12" share one signature.
 */
export function lineSignature(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b[ivxlcdm]+\b/g, (match) => (romanValue(match) !== null ? '#' : match))
    .replace(/\d+/g, '#')
}

const pageNumberShapes: RegExp[] = [
  /^[-–—]?\s*(\d{1,4})\s*[-–—]?$/,
  /^([ivxlcdm]{1,7})$/i,
  /^(?:page|p\.|seite|pagina|página)\s*(\d{1,4})(?:\s*(?:of|\/|von|de|sur)\s*\d{1,4})?$/i,
  /^(\d{1,4})\s*(?:of|\/)\s*\d{1,4}$/i,
  /^(\d{1,4}-\d{1,4})$/,
]

/** The printed page number when the line is nothing but one ("7", "- 7 -", "vii", "Page 7 of 12"). */
export function readPageNumber(text: string): string | null {
  const trimmed = text.trim()
  for (const shape of pageNumberShapes) {
    const match = shape.exec(trimmed)
    if (!match) continue
    const value = match[1] ?? ''
    if (/^[ivxlcdm]+$/i.test(value) && romanValue(value) === null) return null
    return value
  }
  return null
}

/** A page number at either end of a running line: "7 | Report title", "Report title 7". */
function trailingPageNumber(text: string): string | null {
  const match = /^(\d{1,4})\s*[|·•]?\s+\S|\S\s+[|·•]?\s*(\d{1,4})$/.exec(text.trim())
  if (!match) return null
  return match[1] ?? match[2] ?? null
}

interface BandLine {
  page: LayoutPage
  index: number
  line: Line
  band: 'top' | 'bottom' | 'side'
  signature: string
}

function bandOf(page: LayoutPage, line: Line): 'top' | 'bottom' | 'side' | null {
  const height = page.height || 792
  const width = page.width || 612
  // Text run up the side margin (a printer's or repository stamp) recurs like a running line.
  const vertical = line.angle !== undefined && Math.abs(line.angle % 180) > 45 && Math.abs(line.angle % 180) < 135
  if (vertical && (line.bbox[2] <= width * MARGIN_BAND || line.bbox[0] >= width * (1 - MARGIN_BAND))) return 'side'
  if (line.bbox[3] <= height * MARGIN_BAND) return 'top'
  if (line.bbox[1] >= height * (1 - MARGIN_BAND)) return 'bottom'
  return null
}

/**
 * Finds running headers and footers, page numbers and marks outside the page,
 * from position and repetition across pages: a line in the top or bottom
 * band that recurs, numbers aside, at about the same place on other pages.
 */
export function detectArtifacts(pages: LayoutPage[], options: ArtifactOptions = {}): ArtifactReport {
  const artifacts: Artifact[] = []
  const printedLabels = new Map<number, string>()
  const bandLines: BandLine[] = []
  const textPages = pages.filter((page) => page.lines.length > 0).length

  for (const page of pages) {
    page.lines.forEach((line, index) => {
      const height = page.height || 792
      const width = page.width || 612
      if (line.bbox[2] < 0 || line.bbox[0] > width || line.bbox[3] < 0 || line.bbox[1] > height) {
        artifacts.push({page: page.number, line: index, kind: 'off-page', text: line.text})
        return
      }
      const band = bandOf(page, line)
      if (band && line.text.trim()) {
        bandLines.push({page, index, line, band, signature: lineSignature(line.text)})
      }
    })
  }

  // Group by signature and band; a group recurring on enough pages at a steady place is a running line.
  const groups = new Map<string, BandLine[]>()
  for (const item of bandLines) {
    const key = `${item.band}\u0000${item.signature}`
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }
  const minimumPages = Math.max(2, Math.ceil(textPages * 0.1))
  const flagged = new Set<string>()
  for (const group of groups.values()) {
    const pagesSeen = new Set(group.map((item) => item.page.number))
    if (pagesSeen.size < minimumPages) continue
    // A number that stays the same on every page (a year in a running title) is no page number.
    const numbers = group.map((item) => readPageNumber(item.line.text) ?? trailingPageNumber(item.line.text))
    const numbered = new Set(numbers.filter((value) => value !== null)).size > 1
    for (const item of group) {
      const steady = group.filter(
        (other) => other !== item && Math.abs(relativeY(other) - relativeY(item)) < 0.03,
      ).length
      if (steady === 0) continue
      const number = numbered ? (readPageNumber(item.line.text) ?? trailingPageNumber(item.line.text)) : null
      const kind: ArtifactKind =
        number && readPageNumber(item.line.text)
          ? 'page-number'
          : item.band === 'top'
            ? 'running-header'
            : item.band === 'side'
              ? 'margin-line'
              : 'running-footer'
      if (number && !printedLabels.has(item.page.number)) printedLabels.set(item.page.number, number)
      artifacts.push({page: item.page.number, line: item.index, kind, text: item.line.text})
      flagged.add(`${item.page.number}:${item.index}`)
    }
  }

  // A lone page number in a band is one even when it does not recur (the only numbered page of a short file).
  for (const item of bandLines) {
    if (flagged.has(`${item.page.number}:${item.index}`)) continue
    const number = readPageNumber(item.line.text)
    if (number === null) continue
    if (!isAloneInItsRow(item)) continue
    if (!printedLabels.has(item.page.number)) printedLabels.set(item.page.number, number)
    artifacts.push({page: item.page.number, line: item.index, kind: 'page-number', text: item.line.text})
  }

  artifacts.push(...peelEdges(pages, artifacts, options.tagged === true))
  artifacts.sort((a, b) => a.page - b.page || a.line - b.line)
  return {artifacts, printedLabels}
}

/** Lower-cased runs of letters and digits: "U.S. Government" gives u, s, government. */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** A report or document number standing alone: "IF13200", "GAO-23-106826", "R46991", "WP 2024-07". */
const reportNumber = /^\p{Lu}{1,8}(?:[-‐ ]?\d{2,}){1,3}\p{Lu}?$/u

/** A token of letters and digits both ("lsb11421"): an identifier, no word. */
const idToken = /^(?=.*\p{L})(?=.*\d)[\p{L}\d]{4,}$/u

/** Whether `needle` occurs as a run of consecutive tokens in `haystack`. */
function containsRun(haystack: string[], needle: string[]): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer
    }
    return true
  }
  return false
}

/** Whether a line's words say enough to be recognised inside another line: two words, or one identifier. */
function distinctive(words: string[]): boolean {
  if (words.length === 1) return idToken.test(words[0]!)
  const letters = words.filter((word) => /\p{L}/u.test(word)).join('')
  return words.length >= 2 && letters.length >= 6
}

interface Furniture {
  page: number
  index: number
  edge: 'top' | 'bottom'
  top: number
  tokens: string[]
}

function edgeOf(page: LayoutPage, line: Line): 'top' | 'bottom' {
  const height = page.height || 792
  return (line.bbox[1] + line.bbox[3]) / 2 < height / 2 ? 'top' : 'bottom'
}

/**
 * Furniture that does not recur at one place: a first page's own footer, a
 * masthead set twice, a report number stamped on one page. Each page is peeled
 * from its top and from its bottom edge inwards, line by line, while the line
 * is evidently furniture, and stops at the first line that is not:
 * - a line that repeats the words of a running line or a tagged artifact: on
 *   its own page when it stands between that line and the page edge (or at the
 *   other edge); on a page without that running line when it is set no larger
 *   than the body (a first page's footer that differs from the later ones); a
 *   report number anywhere;
 * - a page number, a web or mail address or a report number alone on its line,
 *   only between such lines and the edge (an address at the foot of a note's
 *   last line stays with the note).
 */
function peelEdges(pages: LayoutPage[], found: Artifact[], tagged: boolean): Artifact[] {
  const known = new Set(found.map((artifact) => `${artifact.page}:${artifact.line}`))
  const furniture: Furniture[] = []
  for (const artifact of found) {
    if (artifact.kind === 'off-page') continue
    const page = pages.find((candidate) => candidate.number === artifact.page)
    const line = page?.lines[artifact.line]
    if (!page || !line) continue
    furniture.push({
      page: page.number,
      index: artifact.line,
      edge: edgeOf(page, line),
      top: line.bbox[1],
      tokens: tokens(line.text),
    })
  }
  for (const page of pages) {
    for (const index of markedArtifactLines(page, tagged)) {
      const line = page.lines[index]!
      known.add(`${page.number}:${index}`)
      if (!found.some((artifact) => artifact.page === page.number && artifact.line === index)) {
        furniture.push({
          page: page.number,
          index,
          edge: edgeOf(page, line),
          top: line.bbox[1],
          tokens: tokens(line.text),
        })
      }
    }
  }
  if (furniture.length === 0) return []
  const bodySize = dominantSize(pages)
  const firstPage = pages.find((page) => page.lines.some((line) => line.text.trim() !== ''))?.number
  const out: Artifact[] = []

  for (const page of pages) {
    const height = page.height || 792
    const present = page.lines.map((line, index) => ({line, index})).filter(({line}) => line.text.trim() !== '')
    const open = present.filter(({index}) => !known.has(`${page.number}:${index}`))
    const peeled = new Set<number>()
    for (const edge of ['top', 'bottom'] as const) {
      const distance = (line: Line) => (edge === 'top' ? line.bbox[1] : height - line.bbox[3])
      const reach = present
        .filter(({line}) => distance(line) <= height * EDGE_REACH && distance(line) >= 0)
        .sort((a, b) => distance(a.line) - distance(b.line))
      const run: Array<{index: number; strong: boolean}> = []
      for (const {line, index} of reach) {
        if (known.has(`${page.number}:${index}`)) continue
        if (peeled.has(index)) continue
        const evidence = furnitureEvidence(page, index, line, edge, furniture, bodySize, page.number === firstPage)
        if (evidence === null) break
        run.push({index, strong: evidence === 'strong'})
      }
      // Weak lines count only between strong ones and the edge.
      while (run.length > 0 && !run[run.length - 1]!.strong) run.pop()
      for (const item of run) peeled.add(item.index)
    }
    if (peeled.size === 0) continue
    // A page made of such lines alone (a back cover of addresses) is content, not furniture.
    const evident = ({line, index}: {line: Line; index: number}) =>
      peeled.has(index) ||
      furnitureEvidence(page, index, line, edgeOf(page, line), furniture, bodySize, page.number === firstPage) !== null
    if (open.every(evident)) continue
    for (const index of peeled) {
      const line = page.lines[index]!
      out.push({
        page: page.number,
        line: index,
        kind: edgeOf(page, line) === 'top' ? 'running-header' : 'running-footer',
        text: line.text,
      })
    }
  }
  return out
}

/** The same words, numbers aside ("Congressional Research Service" and "Congressional Research Service 2"). */
function sameWords(a: string[], b: string[]): boolean {
  const words = (list: string[]) => list.filter((token) => !/^\d+$/.test(token)).join(' ')
  return words(a) === words(b)
}

function furnitureEvidence(
  page: LayoutPage,
  index: number,
  line: Line,
  edge: 'top' | 'bottom',
  furniture: Furniture[],
  bodySize: number,
  firstPage: boolean,
): 'strong' | 'weak' | null {
  const text = line.text.trim()
  const words = tokens(text)
  const stamp = reportNumber.test(text) || (words.length === 1 && idToken.test(words[0]!))
  if (distinctive(words)) {
    const echoes = furniture.filter(
      (item) => !(item.page === page.number && item.index === index) && containsRun(item.tokens, words),
    )
    for (const item of echoes) {
      if (stamp) return 'strong'
      if (item.page === page.number) {
        // Between its twin and the same page edge: the same furniture set twice (a masthead and its hidden text).
        const outward = edge === 'top' ? line.bbox[1] < item.top : line.bbox[1] > item.top
        if (item.edge === edge && outward) return 'strong'
        continue
      }
      // The first page's own footer or header: the running line word for word, set smaller than the body,
      // on a first page that lacks that running line.
      const same = sameWords(words, item.tokens)
      const ownCopy = furniture.some((other) => other.page === page.number && containsRun(other.tokens, item.tokens))
      if (firstPage && same && !ownCopy && line.size < bodySize - 0.25) return 'strong'
    }
  }
  if (stamp || readPageNumber(text) !== null || isContactLine(text)) return 'weak'
  return null
}

/** The type size most characters of the document are set in. */
function dominantSize(pages: LayoutPage[]): number {
  const counts = new Map<number, number>()
  for (const page of pages) {
    for (const line of page.lines) {
      const size = Math.round(line.size * 2) / 2
      counts.set(size, (counts.get(size) ?? 0) + line.text.length)
    }
  }
  let best = 0
  let bestCount = -1
  for (const [size, count] of counts) {
    if (count > bestCount) {
      best = size
      bestCount = count
    }
  }
  return best || 10
}

function relativeY(item: BandLine): number {
  const height = item.page.height || 792
  if (item.band === 'side') return item.line.bbox[0] / (item.page.width || 612)
  return item.band === 'top' ? item.line.bbox[1] / height : item.line.bbox[3] / height
}

/** True when no other line shares the number's row with running text (a table's last cell is no page number). */
function isAloneInItsRow(item: BandLine): boolean {
  const {bbox} = item.line
  return !item.page.lines.some(
    (other, index) =>
      index !== item.index && other.bbox[1] < bbox[3] && other.bbox[3] > bbox[1] && other.text.trim().length > 40,
  )
}
