import type {LayoutPage, Line} from '@folio/extract'
import {romanValue} from './list-marker.js'

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
export function detectArtifacts(pages: LayoutPage[]): ArtifactReport {
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

  artifacts.sort((a, b) => a.page - b.page || a.line - b.line)
  return {artifacts, printedLabels}
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
