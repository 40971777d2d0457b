import {captionEntry} from './contents.js'
import type {Note} from './footnotes.js'
import type {ListMarker} from './list-marker.js'
import {parseListMarker} from './list-marker.js'
import type {BodyLine, BodyMetrics} from './model.js'
import {parseDateLine, scriptOf} from './text.js'

export interface ParagraphBlock {
  kind: 'paragraph'
  lines: BodyLine[]
}

export interface HeadingBlock {
  kind: 'heading'
  lines: BodyLine[]
  /** Depth confirmed by the outline or the contents page. */
  depth?: number
}

export interface ItemBlock {
  kind: 'item'
  marker: ListMarker
  /** Left edge of the marker: nesting comes from it. */
  markerX: number
  /** Left edge of the item's text. */
  textX: number
  /** Words of the first line that make up the marker. */
  markerWords: number
  /** The item's paragraphs; the first starts after the marker. */
  paragraphs: BodyLine[][]
}

export interface BreakBlock {
  kind: 'break'
  page: number
}

export interface NotesBlock {
  kind: 'notes'
  notes: Note[]
}

/** Paragraphs set in from both sides of their column: a quotation. */
export interface QuoteBlock {
  kind: 'quote'
  paragraphs: BodyLine[][]
}

export type Block = ParagraphBlock | HeadingBlock | ItemBlock | BreakBlock | NotesBlock | QuoteBlock

export interface BlockOptions {
  metrics: BodyMetrics
  /** Normalized titles of known headings (contents page, outline) with their depth. */
  knownHeadings: Map<string, number>
  /** Physical page numbers in document order (pages without body lines included). */
  pages: number[]
  /** Notes at the foot of each page; they follow the block that is open when their page ends. */
  notes?: Map<number, Note[]>
  /** BCP 47 language of the document: lines in another script are no headings. */
  lang?: string
}

const terminal = /[.!?:;…]["'”’»)\]]*$/u

/** Letters and digits only, lower-cased: how headings are matched with contents and outline entries. */
export function headingKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

const symbolFont = /symbol|wingding|dingbat|webding|iconic|typographic/i

/** Letters that Wingdings-style fonts draw as bullet shapes. */
const symbolFontBullets: Record<string, string> = {
  l: '●',
  n: '■',
  q: '❑',
  Ø: '➢',
  ü: '✓',
  '§': '▪',
  v: '❖',
  '¨': '□',
  w: '◆',
  u: '◆',
}

function markerOf(
  line: BodyLine,
  previous?: ListMarker,
  bodySize = line.size,
): {marker: ListMarker; words: number; textX: number} | null {
  const first = line.words[0]
  const second = line.words[1]
  // A number set large and apart before text of about the body's size is the number of an item (a numbered banner);
  // before large text it is a chapter's number.
  if (
    first &&
    second &&
    /^\d{1,2}$/.test(first.text) &&
    first.size >= second.size * 1.2 &&
    second.size < bodySize * 1.25 &&
    second.bbox[0] - first.bbox[2] > second.size * 0.3
  ) {
    const value = Number(first.text)
    const marker: ListMarker = {
      ordered: true,
      style: 'decimal',
      marker: first.text,
      pattern: '1',
      value,
      length: first.text.length,
    }
    return {marker, words: 1, textX: second.bbox[0]}
  }
  // A one-character glyph from a symbol font, or set much smaller than the text it stands before, is a bullet.
  const shrunk =
    first &&
    second &&
    !/\p{N}/u.test(first.text) &&
    first.size <= second.size * 0.8 &&
    second.bbox[0] - first.bbox[2] > 1
  const asGlyph = first ? parseListMarker(first.text) : null
  if (first && !asGlyph && [...first.text].length === 1 && (symbolFont.test(first.font.name) || shrunk) && second) {
    const glyph = symbolFontBullets[first.text] ?? '•'
    const marker: ListMarker = {
      ordered: false,
      style: 'bullet',
      marker: glyph,
      pattern: glyph,
      length: first.text.length,
    }
    return {marker, words: 1, textX: second.bbox[0]}
  }
  const marker = parseListMarker(line.text, previous)
  if (!marker) return null
  // Count the words the marker spans and find where the item's text begins.
  let consumed = 0
  let words = 0
  for (const word of line.words) {
    if (consumed >= marker.length) break
    consumed += word.text.length
    words++
  }
  if (consumed !== marker.length) return null
  const next = line.words[words]
  if (!next) return null
  return {marker, words, textX: next.bbox[0]}
}

function isLarge(line: BodyLine, metrics: BodyMetrics): boolean {
  return line.size >= metrics.size * 1.12
}

function isBoldLead(line: BodyLine, metrics: BodyMetrics): boolean {
  if (Math.abs(line.size - metrics.size) >= metrics.size * 0.12) return false
  return (line.bold && !metrics.boldBody) || italicLead(line, metrics) || numberedCaps(line)
}

/** A short line set wholly in italic in upright running text: a run-in title ("Elastic Stop Nut"). */
function italicLead(line: BodyLine, metrics: BodyMetrics): boolean {
  if (!line.italic || metrics.italicBody) return false
  const text = line.text.trim()
  return text.split(/\s+/).length <= 8 && /^\p{Lu}/u.test(text) && !/[.,;:!?]$/.test(text)
}

/** "I. INTRODUCTION", "2.1 METHODS": a numbered line in capitals, the way journals set their headings. */
function numberedCaps(line: BodyLine): boolean {
  const match = /^(?:[IVX]{1,5}\.|\d{1,2}(?:\.\d{1,2})*\.?)\s+(\p{Lu}[\p{Lu}\s,:&-]{2,})$/u.exec(line.text.trim())
  if (match !== null && line.text.length < 90 && /\p{Lu}{3}/u.test(match[1] ?? '')) return true
  // A roman section number before a short title: "IV. Related Work".
  return /^[IVX]{1,5}\.\s+\p{Lu}[\p{L}\s,:&-]{2,60}$/u.test(line.text.trim())
}

function styleKey(line: BodyLine): string {
  return `${Math.round(line.size * 2) / 2}|${line.bold}`
}

/**
 * Groups lines into paragraphs, heading candidates and list items, from
 * spacing, indents, type style and list markers. Page breaks become break
 * blocks unless a paragraph or item runs on across them.
 */
export function buildBlocks(lines: BodyLine[], options: BlockOptions): Block[] {
  const {metrics, knownHeadings} = options
  const blocks: Block[] = []
  const byPage = new Map<number, BodyLine[]>()
  for (const line of lines) {
    const list = byPage.get(line.page.number)
    if (list) list.push(line)
    else byPage.set(line.page.number, [line])
  }

  let open: ParagraphBlock | HeadingBlock | ItemBlock | null = null
  let previous: BodyLine | null = null
  let lastMarker: ListMarker | undefined
  /** The items of the list run in progress, nested ones included. */
  let recentItems: ItemBlock[] = []
  let pendingHeading: {key: string; lines: BodyLine[]; depth: number} | null = null

  let pendingNotes: Note[] = []
  const close = () => {
    if (open) blocks.push(open)
    open = null
    if (pendingNotes.length > 0) blocks.push({kind: 'notes', notes: pendingNotes})
    pendingNotes = []
  }

  for (const pageNumber of options.pages) {
    const pageLines = byPage.get(pageNumber) ?? []
    let breakEmitted = false
    const emitBreak = () => {
      if (breakEmitted) return
      close()
      blocks.push({kind: 'break', page: pageNumber})
      breakEmitted = true
    }
    if (pageLines.length === 0) {
      // A page without body text: its milestone goes after what is open, which then stays open.
      close()
      blocks.push({kind: 'break', page: pageNumber})
      pendingNotes.push(...(options.notes?.get(pageNumber) ?? []))
      previous = null
      continue
    }
    for (const line of pageLines) {
      const firstOnPage = previous !== null && previous.page !== line.page
      let found = markerOf(line, lastMarker, metrics.size)
      if (found?.marker.ordered && !opensOrderedItem(found.marker, open, recentItems, previous, line, metrics)) {
        found = null
      }
      const key = headingKey(line.text)

      // Lines that make up a heading known from the contents page or the outline.
      if (!found && key) {
        const accumulated: string = pendingHeading ? pendingHeading.key + key : key
        const styled: boolean = isLarge(line, metrics) || isBoldLead(line, metrics) || pendingHeading !== null
        const candidate: [string, number] | undefined = [...knownHeadings].find(
          ([title]) => title === accumulated || (styled && accumulated.length >= 4 && title.startsWith(accumulated)),
        )
        if (candidate) {
          if (!pendingHeading) {
            if (firstOnPage || previous === null) emitBreak()
            close()
          }
          pendingHeading = pendingHeading ?? {key: '', lines: [], depth: candidate[1]}
          pendingHeading.key = accumulated
          pendingHeading.lines.push(line)
          if (candidate[0] === accumulated) {
            blocks.push({kind: 'heading', lines: pendingHeading.lines, depth: pendingHeading.depth})
            pendingHeading = null
          }
          previous = line
          continue
        }
        if (pendingHeading) {
          // Not the heading after all: its lines go back to the flow as a paragraph.
          blocks.push({kind: 'paragraph', lines: pendingHeading.lines})
          pendingHeading = null
        }
      }

      if (previous === null || firstOnPage) {
        const continues = open !== null && continuesAcrossPage(open, previous, line, found !== null, metrics)
        if (!continues) emitBreak()
        else if (open?.kind === 'item') open.paragraphs[open.paragraphs.length - 1]?.push(line)
        else if (open) open.lines.push(line)
        if (continues) {
          previous = line
          continue
        }
      } else if (open && !startsNewBlock(open, previous, line, found !== null, metrics)) {
        if (open.kind === 'item') {
          const gap = line.baseline - previous.baseline
          if (gap > metrics.pitch * 1.12 + 0.5) open.paragraphs.push([line])
          else open.paragraphs[open.paragraphs.length - 1]?.push(line)
        } else open.lines.push(line)
        previous = line
        continue
      }

      close()
      if (found) {
        open = {
          kind: 'item',
          marker: found.marker,
          markerX: line.x0,
          textX: found.textX,
          markerWords: found.words,
          paragraphs: [[line]],
        }
        recentItems.push(open)
        lastMarker = found.marker
      } else if ((isLarge(line, metrics) || isBoldLead(line, metrics)) && !foreignScript(line, options.lang)) {
        open = {kind: 'heading', lines: [line]}
        recentItems = []
      } else {
        open = {kind: 'paragraph', lines: [line]}
        recentItems = []
      }
      previous = line
    }
    pendingNotes.push(...(options.notes?.get(pageNumber) ?? []))
  }
  if (pendingHeading) blocks.push({kind: 'paragraph', lines: pendingHeading.lines})
  close()
  return findQuotes(
    rejoinAroundFloats(
      loneLetters(blocks).map((block) => settleHeading(block, metrics, options.lang)),
      metrics,
    ),
    metrics,
  )
}

/**
 * An item lettered `A.` that opens a name (capitalised words up to a comma,
 * as in `A. Nicole Clowers, Managing Director`) and that no `B.` follows
 * anywhere after it is no list: the letter is an initial.
 */
function loneLetters(blocks: Block[]): Block[] {
  return blocks.map((block, index) => {
    if (block.kind !== 'item' || block.marker.value !== 1) return block
    if (block.marker.style !== 'upper-alpha' || block.marker.pattern !== 'A.') return block
    const text = block.paragraphs[0]![0]!.text.trim()
    if (!/^\p{Lu}\.\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}\.?[\p{L}'’-]*){1,2},/u.test(text)) return block
    for (const later of blocks.slice(index + 1)) {
      if (later.kind === 'item' && later.marker.pattern === block.marker.pattern && later.marker.value === 2)
        return block
    }
    return {kind: 'paragraph', lines: block.paragraphs.flat()}
  })
}

/**
 * A figure or table set in the column after a paragraph that breaks off
 * there and goes on after it (in the next column or on the next page) is a
 * float: the paragraph is made whole again and the float is read before it,
 * and before the heading that opens it, so that neither is cut.
 */
function rejoinAroundFloats(blocks: Block[], metrics: BodyMetrics): Block[] {
  const out = [...blocks]
  for (let index = 0; index < out.length; index++) {
    const paragraph = out[index]!
    if (paragraph.kind !== 'paragraph') continue
    const first = out[index + 1]
    if (first?.kind !== 'paragraph' || !captionEntry.test(first.lines[0]!.text.trim())) continue
    // The float runs to the next paragraph of the running text, past breaks and notes.
    let end = index + 1
    let next: Block | undefined
    const size = paragraph.lines[paragraph.lines.length - 1]!.size
    for (let at = index + 2; at < out.length; at++) {
      const block = out[at]!
      if (block.kind === 'heading' || block.kind === 'quote') break
      const lead = block.kind === 'paragraph' ? block.lines[0] : block.kind === 'item' ? block.paragraphs[0]![0] : null
      // The first block of running text after the float either carries the paragraph on or ends the search.
      if (!lead || Math.abs(lead.size - size) > 0.75) continue
      if (block.kind === 'paragraph' && runsOn(paragraph, block, metrics)) {
        next = block
        end = at
      }
      break
    }
    if (next?.kind !== 'paragraph') continue
    const float = out.slice(index + 1, end).filter((block) => block.kind !== 'break')
    // The page turns inside the paragraph now: its milestone goes with the lines.
    paragraph.lines.push(...next.lines)
    const before = out[index - 1]?.kind === 'heading' ? index - 1 : index
    out.splice(index + 1, end - index)
    out.splice(before, 0, ...float)
    index = before + float.length
  }
  return out
}

/** Whether `next` carries on the sentence `paragraph` breaks off in: same type, no new start. */
function runsOn(paragraph: ParagraphBlock, next: ParagraphBlock, metrics: BodyMetrics): boolean {
  const last = paragraph.lines[paragraph.lines.length - 1]!
  const start = next.lines[0]!
  if (Math.abs(start.size - last.size) > 0.75 || isLarge(start, metrics) || isLarge(last, metrics)) return false
  // A paragraph cut by the end of its column fills its last line there (a short line ends one).
  const widest = Math.max(...paragraph.lines.map((line) => line.x1 - line.x0))
  if (paragraph.lines.length < 2 || last.x1 - last.x0 < widest * 0.7) return false
  // A sentence that ends before a note marker ends there.
  if (terminal.test(last.text.trim().replace(/(?<=[.!?:;…]["'”’»)\]]*)(?:\d{1,3}|[*†‡§])$/u, ''))) return false
  return !captionEntry.test(start.text.trim())
}

function foreignScript(line: BodyLine, lang: string | undefined): boolean {
  const script = scriptOf(line.text)
  return script !== null && script.lang !== (lang ?? 'en').split('-')[0]
}

function extent(lines: BodyLine[]): [number, number] {
  return [Math.min(...lines.map((line) => line.x0)), Math.max(...lines.map((line) => line.x1))]
}

/** Paragraphs set in from both edges of the text around them on their page become quotations. */
function findQuotes(blocks: Block[], metrics: BodyMetrics): Block[] {
  const paragraphs = blocks.filter((block): block is ParagraphBlock => block.kind === 'paragraph')
  const byPage = new Map<unknown, ParagraphBlock[]>()
  for (const block of paragraphs) {
    const page = block.lines[0]!.page
    const list = byPage.get(page) ?? []
    list.push(block)
    byPage.set(page, list)
  }
  const indented = new Set<ParagraphBlock>()
  for (const block of paragraphs) {
    const page = block.lines[0]!.page
    if (block.lines.some((line) => line.page !== page)) continue
    // A caption set in under its drawing is no quotation.
    if (captionEntry.test(block.lines[0]!.text.trim())) continue
    const [left, right] = extent(block.lines)
    const around = (byPage.get(page) ?? []).filter((other) => {
      if (other === block) return false
      const [otherLeft, otherRight] = extent(other.lines)
      return otherLeft < right && otherRight > left
    })
    const wide = around.flatMap((other) => other.lines).filter((line) => line.x1 - line.x0 > right - left)
    if (wide.length < 2) continue
    const [columnLeft, columnRight] = extent(wide)
    const inset = metrics.size * 1.5
    if (left >= columnLeft + inset && right <= columnRight - inset) indented.add(block)
  }
  const out: Block[] = []
  for (const block of blocks) {
    if (block.kind === 'paragraph' && indented.has(block)) {
      const last = out[out.length - 1]
      if (last?.kind === 'quote') last.paragraphs.push(block.lines)
      else out.push({kind: 'quote', paragraphs: [block.lines]})
      continue
    }
    out.push(block)
  }
  return out
}

const firstValues = new Set([1])

/**
 * An ordered marker opens an item when it starts a list (1, a, i) or follows
 * the item before it; "(2) the" wrapped inside a sentence is running text.
 */
function opensOrderedItem(
  marker: ListMarker,
  open: ParagraphBlock | HeadingBlock | ItemBlock | null,
  recentItems: ItemBlock[],
  previous: BodyLine | null,
  line: BodyLine,
  metrics: BodyMetrics,
): boolean {
  const follows = recentItems.some(
    (item) =>
      item.marker.pattern === marker.pattern &&
      item.marker.value !== undefined &&
      marker.value === item.marker.value + 1,
  )
  if (follows) return true
  if (!firstValues.has(marker.value ?? 0)) return false
  // "(1) … (2) …" on one line is an enumeration inside a sentence, not a list.
  const next = marker.marker.replace(/\d+|[a-z]/i, (value) =>
    /\d/.test(value) ? String(Number(value) + 1) : String.fromCharCode(value.charCodeAt(0) + 1),
  )
  if (marker.marker.length >= 2 && line.text.slice(marker.length).includes(` ${next} `)) return false
  if (previous && previous.page === line.page && !terminal.test(previous.text.trim())) {
    const delta = line.baseline - previous.baseline
    if (delta <= metrics.pitch * 1.12 + 0.5 && open?.kind === 'paragraph') return false
  }
  return true
}

function startsNewBlock(
  open: ParagraphBlock | HeadingBlock | ItemBlock,
  previous: BodyLine,
  line: BodyLine,
  marker: boolean,
  metrics: BodyMetrics,
): boolean {
  if (marker) return true
  const size = Math.max(previous.size, line.size)
  const delta = line.baseline - previous.baseline
  if (delta < -0.5 * size) {
    // The top of the next column: the block runs on when its text does.
    const nextColumn = line.x0 > previous.x1 - 5 && open.kind !== 'heading'
    if (!nextColumn || isLarge(line, metrics) || Math.abs(line.size - previous.size) > 0.75) return true
    return !(/^\p{Ll}/u.test(line.text.trim()) || !terminal.test(previous.text.trim()))
  }
  if (open.kind === 'heading') {
    const headingLike = isLarge(line, metrics) || (line.bold && !metrics.boldBody) || italicLead(line, metrics)
    return !headingLike || numberedCaps(line) || styleKey(previous) !== styleKey(line) || delta > size * 1.7
  }
  if (isLarge(line, metrics) !== isLarge(previous, metrics)) return true
  if (
    isBoldLead(line, metrics) &&
    !isBoldLead(previous, metrics) &&
    (terminal.test(previous.text) || numberedCaps(line))
  ) {
    return true
  }
  if (open.kind === 'item') {
    if (line.x0 < open.markerX - 2) return true
    const hanging = open.textX > open.markerX + 2
    // With a hanging indent, the item's lines align with its text; a line back at the marker ends it,
    // unless it carries on the sentence (items whose lines run back under their bullet).
    if (hanging && line.x0 < open.textX - 2) {
      const close = delta <= metrics.pitch * 1.12 + 0.5
      const carries = !terminal.test(previous.text.trim()) && /^\p{Ll}/u.test(line.text.trim())
      return !(close && carries && line.x0 >= open.markerX - 2)
    }
    if (delta > metrics.pitch * 1.12 + 0.5) return !hanging
    return false
  }
  if (delta > Math.max(metrics.pitch * 1.12 + 0.5, (previous.bottom - previous.top) * 1.15)) return true
  const left = metrics.left.get(line.page.number) ?? line.x0
  const right = metrics.right.get(line.page.number) ?? line.x1
  // A first-line indent opens a paragraph.
  if (line.x0 > left + metrics.size * 0.8 && Math.abs(previous.x0 - left) < 2 && line.x0 - previous.x0 < 60) return true
  // A short line that ends a sentence closes one.
  if (previous.x1 < right - Math.max(metrics.size * 6, (right - left) * 0.3) && terminal.test(previous.text))
    return true
  return false
}

function continuesAcrossPage(
  open: ParagraphBlock | HeadingBlock | ItemBlock,
  previous: BodyLine | null,
  line: BodyLine,
  marker: boolean,
  metrics: BodyMetrics,
): boolean {
  if (!previous || marker || open.kind === 'heading') return false
  if (isLarge(line, metrics) || Math.abs(line.size - previous.size) > 0.75) return false
  if (isBoldLead(line, metrics) && !isBoldLead(previous, metrics)) return false
  const left = metrics.left.get(line.page.number) ?? line.x0
  if (open.kind !== 'item' && line.x0 > left + metrics.size * 0.8) return false
  if (open.kind === 'item' && line.x0 < Math.max(open.markerX, open.textX) - 2) return false
  const startsLower = /^[\p{Ll}]/u.test(line.text.trim())
  return startsLower || !terminal.test(previous.text.trim())
}

/** A line whose words stand apart in three or more cells: the header row of a table, no heading. */
function tableRow(line: BodyLine): boolean {
  let wide = 0
  for (let index = 1; index < line.words.length; index++) {
    if (line.words[index]!.bbox[0] - line.words[index - 1]!.bbox[2] > line.size * 1.5) wide++
  }
  return wide >= 2
}

/** A heading candidate that reads as running text goes back to being a paragraph. */
function settleHeading(block: Block, metrics: BodyMetrics, lang: string | undefined): Block {
  if (block.kind !== 'heading' || block.depth !== undefined) return block
  const text = block.lines.map((line) => line.text).join(' ')
  if (block.lines.some((line) => foreignScript(line, lang))) return {kind: 'paragraph', lines: block.lines}
  const large = block.lines.every((line) => isLarge(line, metrics))
  const tooLong = large ? block.lines.length > 4 || text.length > 250 : block.lines.length > 2 || text.length > 140
  const sentence = !large && /[.,;]$/.test(text.trim())
  const lowerStart = /^\p{Ll}/u.test(text.trim())
  const noLetters = !/\p{L}{2}/u.test(text)
  const caption = captionEntry.test(text.trim())
  const cells = block.lines.some((line) => tableRow(line))
  // Set in bold at text size, a heading reads as words: not code, not a lone identifier.
  const code =
    !large && (/[_*<>={};]/.test(text) || block.lines.some((line) => line.words.some((word) => word.font.monospace)))
  const date = parseDateLine(text) !== null
  if (tooLong || sentence || lowerStart || noLetters || caption || date || cells || code) {
    return {kind: 'paragraph', lines: block.lines}
  }
  return block
}
