import type {Caption, Figure, PhrasingContent, Table, TableCell, TableRow} from '@folio/ast'
import type {BBox, Graphic, LayoutPage, Line, Word} from '@folio/extract'
import {captionEntry} from './contents.js'
import {type BodyLine, source, toBodyLine} from './model.js'

/**
 * Tables from their ruling: horizontal rules of one width stacked down the
 * page (a booktabs table's top, middle and bottom rules, or a rule under
 * every row), vertical rules or the gaps between words for the columns, and
 * the text between them. Only what the ruling makes unambiguous becomes a
 * table; anything else stays running text.
 */

/** A horizontal or vertical rule, drawn pieces along one line merged. */
export interface Rule {
  /** Start and end along the rule. */
  from: number
  to: number
  /** Position across the rule (its middle). */
  at: number
  /** Thickness. */
  weight: number
}

export interface TableRegion {
  page: number
  bbox: BBox
  /** Rows of cells; each cell holds lines made of the cell's own words. */
  rows: Array<{header: boolean; cells: BodyLine[][]}>
  /** Caption lines (from the page's body lines), when a caption is printed next to the table. */
  caption: BodyLine[]
  /** Body lines the table takes in whole, and those it takes in part (with what is left of them). */
  taken: Set<BodyLine>
  rest: Map<BodyLine, BodyLine>
}

/** Greatest gap between two rules of one table, as a share of the page height. */
const maxRowGap = 0.6

/** Horizontal and vertical rules of a page, pieces along one line merged. */
export function pageRules(graphics: Graphic[]): {horizontal: Rule[]; vertical: Rule[]} {
  const horizontal: Rule[] = []
  const vertical: Rule[] = []
  const edges = (box: BBox, weight: number): void => {
    horizontal.push({from: box[0], to: box[2], at: box[1], weight}, {from: box[0], to: box[2], at: box[3], weight})
    vertical.push({from: box[1], to: box[3], at: box[0], weight}, {from: box[1], to: box[3], at: box[2], weight})
  }
  const rects = graphics.filter((g) => g.kind === 'rect')
  for (const g of graphics) {
    const [x0, y0, x1, y1] = g.bbox
    if (g.kind === 'rule') {
      if (x1 - x0 >= y1 - y0) horizontal.push({from: x0, to: x1, at: (y0 + y1) / 2, weight: y1 - y0})
      else vertical.push({from: y0, to: y1, at: (x0 + x1) / 2, weight: x1 - x0})
      continue
    }
    // The cells of a grid of boxes (shaded or framed cells) rule the table by their edges.
    const abuts = rects.some((other) => other !== g && isGridNeighbour(g.bbox, other.bbox))
    if (abuts) edges(g.bbox, 0.5)
  }
  return {horizontal: mergeRules(horizontal), vertical: mergeRules(vertical)}
}

/**
 * Whether two boxes are cells of one grid: they share an edge, stand side by
 * side in one row (same top and bottom) with a narrow gap between them, or
 * are bands of one width stacked with a thin gap.
 */
export function isGridNeighbour(a: BBox, b: BBox): boolean {
  if (sharesEdge(a, b)) return true
  const sameRow = Math.abs(a[1] - b[1]) <= 2 && Math.abs(a[3] - b[3]) <= 2
  const gap = Math.max(a[0], b[0]) - Math.min(a[2], b[2])
  if (sameRow && gap >= 0 && gap <= 12) return true
  // Rows of one width stacked with a thin gap (bands of a table).
  const sameColumn = Math.abs(a[0] - b[0]) <= 2 && Math.abs(a[2] - b[2]) <= 2
  const rise = Math.max(a[1], b[1]) - Math.min(a[3], b[3])
  return sameColumn && rise >= 0 && rise <= 6
}

function sharesEdge(a: BBox, b: BBox): boolean {
  const overlapX = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
  const overlapY = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
  const touchX = Math.abs(a[2] - b[0]) <= 1.5 || Math.abs(b[2] - a[0]) <= 1.5
  const touchY = Math.abs(a[3] - b[1]) <= 1.5 || Math.abs(b[3] - a[1]) <= 1.5
  return (touchX && overlapY > 2) || (touchY && overlapX > 2)
}

function mergeRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from)
  const out: Rule[] = []
  for (const rule of sorted) {
    const same = out.find(
      (other) => Math.abs(other.at - rule.at) <= 1.5 && rule.from <= other.to + 6 && rule.to >= other.from - 6,
    )
    if (same) {
      same.from = Math.min(same.from, rule.from)
      same.to = Math.max(same.to, rule.to)
      same.weight = Math.max(same.weight, rule.weight)
    } else out.push({...rule})
  }
  return out
}

interface Placed {
  word: Word
  line: BodyLine
  cx: number
  cy: number
}

/**
 * Find the ruled tables of one page among its body lines (in reading order).
 * `barriers` are lines of the page that are no part of any table (notes at
 * its foot): rules on either side of one belong to different structures.
 */
export function findTables(page: LayoutPage, lines: BodyLine[], barriers: BodyLine[] = []): TableRegion[] {
  const graphics = page.graphics ?? []
  if (graphics.length === 0 || lines.length === 0) return []
  const {horizontal, vertical} = pageRules(graphics)
  const size = median(lines.map((line) => line.size)) ?? 10
  const groups: Rule[][] = []
  for (const rule of horizontal) {
    if (rule.to - rule.from < 100) continue
    const group = groups.find((candidate) => {
      const first = candidate[0]!
      const last = candidate[candidate.length - 1]!
      return (
        Math.abs(first.from - rule.from) <= 6 &&
        Math.abs(first.to - rule.to) <= 6 &&
        rule.at - last.at <= maxRowGap * (page.height || 792)
      )
    })
    if (group) group.push(rule)
    else groups.push([rule])
  }
  const tables: TableRegion[] = []
  const used = new Set<BodyLine>()
  for (const group of groups.flatMap((group) => splitAtProse(group, lines, size, barriers))) {
    if (group.length < 2) continue
    const table = readTable(page, lines, group, vertical, size, used)
    if (!table) continue
    for (const line of table.taken) used.add(line)
    for (const line of table.rest.keys()) used.add(line)
    tables.push(table)
  }
  return tables
}

/**
 * Rules of one width may stand above and below running text (a running
 * header's rule, a box's frame): where a line of running text (as wide as the
 * rules, without gaps between its words) stands between two of them, the
 * stack is cut there; so it is at a barrier line (a note under a table, over
 * the rule of the page's foot).
 */
function splitAtProse(group: Rule[], lines: BodyLine[], size: number, barriers: BodyLine[] = []): Rule[][] {
  const out: Rule[][] = [[group[0]!]]
  const minimum = Math.max(5, size * 0.75)
  for (let index = 1; index < group.length; index++) {
    const upper = group[index - 1]!
    const lower = group[index]!
    const width = lower.to - lower.from
    const between = (line: BodyLine) => {
      const middle = (line.top + line.bottom) / 2
      return middle > upper.at && middle < lower.at && line.x1 > lower.from && line.x0 < lower.to
    }
    const prose =
      barriers.some(between) ||
      lines.some((line) => {
        const middle = (line.top + line.bottom) / 2
        if (middle <= upper.at || middle >= lower.at || line.x1 < lower.from || line.x0 > lower.to) return false
        if (line.x1 - line.x0 < width * 0.7 || line.words.length < 5) return false
        // Sentences: words mostly in lower case (a row of column heads is not).
        const small = line.words.filter((word) => /^\p{Ll}/u.test(word.text)).length
        if (small < line.words.length * 0.5) return false
        for (let k = 1; k < line.words.length; k++) {
          if (line.words[k]!.bbox[0] - line.words[k - 1]!.bbox[2] >= minimum) return false
        }
        return true
      })
    if (prose) out.push([lower])
    else out[out.length - 1]!.push(lower)
  }
  return out.filter((part) => part.length >= 2)
}

function readTable(
  page: LayoutPage,
  lines: BodyLine[],
  group: Rule[],
  vertical: Rule[],
  size: number,
  used: Set<BodyLine>,
): TableRegion | null {
  const left = Math.min(...group.map((rule) => rule.from))
  const right = Math.max(...group.map((rule) => rule.to))
  const top = group[0]!.at
  const bottom = group[group.length - 1]!.at
  const inside = (x: number, y: number): boolean => x > left - 2 && x < right + 2 && y > top && y < bottom
  // Rows of a larger grid (an edge rule of theirs runs on past them, with cells beyond it) make no table of their own.
  const runsOn = (x: number, side: -1 | 1): boolean =>
    vertical.some(
      (rule) =>
        Math.abs(rule.at - x) <= 3 &&
        rule.from <= top + 2 &&
        rule.to >= bottom - 2 &&
        (rule.from < top - size * 1.5 || rule.to > bottom + size * 1.5),
    ) &&
    lines.some((line) =>
      line.words.some((word) => {
        const cx = ((word.bbox[0] + word.bbox[2]) / 2 - x) * side
        const cy = (word.bbox[1] + word.bbox[3]) / 2
        return cx > 2 && cx < 60 && cy > top && cy < bottom
      }),
    )
  if (runsOn(left, -1) || runsOn(right, 1)) return null
  const placed: Placed[] = []
  for (const line of lines) {
    if (used.has(line)) continue
    for (const word of line.words) {
      const cx = (word.bbox[0] + word.bbox[2]) / 2
      const cy = (word.bbox[1] + word.bbox[3]) / 2
      if (inside(cx, cy)) placed.push({word, line, cx, cy})
    }
  }
  if (placed.length < 4) return null
  // A listing set in a fixed-width font between rules is code, not a table.
  const code = (text: string) =>
    /^(?:[\p{Lu}_][\p{Lu}\d_.]+|[(){};=|,'+\-*/<>]+|'[^']*')$/u.test(text) ||
    /^[\p{L}\d]*_[\p{L}\d_.=’']*,?$/u.test(text)
  if (placed.filter((p) => p.word.font.monospace || code(p.word.text)).length > placed.length * 0.5) return null
  // Figures standing beside the table (a table set in blocks side by side whose rules do not
  // all read) make a structure larger than this one: its text stays as it is.
  const beside = lines.filter((line) => {
    if (line.bottom <= top || line.top >= bottom) return false
    return line.words.some((word) => {
      const cx = (word.bbox[0] + word.bbox[2]) / 2
      return (cx < left - 2 && cx > left - 40) || (cx > right + 2 && cx < right + 40)
    })
  })
  const numeric = (line: BodyLine) =>
    line.words.filter((word) => /\d/.test(word.text)).length >= line.words.length * 0.5
  if (beside.length >= 3 && beside.filter(numeric).length >= beside.length * 0.5) return null
  // Rows: between the rules; a body that only a middle rule sets off is split by its lines.
  const cuts = group.map((rule) => rule.at)
  const segments: Placed[][] = []
  for (let index = 1; index < cuts.length; index++) {
    const segment = placed.filter((p) => p.cy > cuts[index - 1]! && p.cy < cuts[index]!)
    if (segment.length > 0) segments.push(segment)
  }
  // Rows hold text: rules with empty bands between them (a chart's grid) are no table.
  if (segments.length === 0 || segments.length < (cuts.length - 1) * 0.6) return null
  // Columns: inner vertical rules that run down the table, else the gaps between words.
  const inner = vertical
    .filter((rule) => rule.at > left + 3 && rule.at < right - 3)
    .filter((rule) => Math.min(rule.to, bottom) - Math.max(rule.from, top) >= 0.6 * (bottom - top))
    .map((rule) => rule.at)
  // Columns inside the ruled ones (a ruled group of figures) come from the gaps between words.
  const ruled = [left, ...inner.sort((a, b) => a - b), right]
  // Gaps are measured in the table's own type (a large title between rules has wide word spaces).
  const own = median(placed.map((p) => p.word.size)) ?? size
  const gaps = wordGaps(segments, own).filter((bound) => {
    const from = ruled.filter((x) => x < bound).pop() ?? left
    const to = ruled.find((x) => x > bound) ?? right
    return placed.some((p) => p.cx > from && p.cx < bound) && placed.some((p) => p.cx > bound && p.cx < to)
  })
  const candidates = [...inner, ...gaps].sort((a, b) => a - b)
  // A run of bullets alone marks the lists in the cells right of it: no column of its own.
  const bounds = candidates.filter((bound, index) => {
    if (inner.includes(bound)) return true
    const from = candidates[index - 1] ?? left
    const words = placed.filter((p) => p.cx > from && p.cx < bound)
    return words.length === 0 || !words.every((p) => bullet.test(p.word.text))
  })
  const columns = bounds.length + 1
  if (columns < 2) return null
  const column = (p: Placed): number => bounds.filter((bound) => p.cx > bound).length
  // A segment is one row when rules part every row (three bands and more, none much taller than
  // the others); a body under a lone middle rule has a row a line.
  const heights = segments.map(
    (segment) => Math.max(...segment.map((p) => p.cy)) - Math.min(...segment.map((p) => p.cy)),
  )
  const usual = median(heights) ?? 0
  const ruledRows = segments.length >= 3 && heights.every((height) => height <= Math.max(usual * 3, size * 2))
  const rows: Placed[][][] = []
  segments.forEach((segment, index) => {
    let bands = ruledRows || (index === 0 && segments.length > 1) ? [segment] : splitBands(segment, column, size)
    // Rules around groups of rows: lines that each fill (nearly) every column are rows of their own.
    if (ruledRows && index > 0) {
      const lines = lineBands(segment, size)
      const fills = (band: Placed[]) => new Set(band.map(column)).size
      const full = lines.filter((band) => fills(band) >= Math.max(2, columns * 0.8))
      // A label set between the lines of its group (one cell) goes with the nearest of them.
      // (Lines of figures only: lines of words filling every column are the lines of long cells.)
      const figures = segment.filter((p) => /\d/.test(p.word.text)).length >= segment.length * 0.5
      if (
        columns >= 3 &&
        figures &&
        full.length > 1 &&
        lines.every((band) => full.includes(band) || fills(band) <= 1)
      ) {
        const middle = (band: Placed[]) => band.reduce((sum, p) => sum + p.cy, 0) / band.length
        for (const band of lines) {
          if (full.includes(band)) continue
          const nearest = [...full].sort(
            (a, b) => Math.abs(middle(a) - middle(band)) - Math.abs(middle(b) - middle(band)),
          )[0]!
          nearest.push(...band)
        }
        bands = full
      }
    }
    for (const band of bands) {
      const cells: Placed[][] = Array.from({length: columns}, () => [])
      for (const p of band) cells[column(p)]!.push(p)
      rows.push(cells)
    }
  })
  // A title set over the heads inside the rules (one centred line over a full row of heads) is the caption.
  let title: Placed[] = []
  if (rows.length >= 3) {
    const first = rows[0]!.flat()
    const filled = (row: Placed[][]) => row.filter((cell) => cell.length > 0).length
    const x0 = Math.min(...first.map((p) => p.word.bbox[0]))
    const x1 = Math.max(...first.map((p) => p.word.bbox[2]))
    const oneLine = Math.max(...first.map((p) => p.cy)) - Math.min(...first.map((p) => p.cy)) < size * 0.5
    const centred = Math.abs((x0 + x1) / 2 - (left + right) / 2) < (right - left) * 0.08
    if (oneLine && centred && filled(rows[0]!) <= 2 && filled(rows[1]!) >= 3) title = rows.shift()!.flat()
  }
  if (rows.length < 2) return null
  // Every column holds text, and most rows fill two cells and more.
  for (let index = 0; index < columns; index++) if (!rows.some((row) => row[index]!.length > 0)) return null
  const full = rows.filter((row) => row.filter((cell) => cell.length > 0).length >= 2).length
  if (full < rows.length / 2) return null
  // Running text set in columns between rules (a back cover, a letter) goes on from row to row:
  // most cells of a column then open in lower case.
  for (let index = 0; index < columns; index++) {
    const opening = rows
      .map((row) => [...row[index]!].sort((a, b) => a.cy - b.cy || a.cx - b.cx)[0])
      .filter((p): p is Placed => p !== undefined)
    const lower = opening.filter((p) => /^\p{Ll}/u.test(p.word.text)).length
    if (opening.length >= 4 && lower >= opening.length * 0.4) return null
  }
  // Lines that run out of the table keep their words outside it as running text.
  const taken = new Set<BodyLine>()
  const rest = new Map<BodyLine, BodyLine>()
  const byLine = new Map<BodyLine, Set<Word>>()
  for (const p of placed) {
    const set = byLine.get(p.line) ?? new Set<Word>()
    set.add(p.word)
    byLine.set(p.line, set)
  }
  for (const [line, words] of byLine) {
    if (words.size === line.words.length) taken.add(line)
    else {
      const outside = line.words.filter((word) => !words.has(word))
      rest.set(line, lineOfWords(line, outside))
    }
  }
  const header = headerRow(rows, group, page, [left, top, right, bottom])
  const found = findCaption(lines, [left, top, right, bottom], size, used, byLine)
  const caption = found.length > 0 || title.length === 0 ? found : cellLines(title)
  const region: TableRegion = {
    page: page.number,
    bbox: [left, top, right, bottom],
    rows: rows.map((row, index) => ({header: index === 0 && header, cells: row.map((cell) => cellLines(cell))})),
    caption,
    taken,
    rest,
  }
  return region
}

/**
 * Column bounds: the middles of the runs across the table that the words of
 * (nearly) every line leave free. A word spanning columns (a head over
 * several) may cross a run, so one line in seven may, but a bound never
 * falls in the word space between two words of one line.
 */
function wordGaps(segments: Placed[][], size: number): number[] {
  const placed = segments.flat()
  if (placed.length === 0) return []
  const bands: Placed[][] = []
  for (const p of [...placed].sort((a, b) => a.cy - b.cy)) {
    const band = bands[bands.length - 1]
    if (band && Math.abs(p.cy - band[0]!.cy) <= size * 0.45) band.push(p)
    else bands.push([p])
  }
  const left = Math.floor(Math.min(...placed.map((p) => p.word.bbox[0])))
  const right = Math.ceil(Math.max(...placed.map((p) => p.word.bbox[2])))
  if (right - left > 4000) return []
  const cover = new Array<number>(right - left + 1).fill(0)
  for (const band of bands) {
    const seen = new Uint8Array(cover.length)
    for (const p of band) {
      for (let x = Math.ceil(p.word.bbox[0]) - left; x <= Math.floor(p.word.bbox[2]) - left; x++) seen[x] = 1
    }
    seen.forEach((value, x) => {
      cover[x] = (cover[x] ?? 0) + value
    })
  }
  const allowed = Math.floor(bands.length / 7)
  const minimum = Math.max(3.5, size * 0.4)
  const bounds: number[] = []
  let start = -1
  for (let x = 0; x < cover.length; x++) {
    const free = (cover[x] ?? 0) <= allowed
    if (free && start < 0) start = x
    if ((!free || x === cover.length - 1) && start >= 0) {
      const end = free ? x : x - 1
      if (start > 0 && end < cover.length - 1 && end - start + 1 >= minimum) {
        // Within the run, the middle of the longest stretch that the fewest lines cross.
        let least = Number.POSITIVE_INFINITY
        for (let k = start; k <= end; k++) least = Math.min(least, cover[k] ?? 0)
        let best: [number, number] = [start, end]
        let bestLength = -1
        let from = -1
        for (let k = start; k <= end + 1; k++) {
          const low = k <= end && (cover[k] ?? 0) === least
          if (low && from < 0) from = k
          if (!low && from >= 0) {
            if (k - from > bestLength) {
              best = [from, k - 1]
              bestLength = k - from
            }
            from = -1
          }
        }
        bounds.push(left + (best[0] + best[1] + 1) / 2)
      }
      start = -1
    }
  }
  // A bound never parts two words of a line set a word space apart (a head of several words).
  return bounds.filter((bound) =>
    bands.every((band) => {
      const words = band.map((p) => p.word).sort((a, b) => a.bbox[0] - b.bbox[0])
      for (let index = 1; index < words.length; index++) {
        const before = words[index - 1]!.bbox[2]
        const after = words[index]!.bbox[0]
        if (before <= bound && after >= bound && after - before < minimum) return false
      }
      return true
    }),
  )
}

/** Words grouped by line (vertical middles within half a size), top to bottom. */
function lineBands(segment: Placed[], size: number): Placed[][] {
  const bands: Placed[][] = []
  for (const p of [...segment].sort((a, b) => a.cy - b.cy || a.cx - b.cx)) {
    const band = bands[bands.length - 1]
    const middle = band ? band.reduce((sum, q) => sum + q.cy, 0) / band.length : 0
    if (band && Math.abs(p.cy - middle) <= size * 0.45) band.push(p)
    else bands.push([p])
  }
  return bands
}

const bullet = /^[•●▪■◦○‣∙·]$/u

/**
 * Rows of a body without rules between them: a row per line of text, unless
 * its cells hold lists (then the body is one row), and a line that only goes
 * on with the cells above it (starting in lower case, or without the label
 * that most rows carry in the first column, filling few cells) joins their row.
 */
function splitBands(segment: Placed[], column: (p: Placed) => number, size: number): Placed[][] {
  const sorted = [...segment].sort((a, b) => a.cy - b.cy || a.cx - b.cx)
  const bands: Placed[][] = []
  for (const p of sorted) {
    const band = bands[bands.length - 1]
    const middle = band ? band.reduce((sum, q) => sum + q.cy, 0) / band.length : 0
    if (band && Math.abs(p.cy - middle) <= size * 0.45) band.push(p)
    else bands.push([p])
  }
  if (bands.length < 2) return bands
  // Cells holding lists: a bullet opens lines in some column.
  const bulletLines = bands.filter((band) => {
    const first = new Map<number, Placed>()
    for (const p of [...band].sort((a, b) => a.cx - b.cx)) if (!first.has(column(p))) first.set(column(p), p)
    // A bullet before text in its cell (a dash alone in a cell is an empty value).
    return [...first.values()].some(
      (p) => bullet.test(p.word.text) && band.some((q) => q !== p && column(q) === column(p) && q.cx > p.cx),
    )
  }).length
  if (bulletLines >= 2) return [segment]
  const labelled =
    bands[0]!.some((p) => column(p) === 0) &&
    bands.filter((band) => band.some((p) => column(p) === 0)).length >= bands.length * 0.5
  const out: Placed[][] = [bands[0]!]
  for (const band of bands.slice(1)) {
    const previous = out[out.length - 1]!
    const columns = new Set(band.map(column))
    const above = new Set(previous.map(column))
    const goesOn = [...columns].every((index) => {
      if (!above.has(index)) return false
      const first = band.filter((p) => column(p) === index).sort((a, b) => a.cx - b.cx)[0]!
      const last = previous.filter((p) => column(p) === index).sort((a, b) => a.cy - b.cy || a.cx - b.cx)
      const end = last[last.length - 1]!.word.text
      return /^[\p{Ll}(]/u.test(first.word.text) || /[-–,/&]$/u.test(end)
    })
    // Where the first column labels the rows, a line without a label goes on with the row above.
    const unlabelled =
      labelled &&
      !columns.has(0) &&
      above.has(0) &&
      columns.size <= above.size / 2 &&
      [...columns].every((index) => above.has(index))
    if (goesOn || unlabelled) previous.push(...band)
    else out.push(band)
  }
  return out
}

/** The first row is a header when it is set apart: bold over a lighter body, shaded alone, or ruled off more heavily. */
function headerRow(rows: Placed[][][], group: Rule[], page: LayoutPage, box: BBox): boolean {
  const first = rows[0]!.flat()
  const body = rows.slice(1).flat().flat()
  const boldShare = (items: Placed[]): number => {
    const letters = items.reduce((sum, p) => sum + p.word.text.length, 0)
    const bold = items.filter((p) => p.word.font.bold).reduce((sum, p) => sum + p.word.text.length, 0)
    return letters === 0 ? 0 : bold / letters
  }
  if (boldShare(first) >= 0.6 && boldShare(body) < 0.3) return true
  // Labels over figures: no digit in the first row, digits in most rows under it.
  const digits = (items: Placed[]): boolean => items.some((p) => /\d/.test(p.word.text))
  const numeric = rows.slice(1).filter((row) => digits(row.flat())).length
  if (rows.length >= 3 && !digits(first) && numeric >= (rows.length - 1) * 0.6) return true
  const firstTop = Math.min(...first.map((p) => p.word.bbox[1]))
  const firstBottom = Math.max(...first.map((p) => p.word.bbox[3]))
  const shaded = (top: number, bottom: number): boolean =>
    (page.graphics ?? []).some(
      (g) =>
        g.fill !== undefined &&
        g.kind === 'rect' &&
        g.bbox[1] <= top + 1 &&
        g.bbox[3] >= bottom - 1 &&
        g.bbox[0] < box[2] &&
        g.bbox[2] > box[0],
    )
  if (shaded(firstTop, firstBottom) && !body.some((p) => shaded(p.word.bbox[1], p.word.bbox[3]))) return true
  // A rule under the first row heavier than those between the other rows.
  if (group.length >= 3) {
    const under = group.find((rule) => rule.at > firstBottom)
    const others = group.filter((rule) => rule !== under && rule !== group[0] && rule !== group[group.length - 1])
    if (
      under &&
      under !== group[group.length - 1] &&
      (others.length === 0 || others.every((rule) => rule.weight < under.weight))
    )
      return boldShare(first) >= 0.3 || others.length === 0
  }
  return false
}

/** The caption printed over the table (or under it): a `Table 3.` line with the lines that go on from it. */
function findCaption(
  lines: BodyLine[],
  box: BBox,
  size: number,
  used: Set<BodyLine>,
  inTable: Map<BodyLine, Set<Word>>,
): BodyLine[] {
  const free = lines.filter((line) => !used.has(line) && !inTable.has(line))
  const overlaps = (line: BodyLine) => line.x1 > box[0] - 10 && line.x0 < box[2] + 10
  // Above: the lines close over the top, the caption opening the nearest run of them.
  const above = free
    .filter((line) => overlaps(line) && line.bottom <= box[1] + 1 && line.bottom >= box[1] - size * 6)
    .sort((a, b) => a.top - b.top)
  for (let index = 0; index < above.length; index++) {
    const line = above[index]!
    if (!captionEntry.test(line.text.trim())) continue
    const run = above.slice(index)
    // The caption runs down to the table without a wide gap.
    let ok = true
    for (let k = 1; k < run.length; k++) if (run[k]!.top - run[k - 1]!.bottom > size * 1.2) ok = false
    if (ok && box[1] - run[run.length - 1]!.bottom <= size * 2.5) return run
  }
  // (A caption of several lines runs on past the first lines under the table.)
  const below = free.filter((line) => overlaps(line) && line.top >= box[3] - 1).sort((a, b) => a.top - b.top)
  const first = below[0]
  if (
    first &&
    first.top <= box[3] + size * 2.5 &&
    /^(?:table|tabelle|tableau|cuadro)\s*[\dA-Z]/i.test(first.text.trim())
  ) {
    const run = [first]
    for (const line of below.slice(1)) {
      if (line.top - run[run.length - 1]!.bottom > size * 0.8) break
      run.push(line)
    }
    return run
  }
  return []
}

/** A cell's words as lines, top to bottom, each left to right. */
function cellLines(cell: Placed[]): BodyLine[] {
  const sorted = [...cell].sort((a, b) => a.word.bbox[3] - b.word.bbox[3] || a.cx - b.cx)
  const groups: Placed[][] = []
  for (const p of sorted) {
    const group = groups.find((candidate) => {
      const base = candidate[0]!.word
      const overlap = Math.min(base.bbox[3], p.word.bbox[3]) - Math.max(base.bbox[1], p.word.bbox[1])
      return overlap > 0.5 * Math.min(base.bbox[3] - base.bbox[1], p.word.bbox[3] - p.word.bbox[1])
    })
    if (group) group.push(p)
    else groups.push([p])
  }
  return groups
    .sort((a, b) => a[0]!.cy - b[0]!.cy)
    .map((group) => {
      const ordered = group.sort((a, b) => a.word.bbox[0] - b.word.bbox[0])
      const from = ordered[0]!.line
      return lineOfWords(
        from,
        ordered.map((p) => p.word),
      )
    })
}

/** A body line made of some words of another (its page and index kept). */
export function lineOfWords(from: BodyLine, words: Word[]): BodyLine {
  const copies = words.map((word, index) => {
    const copy: Word = {...word}
    if (index === 0) delete copy.attached
    return copy
  })
  let box: BBox = [...copies[0]!.bbox]
  for (const word of copies) {
    box = [
      Math.min(box[0], word.bbox[0]),
      Math.min(box[1], word.bbox[1]),
      Math.max(box[2], word.bbox[2]),
      Math.max(box[3], word.bbox[3]),
    ]
  }
  let text = ''
  for (const [index, word] of copies.entries()) text += (index > 0 && !word.attached ? ' ' : '') + word.text
  const sizes = new Map<number, number>()
  for (const word of copies) sizes.set(word.size, (sizes.get(word.size) ?? 0) + word.text.length)
  const size = [...sizes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? from.size
  const line: Line = {text, bbox: box, words: copies, size, dir: from.line.dir, baseline: from.baseline}
  if (from.line.angle !== undefined) line.angle = from.line.angle
  return toBodyLine(from.page, from.index, line)
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** The table as a tree node: a `figure` with its caption when one is printed, else the bare `table`. */
export function tableNode(region: TableRegion, inline: (lines: BodyLine[]) => PhrasingContent[]): Figure | Table {
  const rows: TableRow[] = region.rows.map((row) => ({
    type: 'tableRow',
    children: row.cells.map((lines): TableCell => {
      const cell: TableCell = {type: 'tableCell', children: lines.length > 0 ? inline(lines) : []}
      if (row.header) cell.header = true
      return cell
    }),
  }))
  const table: Table = {type: 'table', children: rows, data: {source: source(region.page, [region.bbox])}}
  if (region.caption.length === 0) return table
  const caption: Caption = {type: 'caption', children: inline(region.caption)}
  return {
    type: 'figure',
    children: [table, caption],
    data: {source: source(region.page, [region.bbox, ...region.caption.map((line) => line.line.bbox)])},
  }
}
