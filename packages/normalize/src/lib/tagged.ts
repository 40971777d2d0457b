import type {Aside, Caption, Figure, FlowContent, Image, PhrasingContent, Section, Table, TableCell} from '@folio/ast'
import {plainText} from '@folio/ast'
import type {BBox, LayoutPage, StructNode, Word} from '@folio/extract'
import {flattenSections} from './asides.js'
import {
  type Block,
  type BlockOptions,
  buildBlocks,
  type HeadingBlock,
  type ItemBlock,
  type ParagraphBlock,
  type QuoteBlock,
} from './blocks.js'
import {captionEntry} from './contents.js'
import type {FootnoteReading, Note} from './footnotes.js'
import {type ListMarker, parseListMarker} from './list-marker.js'
import {type BodyLine, type Context, info, source, toBodyLine} from './model.js'

/**
 * A block-level element of a page's structure tree: a heading, a paragraph,
 * a list item or a quotation, with the marked-content ids of its parts.
 */
export interface StructUnit {
  kind: 'heading' | 'paragraph' | 'item' | 'quote' | 'table' | 'figure'
  role: string
  /** Heading depth from H1–H6. */
  depth?: number
  /** Nesting of a list item: 0 for a top-level list. */
  level?: number
  /** Marked-content ids of each paragraph of the element, in the tree's order. */
  parts: number[][]
  /** Marked-content ids of a list item's label (Lbl). */
  label?: number[]
  /** Content an element holds without paragraphs of its own (a text box tagged as one run): the layout splits it. */
  loose?: boolean
  /** Inside a Note element. */
  note?: boolean
  /** A table's rows: the part holding each cell, and whether the cell is a header (TH, or in THead). */
  rows?: Array<Array<{part: number; header: boolean}>>
  /** The part holding a table's or a figure's caption. */
  caption?: number
  /** A figure's alternate text (/Alt). */
  alt?: string
  /** Inside a one-cell table that frames running text (a box set apart): the box's number on its page. */
  box?: number
}

/** The reasons for taking or leaving the structure tree, measured over the body text. */
export interface StructureCheck {
  use: boolean
  /** Share of the body's letters inside elements of the tree. */
  coverage: number
  /** Share of the pages with body text that carry a tree. */
  pagesWithTree: number
  /** Share of neighbouring elements whose order disagrees with the reading order of the lines. */
  disorder: number
  headings: number
  paragraphs: number
  items: number
  reasons: string[]
}

const headingRole = /^H([1-6])?$/
/** Inline elements: their content belongs to the block around them. */
const inlineRoles = new Set([
  'Span',
  'Link',
  'Reference',
  'Quote',
  'Strong',
  'Em',
  'Sub',
  'Code',
  'Annot',
  'Ruby',
  'RB',
  'RT',
  'RP',
  'Warichu',
  'WT',
  'WP',
  'BibEntry',
  'Form',
  'Formula',
])
/** Elements that hold a paragraph of their own. */
const paragraphRoles = new Set(['P', 'Caption', 'TOCI', 'Title', 'Lbl', 'LBody'])
const tableCellRoles = new Set(['TD', 'TH'])
const tableSections = new Set(['THead', 'TBody', 'TFoot'])
/** Elements that make a cell's content more than a run of text: such a table is read as text in order. */
const blockRoles = new Set([
  'L',
  'LI',
  'Table',
  'TR',
  'Figure',
  'BlockQuote',
  'Note',
  'FENote',
  'TOC',
  'TOCI',
  'Caption',
])

function holdsBlocks(node: StructNode): boolean {
  return node.children.some((child) => blockRoles.has(child.role) || headingRole.test(child.role) || holdsBlocks(child))
}

/**
 * A regular table: rows (in THead, TBody, TFoot or bare) of TH and TD cells, as many
 * in every row, at least two rows of two, each cell a run of text. Anything else (spans,
 * which leave rows short, nested tables or lists in cells) is null: read as text in order.
 */
function readTable(node: StructNode, caption: number[]): StructUnit | null {
  if ((node.mcids?.length ?? 0) > 0) return null
  const rows: Array<Array<{mcids: number[]; header: boolean}>> = []
  let captionMcids = caption
  let regular = true
  const readRow = (row: StructNode, head: boolean) => {
    if ((row.mcids?.length ?? 0) > 0) regular = false
    const cells: Array<{mcids: number[]; header: boolean}> = []
    for (const cell of row.children) {
      if (cell.role === 'Artifact') continue
      if (!tableCellRoles.has(cell.role) || holdsBlocks(cell)) regular = false
      cells.push({mcids: allMcids(cell), header: head || cell.role === 'TH'})
    }
    rows.push(cells)
  }
  const visit = (child: StructNode, head: boolean) => {
    if (child.role === 'Artifact') return
    if (child.role === 'TR') readRow(child, head)
    else if (tableSections.has(child.role) && (child.mcids?.length ?? 0) === 0) {
      for (const row of child.children) visit(row, head || child.role === 'THead')
    } else if (child.role === 'Caption' && captionMcids.length === 0) captionMcids = allMcids(child)
    else regular = false
  }
  for (const child of node.children) visit(child, false)
  const width = rows[0]?.length ?? 0
  if (!regular || rows.length < 2 || width < 2 || rows.some((row) => row.length !== width)) return null
  if (rows.every((row) => row.every((cell) => cell.mcids.length === 0))) return null
  const parts: number[][] = []
  const unit: StructUnit = {
    kind: 'table',
    role: 'Table',
    parts,
    rows: rows.map((row) =>
      row.map((cell) => {
        parts.push(cell.mcids)
        return {part: parts.length - 1, header: cell.header}
      }),
    ),
  }
  if (captionMcids.length > 0) {
    parts.push(captionMcids)
    unit.caption = parts.length - 1
  }
  return unit
}

/**
 * A Figure element: its marked content (the drawing, with any labels set in it) and the
 * caption that goes with it (a Caption inside it or beside it in the tree).
 */
function readFigure(node: StructNode, caption: number[]): StructUnit {
  let captionMcids = caption
  const own: number[] = []
  const visit = (child: StructNode) => {
    if (child.role === 'Caption' && captionMcids.length === 0) captionMcids = allMcids(child)
    else allMcids(child, own)
  }
  own.push(...(node.mcids ?? []))
  node.children.forEach(visit)
  const unit: StructUnit = {kind: 'figure', role: 'Figure', parts: [own]}
  const alt = node.alt?.replace(/\p{Cc}+/gu, ' ').trim()
  if (alt && !genericAlt.test(alt)) unit.alt = alt
  if (captionMcids.length > 0) {
    unit.parts.push(captionMcids)
    unit.caption = 1
  }
  return unit
}

/** The one cell of a table of one row and one cell: a frame drawn round running text. */
function boxCell(node: StructNode): StructNode | null {
  const cells: StructNode[] = []
  const visit = (child: StructNode): boolean => {
    if (child.role === 'Artifact') return true
    if (tableSections.has(child.role) || child.role === 'TR') {
      if ((child.mcids?.length ?? 0) > 0) return false
      return child.children.every(visit)
    }
    if (tableCellRoles.has(child.role)) {
      cells.push(child)
      return true
    }
    return false
  }
  if ((node.mcids?.length ?? 0) > 0 || !node.children.every(visit) || cells.length !== 1) return null
  return cells[0]!
}

function allMcids(node: StructNode, out: number[] = []): number[] {
  if (node.role === 'Artifact') return out
  for (const mcid of node.mcids ?? []) out.push(mcid)
  for (const child of node.children) allMcids(child, out)
  return out
}

function isList(node: StructNode): boolean {
  return node.role === 'L'
}

/**
 * The tree as the Layout contract types it, whatever came in: a layout read
 * from a cache or another extractor may carry a damaged tree. Nodes that are
 * no objects are dropped, ids that are no integers left out, depth bounded.
 */
function cleanTree(node: unknown, depth = 0): StructNode | null {
  if (!node || typeof node !== 'object' || depth > 200) return null
  const raw = node as Partial<StructNode>
  const clean: StructNode = {
    role: typeof raw.role === 'string' ? raw.role : 'Div',
    children: Array.isArray(raw.children)
      ? raw.children.map((child) => cleanTree(child, depth + 1)).filter((child) => child !== null)
      : [],
  }
  if (Array.isArray(raw.mcids)) clean.mcids = raw.mcids.filter((mcid) => Number.isInteger(mcid))
  if (typeof raw.alt === 'string') clean.alt = raw.alt
  return clean
}

/** Reads the block elements of one page's tree in their logical order. */
export function readUnits(input: StructNode): StructUnit[] {
  const tree = cleanTree(input)
  if (!tree) return []
  const units: StructUnit[] = []
  let boxes = 0
  const walk = (node: StructNode, level: number): void => {
    const {role} = node
    if (role === 'Artifact') return
    const heading = headingRole.exec(role)
    if (heading) {
      const unit: StructUnit = {kind: 'heading', role, parts: [allMcids(node)]}
      if (heading[1]) unit.depth = Number(heading[1])
      units.push(unit)
      return
    }
    if (role === 'LI') {
      readItem(node, level)
      return
    }
    if (isList(node)) {
      for (const child of node.children) walk(child, role === 'L' ? level + 1 : level)
      return
    }
    if (role === 'BlockQuote') {
      const parts: number[][] = []
      let current: number[] = [...(node.mcids ?? [])]
      for (const child of node.children) {
        if (inlineRoles.has(child.role)) current.push(...allMcids(child))
        else {
          if (current.length > 0) parts.push(current)
          current = []
          parts.push(allMcids(child))
        }
      }
      if (current.length > 0) parts.push(current)
      units.push({kind: 'quote', role, parts})
      return
    }
    if (role === 'Figure') {
      units.push(readFigure(node, []))
      return
    }
    if (role === 'Aside') {
      // PDF 2.0 names content set apart from the text: a sidebar.
      readBox(node, level)
      return
    }
    if (role === 'Table') {
      const table = readTable(node, [])
      if (table) {
        units.push(table)
        return
      }
      const cell = boxCell(node)
      if (cell) {
        readBox(cell, level)
        return
      }
      // A table that is no grid (spans, lists in cells) reads row after row, cell after cell.
      group(node, level)
      return
    }
    if (tableCellRoles.has(role)) {
      // A cell of running text is one paragraph; one with paragraphs or lists of its own reads them in turn.
      if (node.children.every((child) => inlineRoles.has(child.role))) {
        units.push({kind: 'paragraph', role, parts: [allMcids(node)]})
      } else group(node, level)
      return
    }
    if (paragraphRoles.has(role) || inlineRoles.has(role)) {
      units.push({kind: 'paragraph', role, parts: [allMcids(node)]})
      return
    }
    // A grouping element (Document, Sect, Div, TR, Figure, a role the map left custom).
    group(node, level)
  }

  /** The content of a box set apart (a one-cell table, an Aside): its units carry the box's number. */
  const readBox = (node: StructNode, level: number): void => {
    const from = units.length
    group(node, level)
    boxes++
    for (const unit of units.slice(from)) unit.box = boxes
  }

  /** Its own content is a paragraph, its children are read in turn; a Caption beside a Table goes with it. */
  const group = (node: StructNode, level: number): void => {
    const {role} = node
    let own: number[] = [...(node.mcids ?? [])]
    const flush = () => {
      if (own.length > 0) units.push({kind: 'paragraph', role, parts: [own], loose: true})
      own = []
    }
    const from = units.length
    const children = node.children
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      if (inlineRoles.has(child.role)) {
        own.push(...allMcids(child))
        continue
      }
      flush()
      const next = children[index + 1]
      const pair = (role: string) =>
        (child.role === 'Caption' && next?.role === role) || (child.role === role && next?.role === 'Caption')
      const [framed, caption] = child.role === 'Caption' ? [next, child] : [child, next]
      const captioned =
        framed && caption && pair('Table')
          ? readTable(framed, allMcids(caption))
          : framed && caption && pair('Figure')
            ? readFigure(framed, allMcids(caption))
            : null
      if (captioned?.caption !== undefined) {
        units.push(captioned)
        index++
        continue
      }
      walk(child, level)
    }
    flush()
    // A note's text stands where it is printed (the page foot), not where the tree files it.
    if (role === 'Note' || role === 'FENote') for (const unit of units.slice(from)) unit.note = true
  }

  const readItem = (node: StructNode, level: number): void => {
    const label: number[] = []
    const parts: number[][] = []
    let current: number[] = [...(node.mcids ?? [])]
    const nested: StructNode[] = []
    const read = (child: StructNode, inBody: boolean): void => {
      if (child.role === 'Artifact') return
      if (isList(child)) {
        nested.push(child)
        return
      }
      if (child.role === 'Lbl' && !inBody) {
        label.push(...allMcids(child))
        return
      }
      if (child.role === 'LBody') {
        current.push(...(child.mcids ?? []))
        for (const grandchild of child.children) read(grandchild, true)
        return
      }
      if (inlineRoles.has(child.role)) {
        current.push(...allMcids(child))
        return
      }
      // A paragraph inside the item's body.
      if (current.length > 0) parts.push(current)
      current = []
      const inner: number[] = [...(child.mcids ?? [])]
      for (const grandchild of child.children) {
        if (isList(grandchild)) nested.push(grandchild)
        else inner.push(...allMcids(grandchild))
      }
      parts.push(inner)
    }
    for (const child of node.children) read(child, false)
    if (current.length > 0) parts.push(current)
    units.push({kind: 'item', role: 'LI', level, parts, label})
    for (const list of nested) walk(list, level)
  }

  walk(tree, -1)
  return units.filter((unit) => unit.parts.some((part) => part.length > 0) || (unit.label?.length ?? 0) > 0)
}

/** A unit with the body lines of its parts on one page. */
interface PlacedUnit {
  unit: StructUnit
  page: number
  /** Lines of each part, cut down to the part's words. */
  parts: BodyLine[][]
  label: BodyLine[]
  /** Position of the unit's first line in the reading order of the lines. */
  first: number
}

function joinWords(words: Word[]): string {
  let text = ''
  words.forEach((word, index) => {
    text += (index > 0 && !word.attached ? ' ' : '') + word.text
  })
  return text
}

/** The words of a line that belong to one part, as a line of their own. */
function cut(line: BodyLine, words: Word[]): BodyLine {
  if (words.length === line.words.length) return line
  const bbox: [number, number, number, number] = [
    Math.min(...words.map((word) => word.bbox[0])),
    Math.min(...words.map((word) => word.bbox[1])),
    Math.max(...words.map((word) => word.bbox[2])),
    Math.max(...words.map((word) => word.bbox[3])),
  ]
  const first = words[0]!
  const sub = {
    ...line.line,
    words: words.map((word, index) => (index === 0 ? {...first, attached: false} : word)),
    bbox,
  }
  sub.text = joinWords(sub.words)
  return toBodyLine(line.page, line.index, sub)
}

interface PageReading {
  units: PlacedUnit[]
  /** Letters of the page's body lines, and those inside an element of the tree. */
  letters: number
  covered: number
  /** Neighbouring units, and those that run against the reading order of the lines. */
  pairs: number
  inversions: number
}

const letterCount = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '').length

/** Places the units of a page's tree on its body lines; words outside the tree join their neighbours. */
function placeUnits(units: StructUnit[], lines: BodyLine[], page: number): PageReading {
  type Slot = {unit: number; part: number; label: boolean}
  const slots = new Map<number, Slot>()
  units.forEach((unit, unitIndex) => {
    unit.parts.forEach((part, partIndex) => {
      for (const mcid of part) if (!slots.has(mcid)) slots.set(mcid, {unit: unitIndex, part: partIndex, label: false})
    })
    for (const mcid of unit.label ?? []) slots.set(mcid, {unit: unitIndex, part: 0, label: true})
  })
  let letters = 0
  let covered = 0
  // Words by slot, per line, in the reading order of the lines.
  const pieces = new Map<string, Array<{line: number; words: Word[]}>>()
  const firstLine = new Map<number, number>()
  const orphans: Array<{after: number; line: BodyLine}> = []
  let lastUnit = -1
  lines.forEach((line, lineIndex) => {
    const found = line.words.map((word) => (word.mcid === undefined ? undefined : slots.get(word.mcid)))
    for (let index = 0; index < line.words.length; index++) {
      const count = letterCount(line.words[index]!.text)
      letters += count
      if (found[index]) covered += count
    }
    if (found.every((slot) => slot === undefined)) {
      orphans.push({after: lastUnit, line})
      return
    }
    // A word outside the tree goes with the word before it on the line, else the one after.
    for (let index = 0; index < found.length; index++) if (!found[index] && index > 0) found[index] = found[index - 1]
    for (let index = found.length - 1; index >= 0; index--) if (!found[index]) found[index] = found[index + 1]
    line.words.forEach((word, index) => {
      const slot = found[index]!
      const key = `${slot.unit}|${slot.label ? 'l' : slot.part}`
      const list = pieces.get(key) ?? []
      const last = list[list.length - 1]
      if (last && last.line === lineIndex) last.words.push(word)
      else list.push({line: lineIndex, words: [word]})
      pieces.set(key, list)
      if (!firstLine.has(slot.unit)) firstLine.set(slot.unit, lineIndex)
      lastUnit = slot.unit
    })
  })
  const placed: PlacedUnit[] = []
  const linesOf = (key: string): BodyLine[] =>
    (pieces.get(key) ?? []).map((piece) => cut(lines[piece.line]!, piece.words))
  const orphansAfter = (unit: number) => {
    const group = orphans.filter((orphan) => orphan.after === unit).map((orphan) => orphan.line)
    if (group.length === 0) return
    placed.push({
      unit: {kind: 'paragraph', role: 'P', parts: [], loose: true},
      page,
      parts: [group],
      label: [],
      first: lines.indexOf(group[0]!),
    })
  }
  // Lines outside the tree before any element, in place; the rest follow the element before them.
  orphansAfter(-1)
  units.forEach((unit, unitIndex) => {
    if (firstLine.has(unitIndex)) {
      // A table keeps its empty cells: its parts stand for the cells of its rows.
      const all = unit.parts.map((_, partIndex) => linesOf(`${unitIndex}|${partIndex}`))
      const parts = unit.kind === 'table' || unit.kind === 'figure' ? all : all.filter((p) => p.length > 0)
      const label = linesOf(`${unitIndex}|l`)
      if (parts.some((p) => p.length > 0) || label.length > 0) {
        placed.push({unit, page, parts, label, first: firstLine.get(unitIndex)!})
      }
    }
    orphansAfter(unitIndex)
  })
  let pairs = 0
  let inversions = 0
  for (let index = 1; index < placed.length; index++) {
    pairs++
    if (placed[index]!.first < placed[index - 1]!.first) inversions++
  }
  return {units: placed, letters, covered, pairs, inversions}
}

const terminal = /[.!?:;…]["'”’»)\]]*$/u

function lastLine(block: Block): BodyLine | undefined {
  if (block.kind === 'paragraph' || block.kind === 'heading') return block.lines[block.lines.length - 1]
  if (block.kind === 'item' || block.kind === 'quote') {
    const paragraph = block.paragraphs[block.paragraphs.length - 1]
    return paragraph?.[paragraph.length - 1]
  }
  return undefined
}

/** A paragraph at the top of a page goes on with the block the page before ended in. */
function continues(open: Block, next: BodyLine[], unit: StructUnit): boolean {
  if (unit.kind !== 'paragraph' && !(unit.kind === 'item' && next.length > 0)) return false
  if (open.kind !== 'paragraph' && open.kind !== 'item') return false
  const previous = lastLine(open)
  const line = next[0]
  if (!previous || !line) return false
  if (Math.abs(previous.size - line.size) > 0.75) return false
  // Note markers raised after the last word are not where the sentence ends.
  let end = previous.words.length
  while (end > 1 && previous.words[end - 1]!.superscript) end--
  const ending = joinWords(previous.words.slice(0, end)).trim()
  return /^\p{Ll}/u.test(line.text.trim()) || !terminal.test(ending)
}

/** Whether a block's last line ends a sentence (note markers raised after the last word left out). */
function ended(block: Block): boolean {
  const previous = lastLine(block)
  if (!previous) return true
  let end = previous.words.length
  while (end > 1 && previous.words[end - 1]!.superscript) end--
  return terminal.test(joinWords(previous.words.slice(0, end)).trim())
}

/**
 * The paragraph a page foot cut while a float set after it in the tree (a
 * caption, a credit, a margin entry) closed the page: the last paragraph of
 * the page before that stops mid-sentence with a full last line, when every
 * block after it on that page ends a sentence and the next page's first line
 * goes on in its type.
 */
function cutBeforeFloats(
  blocks: Block[],
  open: Block | null,
  page: number | undefined,
  next: BodyLine[],
): Block | null {
  if (!open || page === undefined || !ended(open)) return null
  const line = next[0]
  if (!line) return null
  for (let index = blocks.length - 1; index >= 0; index--) {
    const block = blocks[index]!
    // The walk stops at the page's start and at a heading.
    if (block.kind === 'break') return null
    if (block.kind !== 'paragraph') {
      if (!ended(block)) return null
      continue
    }
    const last = lastLine(block)
    if (!last || last.page.number !== page) return null
    // A block in another type, or a short line (a term, a label set beside the text), is passed over like the floats.
    if (ended(block) || Math.abs(last.size - line.size) > 0.75) continue
    // Cut, not ended: two lines and more, the last filling the measure.
    const widest = Math.max(...block.lines.map((other) => other.x1 - other.x0))
    if (block.lines.length < 2 || last.x1 - last.x0 < widest * 0.85) continue
    return block
  }
  return null
}

const defaultBullet: ListMarker = {ordered: false, style: 'bullet', marker: '•', pattern: '•', length: 0}

function itemBlock(placed: PlacedUnit, previous: ListMarker | undefined): ItemBlock {
  const labelText = placed.label.map((line) => line.text.trim()).join(' ')
  let marker: ListMarker | null = labelText ? parseListMarker(`${labelText} x`, previous) : null
  const paragraphs = placed.parts.map((lines) => [...lines])
  let markerWords = 0
  if (placed.label.length > 0) {
    // The label's words open the item's first line.
    const labelWords = placed.label.flatMap((line) => line.words)
    markerWords = labelWords.length
    const [firstLine, ...rest] = paragraphs[0] ?? []
    const label = placed.label[0]!
    const joined = firstLine
      ? toBodyLine(label.page, label.index, {
          ...firstLine.line,
          words: [...labelWords, ...firstLine.words],
          text: `${labelText} ${firstLine.text}`,
          bbox: [
            Math.min(label.x0, firstLine.x0),
            Math.min(label.top, firstLine.top),
            Math.max(label.x1, firstLine.x1),
            Math.max(label.bottom, firstLine.bottom),
          ],
        })
      : label
    if (paragraphs.length === 0) paragraphs.push([joined])
    else paragraphs[0] = [joined, ...rest]
    if (!marker) {
      marker = {...defaultBullet, marker: labelText, pattern: labelText.replace(/\d+/g, '#'), length: labelText.length}
    }
  } else {
    // No label in the tree: the marker may be printed at the start of the text.
    const first = paragraphs[0]?.[0]
    const parsed = first ? parseListMarker(first.text, previous) : null
    if (first && parsed) {
      let consumed = 0
      for (const word of first.words) {
        if (consumed >= parsed.length) break
        consumed += word.text.length
        markerWords++
      }
      if (consumed === parsed.length && markerWords < first.words.length) marker = parsed
      else markerWords = 0
    }
  }
  const firstLine = paragraphs[0]?.[0]
  const markerWord = firstLine?.words[0]
  const textWord = firstLine?.words[markerWords] ?? markerWord
  // Nesting comes from where the marker stands, as in the layout: trees often give nested lists as siblings.
  return {
    kind: 'item',
    marker: marker ?? defaultBullet,
    markerX: markerWord?.bbox[0] ?? 0,
    textX: textWord?.bbox[0] ?? 0,
    markerWords,
    paragraphs,
  }
}

function toBlock(placed: PlacedUnit, previous: ListMarker | undefined): Block | null {
  const lines = placed.parts.flat()
  switch (placed.unit.kind) {
    case 'heading': {
      if (lines.length === 0) return null
      // A figure or table title tagged as a heading is a caption: it stays a paragraph.
      const text = lines.map((line) => line.text).join(' ')
      if (captionEntry.test(text.trim())) return {kind: 'paragraph', lines}
      const block: HeadingBlock = {kind: 'heading', lines}
      if (placed.unit.depth !== undefined) block.depth = placed.unit.depth
      return block
    }
    case 'item':
      return itemBlock(placed, previous)
    case 'quote':
      return placed.parts.length > 0 ? ({kind: 'quote', paragraphs: placed.parts} satisfies QuoteBlock) : null
    case 'paragraph':
      return lines.length > 0 ? ({kind: 'paragraph', lines} satisfies ParagraphBlock) : null
    case 'table':
    case 'figure':
      return null
  }
}

/** How tables and boxes of the tree become nodes: the phrasing of some lines, and their flow (paragraphs, lists). */
export interface StructureBuilders {
  inline: (lines: BodyLine[]) => PhrasingContent[]
  flow: (lines: BodyLine[]) => Array<FlowContent | Section>
}

export interface StructureOptions extends BlockOptions {
  context: Context
  /** Without them, tables and boxes are read as text in order. */
  builders?: StructureBuilders
  /**
   * The notes the layout found (lines set small at the page foot). Where the tree
   * tags its notes (Note elements), the tree decides which lines are notes instead.
   */
  footnotes?: FootnoteReading
}

export interface StructureReading {
  check: StructureCheck
  /** The blocks from the tree, when it is used. */
  blocks: Block[] | null
  /** Identifier of the note a raised marker refers to, by page and label, when the tree is used. */
  resolveNote?: (page: number, label: string) => string | null
  /** Tables and boxes (asides) of the tree, by the index of the block they go before. */
  inserts?: Map<number, FlowContent[]>
}

/** Whether any page's tree tags notes. */
function tagsNotes(lines: BodyLine[]): boolean {
  const seen = new Set<StructNode>()
  const walk = (node: StructNode): boolean =>
    node.role === 'Note' || node.role === 'FENote' || node.children.some((child) => walk(child))
  for (const line of lines) {
    const tree = line.page.structTree
    if (!tree || seen.has(tree)) continue
    seen.add(tree)
    const clean = cleanTree(tree)
    if (clean && walk(clean)) return true
  }
  return false
}

/**
 * Reads the blocks of a tagged PDF from its structure tree: headings, paragraphs,
 * list items with their nesting and quotations, each cut to the words the tree gives
 * it, in the tree's order. The tree is used only when it covers the body, holds
 * headings or paragraphs and agrees with the order of the lines on the page.
 */
export function readStructure(lines: BodyLine[], options: StructureOptions): StructureReading {
  const byPage = new Map<number, BodyLine[]>()
  for (const line of lines) {
    const list = byPage.get(line.page.number) ?? []
    list.push(line)
    byPage.set(line.page.number, list)
  }
  // Where the tree tags its notes, the lines the layout took for notes on tagged pages go back to the tree;
  // where it tags none, so do notes the tree files as list items (a numbered list set small at a page foot).
  const footnotes = options.footnotes
  const notesFromTree = footnotes !== undefined && tagsNotes([...lines, ...footnotes.lines])
  let layoutNotes: Note[] = footnotes?.notes ?? []
  let listed = 0
  const returned: BodyLine[] = []
  if (footnotes) {
    const items = new Map<StructNode, Set<number>>()
    const itemMcids = (tree: StructNode) => {
      let set = items.get(tree)
      if (!set) {
        set = new Set()
        for (const unit of readUnits(tree)) {
          if (unit.kind !== 'item') continue
          for (const mcid of [...unit.parts.flat(), ...(unit.label ?? [])]) set.add(mcid)
        }
        items.set(tree, set)
      }
      return set
    }
    /** Whether the tree files (nearly) all the words of the lines it marks as list items. */
    const listedInTree = (noteLines: BodyLine[]) => {
      let marked = 0
      let inItems = 0
      for (const line of noteLines) {
        const tree = line.page.structTree
        if (!tree) return false
        const set = itemMcids(tree)
        for (const word of line.words) {
          if (word.mcid === undefined) continue
          marked++
          if (set.has(word.mcid)) inItems++
        }
      }
      return marked > 0 && inItems >= marked * 0.8
    }
    layoutNotes = layoutNotes.filter((note) => {
      const back = notesFromTree ? note.lines.some((line) => line.page.structTree) : listedInTree(note.lines)
      if (!back) return true
      if (!notesFromTree) listed++
      returned.push(...note.lines)
      return false
    })
  }
  if (returned.length > 0) {
    for (const line of returned) {
      const list = byPage.get(line.page.number) ?? []
      list.push(line)
      byPage.set(line.page.number, list)
    }
    for (const list of byPage.values()) list.sort((a, b) => a.index - b.index)
  }
  const readings = new Map<number, PageReading>()
  let letters = 0
  let covered = 0
  let pairs = 0
  let inversions = 0
  let textPages = 0
  let treePages = 0
  for (const [page, pageLines] of byPage) {
    textPages++
    const tree = pageLines[0]!.page.structTree
    if (!tree) {
      letters += pageLines.reduce((sum, line) => sum + letterCount(line.text), 0)
      continue
    }
    treePages++
    const reading = placeUnits(readUnits(tree), pageLines, page)
    readings.set(page, reading)
    letters += reading.letters
    covered += reading.covered
    pairs += reading.pairs
    inversions += reading.inversions
  }
  const all = [...readings.values()].flatMap((reading) => reading.units)
  const check: StructureCheck = {
    use: false,
    coverage: letters > 0 ? covered / letters : 0,
    pagesWithTree: textPages > 0 ? treePages / textPages : 0,
    disorder: pairs > 0 ? inversions / pairs : 0,
    headings: all.filter((unit) => unit.unit.kind === 'heading').length,
    paragraphs: all.filter((unit) => unit.unit.kind === 'paragraph' && unit.unit.parts.length > 0).length,
    items: all.filter((unit) => unit.unit.kind === 'item').length,
    reasons: [],
  }
  const percent = (value: number) => `${Math.round(value * 100)}%`
  if (treePages === 0) check.reasons.push('no page carries a structure tree')
  else {
    if (check.pagesWithTree < 0.9) check.reasons.push(`only ${percent(check.pagesWithTree)} of the pages carry a tree`)
    if (check.coverage < 0.9) check.reasons.push(`the tree holds ${percent(check.coverage)} of the body text`)
    if (check.headings + check.paragraphs === 0) check.reasons.push('the tree has neither headings nor paragraphs')
    else if (check.headings === 0 && textPages > 2)
      check.reasons.push(`the tree has no headings over ${textPages} pages`)
    if (check.disorder > 0.25) check.reasons.push(`${percent(check.disorder)} of its elements run against the lines`)
  }
  check.use = check.reasons.length === 0
  const summary = `coverage ${percent(check.coverage)}, pages ${percent(check.pagesWithTree)}, order against the lines ${percent(check.disorder)}, ${check.headings} headings, ${check.paragraphs} paragraphs, ${check.items} list items`
  if (!check.use) {
    info(
      options.context,
      'structure-tree-ignored',
      `Unexpected structure tree that cannot be trusted (${check.reasons.join('; ')}), expected one that covers the body in reading order: the layout is read instead (${summary})`,
    )
    return {check, blocks: null}
  }
  info(
    options.context,
    'structure-tree-used',
    `Unexpected tagged PDF, expected its tags checked before use: the structure tree is sane and read (${summary})`,
  )
  const apart = options.builders ? new SetApart(options.builders, options.context) : null
  const reading = (blocks: Block[], resolveNote?: StructureReading['resolveNote']): StructureReading => {
    const out: StructureReading = {check, blocks}
    if (resolveNote) out.resolveNote = resolveNote
    if (apart && apart.inserts.size > 0) {
      out.inserts = apart.inserts
      info(
        options.context,
        'structure-tables-used',
        `Unexpected tables and figures in the structure tree, expected them read as such: ${apart.tables} tables, ${apart.figures} figures and ${apart.asides} boxes (asides) read from the tree`,
      )
    }
    return out
  }
  if (!notesFromTree && listed === 0) return reading(assembleBlocks(readings, byPage, options, null, apart))
  const kept = new Map<number, Note[]>()
  for (const note of layoutNotes) {
    const list = kept.get(note.page) ?? []
    list.push(note)
    kept.set(note.page, list)
  }
  const notes = new TreeNotes(layoutNotes)
  const blocks = assembleBlocks(readings, byPage, {...options, notes: kept}, notesFromTree ? notes : null, apart)
  if (notesFromTree) {
    info(
      options.context,
      'structure-notes-used',
      `Unexpected notes tagged in the structure tree, expected them read from the tree: ${notes.fromTree} notes read from Note elements, ${layoutNotes.length} kept from the layout`,
    )
  } else {
    info(
      options.context,
      'structure-notes-listed',
      `Unexpected notes at the page foot that the structure tree tags as list items, expected notes: ${listed} read as the tree's list items, ${layoutNotes.length} kept as notes`,
    )
  }
  return reading(blocks, notes.resolver())
}

/**
 * The lines of a box, cut to its words (a line the layout ran across the frame
 * into the text beside it gives the box only its part); a word outside the tree
 * goes with the word before it.
 */
function boxLines(lines: BodyLine[], mcids: Set<number>): BodyLine[] {
  const out: BodyLine[] = []
  for (const line of lines) {
    const inBox: Array<boolean | undefined> = line.words.map((word) =>
      word.mcid === undefined ? undefined : mcids.has(word.mcid),
    )
    for (let index = 1; index < inBox.length; index++) inBox[index] ??= inBox[index - 1]
    for (let index = inBox.length - 2; index >= 0; index--) inBox[index] ??= inBox[index + 1]
    const words = line.words.filter((_, index) => inBox[index] === true)
    if (words.length > 0) out.push(cut(line, words))
  }
  return out
}

/** A title set as its own paragraph just before a table ("Table 2. Costs"). */
const tableTitle = /^(?:table|tabelle|tableau|tabla|cuadro|tabela|tabel)\s*[\dA-Z]/iu
const figureTitle = /^(?:figure|fig\.|abbildung|abb\.|graphique|gráfico|figura|chart|map|graph|exhibit)\s*[\dA-Z]/iu
/** Past this many words, the text a Figure element holds is running text tagged as a figure, not labels. */
const maxLabelWords = 80

const boxOf = (line: BodyLine) => line.line.bbox

/** Tables and boxes read from the tree, turned into nodes where they stand among the blocks. */
class SetApart {
  readonly inserts = new Map<number, FlowContent[]>()
  readonly builders: StructureBuilders
  tables = 0
  asides = 0
  /** The last box, while nothing has come after it (a box the page cuts goes on on the next). */
  #lastBox: {aside: Aside; page: number} | null = null
  /** The last table, likewise: a table the page cuts goes on in the first table of the next. */
  #lastTable: {table: Table; page: number} | null = null

  readonly #context: Context
  figures = 0

  constructor(builders: StructureBuilders, context: Context) {
    this.builders = builders
    this.#context = context
  }

  /**
   * A Figure element as a figure: an image with the author's alternate text, where
   * the drawing stands (its images, shapes or labels), and its caption. The labels set
   * in the drawing belong to it and leave the text.
   */
  figure(at: number, placed: PlacedUnit, lines: BodyLine[]): void {
    let caption = lines
    const {unit, page} = placed
    const labels = placed.parts[0] ?? []
    const layoutPage = (labels[0] ?? caption[0])?.page
    const mcids = new Set(unit.parts[0] ?? [])
    const drawn = [
      ...(layoutPage?.images ?? []).filter((image) => image.mcid !== undefined && mcids.has(image.mcid)),
      ...(layoutPage?.graphics ?? []).filter((shape) => shape.mcid !== undefined && mcids.has(shape.mcid)),
    ].map((item) => item.bbox)
    const boxes = [...drawn, ...labels.map(boxOf)]
    const image: Image = {type: 'image', data: {source: source(page, boxes)}}
    if (unit.alt) image.alt = unit.alt
    for (const line of labels) {
      info(
        this.#context,
        'figure-label-dropped',
        `Unexpected text “${line.text.trim()}” inside a figure, expected running text: left to the figure`,
        source(page, [line.line.bbox]),
      )
    }
    const children: Figure['children'] = [image]
    // A bullet set before the caption as an ornament is no text of it.
    const [first, ...rest] = caption
    const lead = first?.words[0]
    if (first && lead && /^[•●▪■◆►▶]$/u.test(lead.text) && first.words.length > 1) {
      caption = [cut(first, first.words.slice(1)), ...rest]
    }
    if (caption.length > 0) children.push({type: 'caption', children: this.builders.inline(caption)})
    this.#put(at, {type: 'figure', children, data: {source: source(page, [...boxes, ...caption.map(boxOf)])}})
    this.figures++
  }

  #put(at: number, node: FlowContent): void {
    const list = this.inserts.get(at)
    if (list) list.push(node)
    else this.inserts.set(at, [node])
    this.#lastBox = null
    this.#lastTable = null
  }

  table(at: number, placed: PlacedUnit, caption: BodyLine[], opensPage: boolean, previousPage?: number): void {
    const {unit, page} = placed
    const cellLines = placed.parts.filter((_, index) => index !== unit.caption).flat()
    const table: Table = {
      type: 'table',
      children: (unit.rows ?? []).map((row) => ({
        type: 'tableRow',
        children: row.map((cell): TableCell => {
          const lines = placed.parts[cell.part] ?? []
          const node: TableCell = {type: 'tableCell', children: lines.length > 0 ? this.builders.inline(lines) : []}
          if (cell.header) node.header = true
          return node
        }),
      })),
      data: {source: source(page, cellLines.map(boxOf))},
    }
    const last = this.#lastTable
    const width = (rows: Table['children']) => rows[0]?.children.length ?? 0
    if (
      opensPage &&
      caption.length === 0 &&
      last &&
      last.page === previousPage &&
      width(last.table.children) === width(table.children)
    ) {
      // The rest of the table before; a header row set again at the top of the page is left out.
      const rows = table.children
      const first = rows[0]
      const head = last.table.children[0]
      const same = (a?: TableCell[], b?: TableCell[]) =>
        a !== undefined &&
        b !== undefined &&
        a.map((cell) => plainText(cell)).join('|') === b.map((cell) => plainText(cell)).join('|')
      last.table.children.push(...(same(first?.children, head?.children) ? rows.slice(1) : rows))
      last.page = page
      return
    }
    this.tables++
    if (caption.length === 0) {
      this.#put(at, table)
      this.#lastTable = {table, page}
      return
    }
    const node: Caption = {type: 'caption', children: this.builders.inline(caption)}
    const figure: Figure = {
      type: 'figure',
      children: [table, node],
      data: {source: source(page, [...cellLines, ...caption].map(boxOf))},
    }
    this.#put(at, figure)
    this.#lastTable = {table, page}
  }

  /** A box's lines (whole, in reading order) become an aside; its heading, if it opens with one, is the title. */
  box(at: number, page: number, lines: BodyLine[], opensPage: boolean, previousPage: number | undefined): void {
    // The box sits in the running text: the milestone of its page stays there.
    const nodes: Array<FlowContent | Section> = this.builders.flow(lines).filter((node) => node.type !== 'pageBreak')
    const last = this.#lastBox
    if (opensPage && last && last.page === previousPage) {
      last.aside.children.push(...flattenSections(nodes))
      last.page = page
      return
    }
    let title: string | undefined
    const first = nodes[0]
    if (first?.type === 'section') {
      const [heading, ...rest] = first.children
      if (heading?.type === 'heading') title = plainText(heading)
      nodes.splice(0, 1, ...(rest as Array<FlowContent | Section>))
    } else if (first?.type === 'paragraph' && nodes.length > 1) {
      // A short line without a full stop over the box's text is its title.
      const text = plainText(first)
      if (text.split(/\s+/).length <= 15 && !/[.:;,]$/.test(text)) {
        title = text
        nodes.shift()
      }
    }
    const aside: Aside = {
      type: 'aside',
      kind: 'sidebar',
      children: flattenSections(nodes),
      data: {source: source(page, lines.map(boxOf))},
    }
    if (title) aside.title = title
    this.#put(at, aside)
    this.asides++
    this.#lastBox = {aside, page}
  }

  /** Something other than a box or a table came: the last box and table are closed. */
  passed(): void {
    this.#lastBox = null
    this.#lastTable = null
  }
}

const noteLabel = /^(?:\d{1,3}|[*†‡§¶]{1,3})$/u

/** The notes of Note elements: one per labelled paragraph, an unlabelled one goes on the note before it. */
class TreeNotes {
  readonly #all: Note[]
  readonly #identifiers = new Set<string>()
  #last: Note | null = null
  fromTree = 0

  constructor(layoutNotes: Note[]) {
    this.#all = [...layoutNotes]
    for (const note of layoutNotes) this.#identifiers.add(note.identifier)
  }

  /** Turns a Note element's paragraph into a note, or carries on the last; null when it has no label and nothing to carry on. */
  read(placed: PlacedUnit): Note | 'continued' | null {
    const lines = [...placed.label, ...placed.parts.flat()]
    const first = lines[0]
    if (!first) return null
    let labelWords = 0
    let label = ''
    if (placed.label.length > 0) {
      labelWords = placed.label[0]!.words.length
      label = placed.label
        .map((line) => line.text.trim())
        .join('')
        .replace(/[.)]$/, '')
    } else {
      const word = first.words[0]?.text.replace(/[.)]$/, '') ?? ''
      if (noteLabel.test(word) && (first.words.length > 1 || lines.length > 1)) {
        labelWords = 1
        label = word
      }
    }
    if (!label) {
      if (!this.#last) return null
      this.#last.lines.push(...lines)
      return 'continued'
    }
    let identifier = label
    if (this.#identifiers.has(identifier)) identifier = `${label}-p${placed.page}`
    for (let index = 2; this.#identifiers.has(identifier); index++) identifier = `${label}-p${placed.page}-${index}`
    this.#identifiers.add(identifier)
    const note: Note = {page: placed.page, label, identifier, lines, labelWords}
    this.#all.push(note)
    this.#last = note
    this.fromTree++
    return note
  }

  /** Markers resolve to the note of their page, else to the one note anywhere with their label (an endnote). */
  resolver(): (page: number, label: string) => string | null {
    const byPage = new Map<string, string>()
    const unique = new Map<string, string | null>()
    for (const note of this.#all) {
      const key = `${note.page}|${note.label}`
      if (!byPage.has(key)) byPage.set(key, note.identifier)
      unique.set(note.label, unique.has(note.label) ? null : note.identifier)
    }
    return (page, label) => byPage.get(`${page}|${label}`) ?? unique.get(label) ?? null
  }
}

function assembleBlocks(
  readings: Map<number, PageReading>,
  byPage: Map<number, BodyLine[]>,
  options: BlockOptions,
  treeNotes: TreeNotes | null,
  apart: SetApart | null,
): Block[] {
  const blocks: Block[] = []
  let open: Block | null = null
  let previousPage: number | undefined
  /** The box whose units are being gathered: its number on the page, and the lines it touches. */
  let box: {number: number; page: number; mcids: Set<number>; opensPage: boolean} | null = null
  let pendingNotes: Note[] = []
  let lastMarker: ListMarker | undefined
  let pendingNoteBlocks: Block[] = []
  const close = () => {
    if (open) blocks.push(open)
    open = null
    blocks.push(...pendingNoteBlocks)
    pendingNoteBlocks = []
    if (pendingNotes.length > 0) blocks.push({kind: 'notes', notes: pendingNotes})
    pendingNotes = []
  }
  for (const page of options.pages) {
    const reading = readings.get(page)
    const untagged = byPage.get(page)
    if (!reading && untagged) {
      // A page with text but no tree of its own is read from its layout.
      close()
      blocks.push(...buildBlocks(untagged, {...options, pages: [page]}))
      apart?.passed()
      previousPage = page
      continue
    }
    const all = reading?.units ?? []
    // Notes follow the block the page ends in, as the layout prints them.
    const units = all.filter((placed) => !placed.unit.note)
    const notes = all.filter((placed) => placed.unit.note)
    const pageLines = untagged ?? []
    const flushBox = () => {
      if (!box || !apart) return
      const {mcids, opensPage} = box
      box = null
      close()
      const lines = boxLines(pageLines, mcids)
      if (lines.length === 0) return
      // A frame round a few short lines (a byline block) holds no text set apart: it reads in place.
      const words = lines.reduce((sum, line) => sum + line.words.length, 0)
      if (words < 25) {
        blocks.push(
          ...buildBlocks(lines, {...options, pages: [page], notes: new Map()}).filter((b) => b.kind !== 'break'),
        )
        apart.passed()
        return
      }
      apart.box(blocks.length, page, lines, opensPage, previousPage)
    }
    // The caption of a table or figure: its tree's, else a title set just before it on its page
    // ("Table 2. …", "Figure 2. …"), which then leaves the running text.
    const captionOf = (placed: PlacedUnit, title: RegExp): BodyLine[] => {
      const given = placed.unit.caption === undefined ? [] : (placed.parts[placed.unit.caption] ?? [])
      const before: Block | null = open
      if (
        given.length === 0 &&
        before &&
        (before.kind === 'paragraph' || before.kind === 'heading') &&
        before.lines.every((line) => line.page.number === page) &&
        title.test(before.lines.map((line) => line.text).join(' '))
      ) {
        open = null
        return before.lines
      }
      return given
    }
    units.forEach((placed, index) => {
      const lines = placed.parts[0] ?? []
      const boxNumber = apart ? placed.unit.box : undefined
      if (boxNumber !== undefined) {
        if (index === 0) {
          close()
          blocks.push({kind: 'break', page})
        }
        if (box?.number !== boxNumber) {
          flushBox()
          box = {number: boxNumber, page, mcids: new Set(), opensPage: index === 0}
        }
        for (const mcid of [...(placed.unit.label ?? []), ...placed.unit.parts.flat()]) box.mcids.add(mcid)
        return
      }
      flushBox()
      if (placed.unit.kind !== 'table') apart?.passed()
      if (index === 0) {
        // An item without a label of its own (in the tree or printed) is the rest of the item before.
        const unlabelled =
          placed.unit.kind === 'item' &&
          placed.label.length === 0 &&
          (lines[0] === undefined || parseListMarker(lines[0].text) === null)
        const carry =
          open !== null &&
          (placed.unit.kind === 'paragraph' || unlabelled) &&
          placed.unit.kind !== 'table' &&
          continues(open, lines, {...placed.unit, kind: 'paragraph'})
        // A float read after the paragraph the page cut waits for that paragraph to end.
        const cut =
          placed.unit.kind === 'paragraph' && previousPage !== undefined
            ? cutBeforeFloats(blocks, open, previousPage, lines)
            : null
        if (cut && cut.kind === 'paragraph') {
          close()
          cut.lines.push(...placed.parts.flat())
          return
        }
        if (carry && open) {
          const target: Block = open
          if (target.kind === 'item') {
            target.paragraphs[target.paragraphs.length - 1]!.push(...lines)
            target.paragraphs.push(...placed.parts.slice(1))
          } else if (target.kind === 'paragraph') {
            target.lines.push(...placed.parts.flat())
          }
          return
        }
        close()
        blocks.push({kind: 'break', page})
      }
      if (placed.unit.kind === 'table' && apart) {
        const caption = captionOf(placed, tableTitle)
        close()
        apart.table(blocks.length, placed, caption, index === 0, previousPage)
        return
      }
      if (placed.unit.kind === 'figure' && apart) {
        const labels = placed.parts[0] ?? []
        const words = labels.reduce((sum, line) => sum + line.words.length, 0)
        if (words <= maxLabelWords) {
          const caption = captionOf(placed, figureTitle)
          close()
          apart.figure(blocks.length, placed, caption)
          return
        }
      }
      if (placed.unit.kind === 'table' || placed.unit.kind === 'figure') {
        // No builders: the cells read as text, one after another.
        for (const cell of placed.parts) {
          if (cell.length === 0) continue
          close()
          open = {kind: 'paragraph', lines: cell}
        }
        return
      }
      if (placed.unit.kind === 'paragraph') {
        // Content without paragraphs of its own is split by the layout; a paragraph element is kept
        // whole unless its type shows a heading or a list the tree did not tag.
        const split = buildBlocks(placed.parts.flat(), {...options, pages: [page], notes: new Map()}).filter(
          (block) => block.kind !== 'break',
        )
        const refined = split.some((block) => block.kind === 'heading' || block.kind === 'item')
        if (placed.unit.loose || refined) {
          if (split.length === 0) return
          close()
          blocks.push(...split.slice(0, -1))
          open = split[split.length - 1]!
          return
        }
      }
      const block = toBlock(placed, lastMarker)
      if (!block) return
      close()
      if (block.kind === 'item') lastMarker = block.marker
      open = block
    })
    flushBox()
    if (units.length === 0) {
      close()
      blocks.push({kind: 'break', page})
    }
    previousPage = page
    pendingNotes.push(...(options.notes?.get(page) ?? []))
    for (const placed of notes) {
      const note = treeNotes?.read(placed) ?? null
      if (note === 'continued') continue
      if (note) {
        pendingNotes.push(note)
        continue
      }
      const block = toBlock(placed, undefined)
      if (block) pendingNoteBlocks.push(block)
    }
  }
  close()
  harmonizeDepths(blocks)
  return blocks
}

/**
 * Headings set alike are of one rank: a heading whose tag gives another depth
 * than most headings of its type style takes theirs (a closing "Author
 * Information" tagged H1 among H2 sections of the same size and weight).
 */
function harmonizeDepths(blocks: Block[]): void {
  const byStyle = new Map<string, HeadingBlock[]>()
  for (const block of blocks) {
    if (block.kind !== 'heading' || block.depth === undefined) continue
    const line = block.lines[0]!
    const key = `${Math.round(line.size * 2) / 2}|${line.bold}`
    const list = byStyle.get(key) ?? []
    list.push(block)
    byStyle.set(key, list)
  }
  for (const headings of byStyle.values()) {
    if (headings.length < 3) continue
    const counts = new Map<number, number>()
    for (const heading of headings) counts.set(heading.depth!, (counts.get(heading.depth!) ?? 0) + 1)
    const [depth, most] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!
    if (most * 2 <= headings.length) continue
    for (const heading of headings) heading.depth = depth
  }
}

const genericAlt =
  /^(?:figure|fig\.?|image|img|picture|graphic|photo|chart|diagram|abbildung|bild|grafik)?[\s\d._-]*$/iu

interface TaggedFigure {
  alt: string
  boxes: BBox[]
}

/** The Figure elements of a page that carry alternate text, with the boxes of their images. */
function taggedFigures(page: LayoutPage): TaggedFigure[] {
  const tree = cleanTree(page.structTree)
  if (!tree || !Array.isArray(page.images)) return []
  const out: TaggedFigure[] = []
  const walk = (node: StructNode) => {
    if (node.role === 'Artifact') return
    // Control characters (a NUL left by a text string's terminator) are no text.
    const alt = node.alt?.replace(/\p{Cc}+/gu, ' ').trim()
    // A bare "Figure" or "Image 3" describes nothing: the image keeps its alt unknown.
    if (node.role === 'Figure' && alt && !genericAlt.test(alt)) {
      const mcids = new Set(allMcids(node))
      const boxes = page.images.filter((image) => image.mcid !== undefined && mcids.has(image.mcid))
      out.push({alt, boxes: boxes.map((image) => image.bbox)})
      return
    }
    node.children.forEach(walk)
  }
  walk(tree)
  return out
}

function overlap(a: BBox, b: BBox): number {
  const width = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
  const height = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  if (width <= 0 || height <= 0) return 0
  const smaller = Math.min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
  return smaller > 0 ? (width * height) / smaller : 0
}

type WithChildren = {type: string; children?: unknown[]; alt?: string; data?: {source?: {page: number; bbox?: BBox}}}

/**
 * Gives the images of the tree the alternate text of the tagged Figure whose
 * images they cover (the /Alt the author wrote), where the image has none yet.
 */
export function applyFigureAlt(nodes: unknown[], pages: LayoutPage[]): number {
  const byPage = new Map(pages.map((page) => [page.number, taggedFigures(page)]))
  let given = 0
  const walk = (node: WithChildren) => {
    if (node.type === 'image' && node.alt === undefined) {
      const place = node.data?.source
      const figures = place ? (byPage.get(place.page) ?? []) : []
      const box = place?.bbox
      const figure = box
        ? figures.find((candidate) => candidate.boxes.some((other) => overlap(box, other) > 0.5))
        : undefined
      if (figure) {
        node.alt = figure.alt
        given++
      }
    }
    for (const child of node.children ?? []) walk(child as WithChildren)
  }
  for (const node of nodes) walk(node as WithChildren)
  return given
}
