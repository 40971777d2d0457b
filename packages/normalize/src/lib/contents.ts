import type {Depth, TocEntry} from '@folio/ast'
import type {BodyLine} from './model.js'

/** Words that title a contents page, in the languages Folio reads. */
const contentsTitle =
  /^(?:table of contents|contents|content|inhalt|inhaltsverzeichnis|table des mati[eè]res|sommaire|[ií]ndice|contenido|inhoud|sumário|indice)$/i

/** Captions listed in a contents page's lists of figures and tables: entries, but no headings. */
export const captionEntry =
  /^(?:figure|fig\.|table|chart|box|map|graph|exhibit|appendix table|abbildung|tabelle|tableau|graphique|cuadro|gráfico)\s*[\dA-Z]/i

export interface ContentsEntryLine {
  line: BodyLine
  title: string
  page: string | null
}

/** Reads a contents line: a title, dot leaders or a wide gap, and a page label at the end. */
export function readContentsLine(line: BodyLine): ContentsEntryLine | null {
  const text = line.text.trim()
  const match = /^(.*?\S)[\s.·…_]*?(?:\s|\.)(\d{1,4}|[ivxlcdm]{1,7})$/i.exec(text)
  if (!match) return null
  const title = (match[1] ?? '').replace(/[\s.·…_]+$/u, '').trim()
  if (!/\p{L}/u.test(title)) return null
  const leaders = /(?:\.\s?){3,}|…|_{3,}|·{3,}/.test(text)
  const words = line.words
  const last = words[words.length - 1]
  const beforeLast = words[words.length - 2]
  const gap = last && beforeLast ? last.bbox[0] - beforeLast.bbox[2] : 0
  if (!leaders && gap < line.size * 1.5) return null
  return {line, title, page: match[2] ?? null}
}

export interface ContentsPage {
  page: number
  /** Indices (in the page's body lines) of the lines that make up the contents. */
  lines: Set<BodyLine>
  entries: TocEntry[]
  /** The titles as printed, numbers included ("2.1 Interpreting"), parallel to `entries`. */
  printed: string[]
}

/**
 * Finds the contents page(s) near the start: a page titled as such or one
 * whose lines are mostly titles ending in page numbers.
 */
export function findContents(pages: Array<{page: number; lines: BodyLine[]}>): ContentsPage[] {
  const found: ContentsPage[] = []
  for (const [position, {page, lines}] of pages.entries()) {
    if (position > 8 && found.length === 0) break
    if (lines.length === 0) continue
    const entries = lines.map((line) => readContentsLine(line))
    const entryCount = entries.filter(Boolean).length
    const titled = lines.some((line) => contentsTitle.test(line.text.trim()))
    const mostlyEntries = entryCount >= 3 && entryCount >= lines.length * 0.5
    const continuing =
      found.length > 0 && found[found.length - 1]?.page === page - 1 && entryCount >= lines.length * 0.5
    if (!((titled && entryCount >= 2) || mostlyEntries || (continuing && entryCount >= 1))) {
      if (found.length > 0) break
      continue
    }
    const used = new Set<BodyLine>()
    const rawEntries: Array<{title: string; page: string | null; x0: number; size: number}> = []
    let carry: BodyLine[] = []
    let titleSeen = false
    for (const [index, line] of lines.entries()) {
      const entry = entries[index]
      if (!titleSeen && contentsTitle.test(line.text.trim())) {
        used.add(line)
        titleSeen = true
        continue
      }
      if (entry) {
        const title = [...carry.map((item) => item.text.trim()), entry.title].join(' ')
        rawEntries.push({title, page: entry.page, x0: (carry[0] ?? line).x0, size: line.size})
        for (const item of carry) used.add(item)
        used.add(line)
        carry = []
        continue
      }
      // A title that wraps onto the next line carries over; anything else ends the carry.
      const next = entries[index + 1]
      if (next && line.text.trim().length > 0 && carry.length < 2) carry.push(line)
      else carry = []
    }
    const lefts = [...new Set(rawEntries.map((entry) => Math.round(entry.x0 / 6)))].sort((a, b) => a - b)
    const tocEntries: TocEntry[] = rawEntries.map((entry) => {
      const numbering = /^(\d+(?:\.\d+)*)\.?\s/.exec(entry.title)
      const byIndent = lefts.indexOf(Math.round(entry.x0 / 6)) + 1
      const byNumber = numbering ? (numbering[1] ?? '').split('.').length : 0
      const depth = Math.min(6, Math.max(1, byNumber || byIndent)) as Depth
      // The number stays out of the title, as a heading keeps it in `numbering`.
      const title = numbering ? entry.title.slice(numbering[0].length).trim() : entry.title
      const node: TocEntry = {type: 'tocEntry', title, depth}
      if (entry.page) node.page = entry.page
      return node
    })
    found.push({page, lines: used, entries: tocEntries, printed: rawEntries.map((entry) => entry.title)})
  }
  return found
}
