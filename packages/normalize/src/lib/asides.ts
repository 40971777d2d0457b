import type {Aside, FlowContent, PhrasingContent, Section} from '@folio/ast'
import type {BBox, Graphic, LayoutPage} from '@folio/extract'
import type {Block} from './blocks.js'
import {captionEntry} from './contents.js'
import {type BodyLine, median, source} from './model.js'
import {findTables, isGridNeighbour, lineOfWords, pageRules, type TableRegion, tableNode} from './tables.js'

/**
 * Sidebars and call-outs: text that a drawn box (a shaded panel, a frame)
 * sets apart from the running text. The box's lines leave the body, so that a
 * paragraph running around the box stays one block, and become an `aside`
 * placed after the body text beside or over the box.
 */

export interface AsideRegion {
  page: number
  bbox: BBox
  kind: 'sidebar' | 'callout'
  /** The title lines (a bold or larger first line), when there is one. */
  title: BodyLine[]
  /** The other lines of the box, in reading order. */
  lines: BodyLine[]
  /** Body lines the box takes in whole, and those it takes in part (with what is left of them). */
  taken: Set<BodyLine>
  rest: Map<BodyLine, BodyLine>
  /** How the box is drawn: the fill of its panel, else the colour of its frame. */
  style: string
  /** Boxes on the following pages that carry this one on (a sidebar run over a page break). */
  continued: AsideRegion[]
}

/** Shapes of one kind on a page beyond which no box is looked for. */
const maxShapes = 400

/** The boxes a page draws around text: shaded panels (pieces of one shade merged), framed boxes. */
export function boxesOf(page: LayoutPage): BBox[] {
  const graphics = page.graphics ?? []
  const width = page.width || 612
  const height = page.height || 792
  const rects = graphics.filter((g) => g.kind === 'rect')
  // A page of hundreds of shapes is a chart, a form or hatching: no box on it reads as an aside
  // (and the pairwise look below stays bounded).
  if (rects.length > maxShapes) return []
  // Panels of one fill stacked edge to edge are one panel (a box painted in pieces).
  const panels: Array<{box: BBox; fill: string | undefined; parts: Graphic[]}> = []
  for (const g of rects) {
    const fill = g.fill ?? g.stroke
    const joined = panels.find(
      (panel) =>
        panel.fill === fill &&
        ((Math.abs(panel.box[0] - g.bbox[0]) <= 2 &&
          Math.abs(panel.box[2] - g.bbox[2]) <= 2 &&
          (Math.abs(panel.box[3] - g.bbox[1]) <= 2 || Math.abs(g.bbox[3] - panel.box[1]) <= 2)) ||
          (Math.abs(panel.box[1] - g.bbox[1]) <= 2 &&
            Math.abs(panel.box[3] - g.bbox[3]) <= 2 &&
            (Math.abs(panel.box[2] - g.bbox[0]) <= 2 || Math.abs(g.bbox[2] - panel.box[0]) <= 2))),
    )
    if (joined) {
      joined.box = union(joined.box, g.bbox)
      joined.parts.push(g)
    } else panels.push({box: [...g.bbox], fill, parts: [g]})
  }
  const boxes: BBox[] = []
  const cells: BBox[] = []
  for (const panel of panels) {
    // A cell of a grid (a shaded table cell, a header band over cells) is no box of its own.
    const cell = rects.some((other) => !panel.parts.includes(other) && isGridNeighbour(panel.box, other.bbox))
    if (cell) cells.push(panel.box)
    else boxes.push(panel.box)
  }
  // Frames drawn as four rules (white rules show only between shaded cells).
  const rules = graphics.filter((g) => g.kind === 'rule' && (g.stroke ?? g.fill) !== '#ffffff')
  const across = rules.filter((g) => g.bbox[2] - g.bbox[0] > Math.max(g.bbox[3] - g.bbox[1], 60))
  const down = rules.filter((g) => g.bbox[3] - g.bbox[1] > Math.max(g.bbox[2] - g.bbox[0], 15))
  // Rules drawn in pieces (a cell's width each) count whole.
  const merged = pageRules(graphics.filter((g) => g.kind === 'rule')).horizontal
  // A box with a rule across its inside is part of a grid (a table's shaded column), not a box.
  const ruledAcross = (box: BBox): boolean =>
    merged.some(
      (rule) => rule.at > box[1] + 2 && rule.at < box[3] - 2 && rule.from <= box[0] + 2 && rule.to >= box[2] - 2,
    )
  for (let index = boxes.length - 1; index >= 0; index--) if (ruledAcross(boxes[index]!)) boxes.splice(index, 1)
  if (across.length > maxShapes || down.length > maxShapes) return distinctBoxes(boxes, width, height)
  for (const top of across) {
    for (const bottom of across) {
      if (bottom.bbox[1] <= top.bbox[3] + 10) continue
      if (Math.abs(top.bbox[0] - bottom.bbox[0]) > 2 || Math.abs(top.bbox[2] - bottom.bbox[2]) > 2) continue
      const side = (x: number) =>
        down.some(
          (g) => Math.abs(g.bbox[0] - x) <= 2.5 && g.bbox[1] <= top.bbox[3] + 2 && g.bbox[3] >= bottom.bbox[1] - 2,
        ) ||
        down.some(
          (g) => Math.abs(g.bbox[2] - x) <= 2.5 && g.bbox[1] <= top.bbox[3] + 2 && g.bbox[3] >= bottom.bbox[1] - 2,
        )
      // A frame with rules across its inside is a grid (a table), not a box.
      const grid = ruledAcross([top.bbox[0], top.bbox[3], top.bbox[2], bottom.bbox[1]])
      const frame: BBox = [top.bbox[0], top.bbox[1], top.bbox[2], bottom.bbox[3]]
      // The border of a grid's cell is no box either.
      const bordersCell = cells.some((cell) => overlap(cell, frame) > 0.5 * area(frame))
      if (!grid && !bordersCell && side(top.bbox[0]) && side(top.bbox[2]))
        boxes.push([top.bbox[0], top.bbox[1], top.bbox[2], bottom.bbox[3]])
    }
  }
  return distinctBoxes(boxes, width, height)
}

function distinctBoxes(boxes: BBox[], width: number, height: number): BBox[] {
  // One box once; page backgrounds and page-wide bands are no boxes, nor are the cells of a
  // grid (boxes edge to edge with others).
  const kept: BBox[] = []
  for (const box of boxes) {
    if (boxes.some((other) => other !== box && isGridNeighbour(box, other) && !near(box, other))) continue
    const w = box[2] - box[0]
    const h = box[3] - box[1]
    if (w < 80 || h < 20) continue
    if (w > width * 0.9 || w * h > width * height * 0.6) continue
    if (kept.some((other) => other.every((value, index) => Math.abs(value - (box[index] ?? 0)) <= 4))) continue
    kept.push(box)
  }
  return kept
}

function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]
}

const within = (box: BBox, x: number, y: number): boolean => x > box[0] && x < box[2] && y > box[1] && y < box[3]

/** The boxed asides of one page; `lines` are the page's body lines in reading order, `avoid` the tables. */
export function findAsides(page: LayoutPage, lines: BodyLine[], avoid: BBox[]): AsideRegion[] {
  if (lines.length === 0) return []
  const pageArea = (page.width || 612) * (page.height || 792)
  const boxes = boxesOf(page)
    .filter((box) => !avoid.some((other) => overlap(box, other) > 0))
    .sort((a, b) => area(b) - area(a))
  const out: AsideRegion[] = []
  const used = new Set<BodyLine>()
  for (const box of boxes) {
    if (out.some((aside) => overlap(aside.bbox, box) > 0)) continue
    const taken = new Set<BodyLine>()
    const rest = new Map<BodyLine, BodyLine>()
    const inside: BodyLine[] = []
    let clean = true
    for (const line of lines) {
      if (used.has(line)) continue
      const flags = line.words.map((word) =>
        within(box, (word.bbox[0] + word.bbox[2]) / 2, (word.bbox[1] + word.bbox[3]) / 2),
      )
      const count = flags.filter(Boolean).length
      if (count === 0) continue
      if (count === line.words.length) {
        taken.add(line)
        inside.push(line)
        continue
      }
      // A line partly in the box: the box must cut it between words (text beside the box), once.
      const first = flags.indexOf(true)
      const last = flags.lastIndexOf(true)
      if (flags.slice(first, last + 1).some((flag) => !flag)) {
        clean = false
        break
      }
      const inWords = line.words.filter((_, index) => flags[index])
      const outWords = line.words.filter((_, index) => !flags[index])
      rest.set(line, lineOfWords(line, outWords))
      inside.push(lineOfWords(line, inWords))
    }
    if (!clean || inside.length === 0) continue
    // Text must stand wholly inside the box: a word crossing its edge means the box is no frame of it.
    if (
      lines.some(
        (line) =>
          !used.has(line) &&
          line.words.some((word) => {
            const cx = (word.bbox[0] + word.bbox[2]) / 2
            const cy = (word.bbox[1] + word.bbox[3]) / 2
            return within(box, cx, cy) && (word.bbox[0] < box[0] - 2 || word.bbox[2] > box[2] + 2)
          }),
      )
    )
      continue
    const chars = inside.reduce((sum, line) => sum + line.text.length, 0)
    const covered = inside.reduce((sum, line) => sum + (line.x1 - line.x0) * (line.bottom - line.top), 0)
    // Running text fills its box; labels of a drawing stand sparse in it.
    // A one-line label in a box (a drawing's annotation) is no call-out, nor are short
    // fragments side by side (the heads of a table, the legend of a chart).
    const lengths = inside.map((line) => line.text.trim().length).sort((a, b) => a - b)
    const typical = lengths[Math.floor(lengths.length / 2)] ?? 0
    if (chars < 40 || inside.length < 2 || typical < 15 || covered < area(box) * 0.12) continue
    // A frame around a figure or a table (its caption inside, or an image filling it) is no aside.
    if (inside.some((line) => captionEntry.test(line.text.trim()))) continue
    // (Images larger than the box are backgrounds behind it, not its content.)
    const imageArea = page.images
      .filter((image) => area(image.bbox) <= area(box))
      .reduce((sum, image) => sum + overlap(image.bbox, box), 0)
    if (imageArea > area(box) * 0.25) continue
    // A box that holds most of a full page is the page's frame, not a box apart from the text.
    if (area(box) > pageArea * 0.45 && taken.size >= lines.length * 0.8) continue
    const title = titleOf(inside)
    const body = inside.slice(title.length)
    if (body.length === 0) continue
    for (const line of taken) used.add(line)
    for (const line of rest.keys()) used.add(line)
    out.push({
      page: page.number,
      bbox: box,
      kind: title.length > 0 ? 'sidebar' : 'callout',
      title,
      lines: body,
      taken,
      rest,
      style: styleOf(page, box),
      continued: [],
    })
  }
  return out
}

/** The fill of the panel under most of a box, else the colour of a rule along its top edge. */
function styleOf(page: LayoutPage, box: BBox): string {
  const graphics = page.graphics ?? []
  const panel = graphics.find(
    (g) => g.kind === 'rect' && g.fill !== undefined && overlap(g.bbox, box) >= area(box) * 0.5,
  )
  if (panel) return `fill ${panel.fill}`
  const frame = graphics.find(
    (g) =>
      g.kind === 'rule' &&
      Math.abs(g.bbox[1] - box[1]) <= 3 &&
      g.bbox[0] <= box[0] + 3 &&
      g.bbox[2] >= box[2] - 3 &&
      (g.stroke ?? g.fill) !== undefined,
  )
  return frame ? `frame ${frame.stroke ?? frame.fill}` : 'plain'
}

/** The box's leading lines set bold or larger than the rest: its title. */
function titleOf(lines: BodyLine[]): BodyLine[] {
  if (lines.length < 2) return []
  const first = lines[0]!
  const others = lines.slice(1)
  const size = median(others.map((line) => line.size)) ?? first.size
  const larger = first.size >= size * 1.12
  const bolder = first.bold && !others.every((line) => line.bold)
  if (!larger && !bolder) return []
  if (first.text.length > 90 || /[.!?…]["'”’)]*$/u.test(first.text.trim())) return []
  const title = [first]
  for (const line of others) {
    const previous = title[title.length - 1]!
    const same = Math.abs(line.size - first.size) < 0.3 && line.bold === first.bold
    if (!same || line.top - previous.bottom > first.size * 0.6 || title.length >= 3) break
    title.push(line)
  }
  if (title.length === lines.length) return []
  return title
}

/** The same box, drawn twice (a fill and a frame). */
function near(a: BBox, b: BBox): boolean {
  return a.every((value, index) => Math.abs(value - (b[index] ?? 0)) <= 4)
}

function area(box: BBox): number {
  return Math.max(0, box[2] - box[0]) * Math.max(0, box[3] - box[1])
}

function overlap(a: BBox, b: BBox): number {
  return (
    Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) * Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]))
  )
}

/** A table or an aside taken out of the running text, with where it goes back in. */
export interface ApartItem {
  node: FlowContent
  page: number
  /** The body line it follows (in reading order), or null when it opens the document. */
  after: BodyLine | null
}

export interface ApartBuilders {
  /** Phrasing content of some lines (a cell, a caption). */
  inline: (lines: BodyLine[]) => PhrasingContent[]
  /** Flow content of some lines (an aside's paragraphs and lists). */
  flow: (lines: BodyLine[]) => Array<FlowContent | Section>
}

/**
 * Takes ruled tables and boxed asides out of the body lines (in reading
 * order, all pages). Returns the lines left for the running text (lines cut
 * by a box replaced by what stays outside it), the lines the tables and
 * boxes claimed (whole or in part), and the nodes with their anchors: each
 * goes after the last body line, in reading order, that stands over it or
 * beside it on its page. `exclude` lines (notes) stay in the running text
 * and out of every table and box.
 */
export function setApart(
  pages: LayoutPage[],
  lines: BodyLine[],
  builders: ApartBuilders,
  exclude: ReadonlySet<BodyLine> = new Set(),
): {lines: BodyLine[]; items: ApartItem[]; tables: number; asides: number; claimed: Set<BodyLine>} {
  // Excluded lines (notes) stay in the returned lines but no table or box takes them.
  const byPage = new Map<number, BodyLine[]>()
  const barriersByPage = new Map<number, BodyLine[]>()
  for (const line of lines) {
    const map = exclude.has(line) ? barriersByPage : byPage
    const list = map.get(line.page.number)
    if (list) list.push(line)
    else map.set(line.page.number, [line])
  }
  const found: Array<{bbox: BBox; page: number; region: TableRegion | AsideRegion; table: boolean}> = []
  const removed = new Set<BodyLine>()
  const replaced = new Map<BodyLine, BodyLine>()
  for (const page of pages) {
    const pageLines = byPage.get(page.number)
    if (!pageLines || !page.graphics || page.graphics.length === 0) continue
    const tables = findTables(page, pageLines, barriersByPage.get(page.number))
    const free = pageLines.filter((line) => !tables.some((table) => table.taken.has(line) || table.rest.has(line)))
    const asides = findAsides(
      page,
      free,
      tables.map((table) => table.bbox),
    )
    for (const table of tables) {
      for (const line of table.taken) removed.add(line)
      for (const line of table.caption) removed.add(line)
      for (const [line, rest] of table.rest) replaced.set(line, rest)
      found.push({bbox: table.bbox, page: page.number, region: table, table: true})
    }
    for (const aside of asides) {
      for (const line of aside.taken) removed.add(line)
      for (const [line, rest] of aside.rest) replaced.set(line, rest)
      found.push({bbox: aside.bbox, page: page.number, region: aside, table: false})
    }
  }
  const claimed = new Set([...removed, ...replaced.keys()])
  joinContinued(found, byPage, claimed, pages)
  if (found.length === 0) return {lines, items: [], tables: 0, asides: 0, claimed}
  const kept: BodyLine[] = []
  for (const line of lines) {
    if (removed.has(line)) continue
    kept.push(replaced.get(line) ?? line)
  }
  const order = new Map(kept.map((line, index) => [line, index]))
  const items: ApartItem[] = []
  let tables = 0
  let asides = 0
  const anchors = kept.filter((line) => !exclude.has(line))
  for (const item of found) {
    const after = anchorOf(item.bbox, item.page, anchors, order, kept)
    if (item.table) {
      tables++
      items.push({node: tableNode(item.region as TableRegion, builders.inline), page: item.page, after})
    } else {
      asides++
      items.push({node: asideNode(item.region as AsideRegion, builders), page: item.page, after})
    }
  }
  return {lines: kept, items, tables, asides, claimed}
}

/**
 * The body line a table or box follows in reading order: the last line of
 * its own column over it or beside it (text running around it); above all
 * the text of its page, the last line read before its page; where nothing
 * stands over it in its column (it opens a column), the line read before the
 * first line under it in its column.
 */
function anchorOf(
  box: BBox,
  page: number,
  lines: BodyLine[],
  order: Map<BodyLine, number>,
  kept: BodyLine[],
): BodyLine | null {
  const [x0, y0, x1, y1] = box
  // (Text run up the margin stands beside everything: no anchor.)
  const onPage = lines.filter((line) => line.page.number === page && line.line.angle === undefined)
  const across = (line: BodyLine) => line.x1 > x0 && line.x0 < x1
  // The nearest line over the box: text beside the box is of its column when that line spans both.
  const above = onPage.filter((line) => across(line) && line.bottom <= y0 + 2).sort((a, b) => b.bottom - a.bottom)[0]
  const ofColumn = (line: BodyLine) =>
    above !== undefined && above.x0 <= Math.min(line.x0, x0) + 6 && above.x1 >= Math.max(line.x1, x1) - 6
  let after: BodyLine | null = null
  let best = -1
  for (const line of onPage) {
    if (line.top >= y1) continue
    const beside = line.bottom > y0 && (Math.abs(line.x1 - x0) < 40 || Math.abs(line.x0 - x1) < 40) && ofColumn(line)
    if (!across(line) && !beside) continue
    const index = order.get(line) ?? -1
    if (index > best) {
      best = index
      after = line
    }
  }
  if (after) return after
  const before = lines.filter((line) => line.page.number < page)
  const previous = before[before.length - 1] ?? null
  // Above all the text of its page (a summary beside the title): it opens the page.
  if (!onPage.some((line) => line.top < y1)) return previous
  // Nothing over it in its column: it goes before what follows it there.
  const under = onPage
    .filter((line) => across(line) && line.top >= y1 - 2)
    .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0]
  if (under) {
    const index = order.get(under) ?? 0
    const eligible = new Set(lines)
    for (let at = index - 1; at >= 0; at--) if (eligible.has(kept[at]!)) return kept[at]!
    return null
  }
  // Nothing under it either: it follows the columns before it on its page, else what comes before its page.
  const left = onPage.filter((line) => line.x1 <= x0 + 2)
  const last = left.sort((a, b) => (order.get(b) ?? 0) - (order.get(a) ?? 0))[0]
  return last ?? previous
}

/**
 * A box at the top of a page that carries on the box at the foot of the page
 * before (nothing of the running text after the one nor before the other, the
 * same edges and the same fill or frame, no title of its own) is that box
 * continued: the two make one aside, where the first stands.
 */
function joinContinued(
  found: Array<{bbox: BBox; page: number; region: TableRegion | AsideRegion; table: boolean}>,
  byPage: Map<number, BodyLine[]>,
  claimed: Set<BodyLine>,
  pages: LayoutPage[],
): void {
  const order = pages.map((page) => page.number)
  const free = (page: number) =>
    (byPage.get(page) ?? []).filter((line) => !claimed.has(line) && line.line.angle === undefined)
  for (let index = found.length - 1; index >= 0; index--) {
    const next = found[index]!
    if (next.table) continue
    const region = next.region as AsideRegion
    if (region.title.length > 0) continue
    const previousPage = order[order.indexOf(next.page) - 1]
    if (previousPage === undefined) continue
    const first = found.find(
      (item) =>
        !item.table &&
        item.page === previousPage &&
        Math.abs(item.bbox[0] - next.bbox[0]) <= 3 &&
        Math.abs(item.bbox[2] - next.bbox[2]) <= 3 &&
        (item.region as AsideRegion).style === region.style,
    )
    if (!first) continue
    // Nothing of the running text under the first box, nor over the second.
    if (free(previousPage).some((line) => line.top >= first.bbox[3] - 2)) continue
    if (free(next.page).some((line) => line.bottom <= next.bbox[1] + 2)) continue
    const head = first.region as AsideRegion
    // Running text beside either box leaves them apart (a box in one column of two).
    const beside = (page: number, box: BBox) =>
      free(page).some((line) => line.bottom > box[1] && line.top < box[3] && (line.x1 <= box[0] || line.x0 >= box[2]))
    if (beside(previousPage, first.bbox) || beside(next.page, next.bbox)) continue
    head.continued.push(region, ...region.continued)
    found.splice(index, 1)
  }
}

function asideNode(region: AsideRegion, builders: ApartBuilders): Aside {
  // Type of another size starts another block (a quote, then its attribution in small type).
  const runs: BodyLine[][] = []
  const continued = region.continued.flatMap((part) => [...part.title, ...part.lines])
  for (const line of [...region.lines, ...continued]) {
    const run = runs[runs.length - 1]
    if (run && Math.abs(run[run.length - 1]!.size - line.size) <= 1) run.push(line)
    else runs.push([line])
  }
  const children = flattenSections(
    runs.flatMap((run) => builders.flow(run)),
    region.page,
  )
  // A box carried on over a page break: the milestone of the page stays in the running text.
  if (region.continued.length > 0) for (const child of children) dropBreaks(child)
  const node: Aside = {
    type: 'aside',
    kind: region.kind,
    children,
    data: {source: source(region.page, [region.bbox])},
  }
  if (region.title.length > 0) node.title = region.title.map((line) => line.text.trim()).join(' ')
  return node
}

function dropBreaks(node: object): void {
  if (!('children' in node)) return
  if (!Array.isArray(node.children)) return
  const children = node.children as Array<{type?: string; children?: unknown}>
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index]!
    if (child.type === 'pageBreak') children.splice(index, 1)
    else dropBreaks(child)
  }
}

/**
 * Sections inside a box are no sections of the document: a heading there
 * reads as a bold paragraph (keeping its source, or given the box's `page`
 * when there is one). The box sits on one page: the milestone of its page
 * stays in the running text.
 */
export function flattenSections(nodes: Array<FlowContent | Section>, page?: number): FlowContent[] {
  const out: FlowContent[] = []
  for (const node of nodes) {
    if (node.type === 'pageBreak') continue
    if (node.type !== 'section') {
      out.push(node)
      continue
    }
    for (const child of node.children) {
      if (child.type === 'heading') {
        const children: PhrasingContent[] = [{type: 'strong', children: child.children}]
        out.push(
          page === undefined
            ? {type: 'paragraph', children}
            : {type: 'paragraph', children, data: child.data ?? {source: {page}}},
        )
      } else out.push(...flattenSections([child], page))
    }
  }
  return out
}

/**
 * Where each set-apart node goes among the blocks: a map from block index to
 * the nodes to put before that block (index `blocks.length`: at the end).
 */
export function placeItems(items: ApartItem[], blocks: Block[], lines: BodyLine[]): Map<number, FlowContent[]> {
  const blockOf = new Map<BodyLine, number>()
  blocks.forEach((block, index) => {
    const members =
      block.kind === 'paragraph' || block.kind === 'heading'
        ? block.lines
        : block.kind === 'item' || block.kind === 'quote'
          ? block.paragraphs.flat()
          : []
    for (const line of members) blockOf.set(line, index)
  })
  const order = new Map(lines.map((line, index) => [line, index]))
  const out = new Map<number, FlowContent[]>()
  for (const item of items) {
    let at = 0
    // The block holding the anchor line, or the nearest line before it that is in a block.
    for (let index = item.after ? (order.get(item.after) ?? -1) : -1; index >= 0; index--) {
      const block = blockOf.get(lines[index]!)
      if (block !== undefined) {
        at = block + 1
        break
      }
    }
    // Never before the milestone of its own page.
    const milestone = blocks.findIndex((block) => block.kind === 'break' && block.page === item.page)
    if (milestone >= at) at = milestone + 1
    const list = out.get(at)
    if (list) list.push(item.node)
    else out.set(at, [item.node])
  }
  return out
}
