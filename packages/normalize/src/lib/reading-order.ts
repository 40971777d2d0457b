import type {Line, Word} from '@folio/extract'

/**
 * True when lines of some length stand side by side on the page: columns,
 * which keep the order the PDF paints them in. Some length is 120 points, or
 * ten ems for lines set in one size (the narrow columns of a boxed sidebar,
 * set small, are columns too; a gloss in the margin, set smaller than the
 * text beside it, is not).
 */
export function hasColumns(lines: Line[]): boolean {
  // A sample of the page's long lines is enough to see columns; it bounds the pairwise look.
  const long = lines.filter((line) => line.text.length >= 15).slice(0, 300)
  let pairs = 0
  for (let a = 0; a < long.length; a++) {
    const first = long[a]!
    for (let b = a + 1; b < long.length; b++) {
      const second = long[b]!
      const sameRow = first.bbox[1] < second.bbox[3] - 1 && second.bbox[1] < first.bbox[3] - 1
      const apart = first.bbox[2] < second.bbox[0] || second.bbox[2] < first.bbox[0]
      if (!sameRow || !apart) continue
      const width = Math.min(first.bbox[2] - first.bbox[0], second.bbox[2] - second.bbox[0])
      const sameSize = Math.abs(first.size - second.size) <= 0.05 * Math.max(first.size, second.size)
      if (width > 120 || (sameSize && width > 10 * first.size)) {
        pairs++
        if (pairs >= 2) return true
      }
    }
  }
  return false
}

function union(a: Line['bbox'], b: Line['bbox']): Line['bbox'] {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]
}

function joinWords(words: Word[]): string {
  let text = ''
  for (const [index, word] of words.entries()) {
    if (index > 0 && !word.attached) text += ' '
    text += word.text
  }
  return text
}

/**
 * Puts a single-column page's lines in reading order (top to bottom) and
 * merges pieces of one row: a bullet set apart from its text, a page number
 * tabbed away from a contents title, a raised footnote marker.
 */
export function orderLines(lines: Line[]): Line[] {
  if (lines.length < 2) return lines
  // Columns are seen on the lines as painted; a table's cells standing apart make no columns.
  if (hasColumns(lines)) {
    // Notes set in the margin are no column of their own.
    const margin = marginLines(lines)
    const rest = lines.filter((line) => !margin.has(line))
    if (margin.size === 0 || hasColumns(rest)) return xyCut(splitAtGutters(lines)).flatMap((leaf) => sortRows(leaf))
  }
  const margin = marginLines(lines)
  if (margin.size === 0) return sortRows(lines)
  // Notes set in the margin beside their lines are read after the text, as notes at the foot would be.
  return [...sortRows(lines.filter((line) => !margin.has(line))), ...sortRows([...margin])]
}

/**
 * Notes set in the margin of a single-column page: lines smaller than the
 * text, standing wholly beyond the edge where its lines end (or before the
 * edge where they begin), that open with a note's number or symbol, and the
 * lines that carry such a note on. A side note is set on the row of the line
 * that calls it; read as a piece of that row, it would run into it.
 */
export function marginLines(lines: Line[]): Set<Line> {
  const margin = new Set<Line>()
  const candidates: Line[] = []
  const weights = new Map<number, number>()
  for (const line of lines) weights.set(line.size, (weights.get(line.size) ?? 0) + line.text.length)
  const size = [...weights.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0]
  if (size === undefined) return margin
  const body = lines.filter(
    (line) => line.angle === undefined && line.size >= size * 0.95 && line.bbox[2] - line.bbox[0] >= size * columnWidth,
  )
  if (body.length < 3) return margin
  const quantile = (values: number[], share: number) =>
    values.sort((a, b) => a - b)[Math.floor(share * (values.length - 1))]!
  const right = quantile(
    body.map((line) => line.bbox[2]),
    0.75,
  )
  const left = quantile(
    body.map((line) => line.bbox[0]),
    0.25,
  )
  for (const line of lines) {
    if (line.angle !== undefined || line.size >= size * 0.9) continue
    const beyond = line.bbox[0] >= right + size
    const before = line.bbox[2] <= left - size
    if (!beyond && !before) continue
    // Text of the body's own size on the note's rows, in its place, makes a layout of two columns, not a margin.
    const crowded = body.some(
      (other) =>
        other.bbox[1] < line.bbox[3] &&
        line.bbox[1] < other.bbox[3] &&
        (beyond ? other.bbox[2] > line.bbox[0] : other.bbox[0] < line.bbox[2]),
    )
    if (!crowded) candidates.push(line)
  }
  // A note opens with its number or symbol; the lines right under it, at its edge, carry it on.
  candidates.sort((a, b) => a.bbox[1] - b.bbox[1])
  let open: Line | null = null
  for (const line of candidates) {
    const follows =
      open !== null &&
      line.bbox[1] - open.bbox[3] < line.size * 0.8 &&
      Math.abs(line.bbox[0] - open.bbox[0]) < line.size * 2
    if (noteStart.test(line.text) || follows) {
      margin.add(line)
      open = line
    } else open = null
  }
  return margin
}

/** The first words of a note: its number or symbol, then its text. */
const noteStart = /^(?:\d{1,3}|[*†‡§¶])\.?\s+\S/u

/**
 * Cuts lines that run over a column gutter: a PDF may paint the lines of
 * side-by-side columns as one text run, and extraction then joins words
 * across the gutter. A wide gap between two words is a gutter when the
 * lines around it leave that place empty too (few words stand on it, and
 * lines end before it and begin after it).
 */
export function splitAtGutters(lines: Line[]): Line[] {
  const out: Line[] = []
  for (const line of lines) {
    const words = line.words
    if (words.length < 2 || line.angle !== undefined || line.dir !== 'ltr') {
      out.push(line)
      continue
    }
    const wide = Math.max(6, line.size * 0.9)
    let gapCount = 0
    for (let index = 1; index < words.length; index++) {
      if (words[index]!.bbox[0] - words[index - 1]!.bbox[2] >= wide) gapCount++
    }
    // Four cells and more in a row are a table's row, read across (three columns have two gutters).
    if (gapCount === 0 || gapCount > 2) {
      out.push(line)
      continue
    }
    const cuts: number[] = []
    for (let index = 1; index < words.length; index++) {
      const left = words[index - 1]!.bbox[2]
      const right = words[index]!.bbox[0]
      if (right - left < wide) continue
      // A bullet or a number before its text stays with it.
      if (index - (cuts[cuts.length - 1] ?? 0) === 1 && marker.test(words[index - 1]!.text)) continue
      if (isGutter(lines, line, (left + right) / 2)) cuts.push(index)
    }
    if (cuts.length === 0) {
      out.push(line)
      continue
    }
    let start = 0
    for (const cut of [...cuts, words.length]) {
      out.push(lineOf(words.slice(start, cut), line))
      start = cut
    }
  }
  return out
}

/** A list bullet, a number or a letter: the label of an item or a note, never a column line of its own. */
const marker = /^(?:[\p{Pd}\p{So}•●▪■◦○‣∙·*†‡§]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]?)$/u

/** Whether the lines around `line` (a few lines up and down) leave `x` free, with text on both sides. */
function isGutter(lines: Line[], line: Line, x: number): boolean {
  const reach = line.size * 8
  const middle = (line.bbox[1] + line.bbox[3]) / 2
  let crossing = 0
  let leftSide = 0
  let rightSide = 0
  for (const other of lines) {
    if (other === line || other.angle !== undefined) continue
    if (Math.abs((other.bbox[1] + other.bbox[3]) / 2 - middle) > reach) continue
    if (other.bbox[2] <= x) leftSide++
    else if (other.bbox[0] >= x) rightSide++
    else if (other.words.some((word) => word.bbox[0] < x - 1 && word.bbox[2] > x + 1)) crossing++
    else {
      leftSide++
      rightSide++
    }
  }
  return leftSide >= 2 && rightSide >= 2 && crossing <= Math.max(1, (leftSide + rightSide) * 0.05)
}

/** A line made of some of the words of another. */
function lineOf(words: Word[], from: Line): Line {
  const copies = words.map((word, index) => {
    const copy: Word = {...word}
    if (index === 0) delete copy.attached
    return copy
  })
  let box = copies[0]!.bbox
  for (const word of copies) box = union(box, word.bbox)
  const sizes = new Map<number, number>()
  for (const word of copies) sizes.set(word.size, (sizes.get(word.size) ?? 0) + word.text.length)
  const size = [...sizes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? from.size
  const line: Line = {text: joinWords(copies), bbox: box, words: copies, size, dir: from.dir, baseline: from.baseline}
  if (from.angle !== undefined) line.angle = from.angle
  return line
}

/** Lines of one column (or a single-column page) top to bottom, pieces of a row merged. */
function sortRows(lines: Line[]): Line[] {
  const indexed = lines.map((line, index) => ({line, index}))
  indexed.sort((a, b) => a.line.baseline - b.line.baseline || a.line.bbox[0] - b.line.bbox[0] || a.index - b.index)
  const rows: Line[] = []
  for (const {line} of indexed) {
    const previous = rows[rows.length - 1]
    const badge = previous ? badgeBeside(previous, line) : null
    if (previous && badge) {
      rows[rows.length - 1] = mergeBadge(badge, badge === line ? previous : line)
      continue
    }
    if (previous && sameRow(previous, line)) {
      rows[rows.length - 1] = mergeRow(previous, line)
      continue
    }
    rows.push(line)
  }
  return rows
}

/**
 * A number or glyph set large at the left of a line of smaller text, standing
 * over its height (a numeral in a banner, a drop capital): of two lines read
 * one after the other, the one that is such a badge for the other, or null.
 */
function badgeBeside(a: Line, b: Line): Line | null {
  for (const [badge, text] of [
    [a, b],
    [b, a],
  ] as const) {
    if (badge.dir !== 'ltr' || text.dir !== 'ltr' || !/^\S{1,3}$/u.test(badge.text.trim())) continue
    if (text.text.trim().length < 4 || badge.size < text.size * 1.2) continue
    const middle = (text.bbox[1] + text.bbox[3]) / 2
    if (middle < badge.bbox[1] || middle > badge.bbox[3]) continue
    const gap = text.bbox[0] - badge.bbox[2]
    if (gap >= -0.5 && gap <= text.size * 2) return badge
  }
  return null
}

/** A badge put before the line beside it; the line keeps its size and baseline, so the line under it stays apart. */
function mergeBadge(badge: Line, text: Line): Line {
  const gap = text.bbox[0] - badge.bbox[2]
  const lead = badge.words.map((word, index) => {
    const copy: Word = {...word}
    if (index === 0) delete copy.attached
    return copy
  })
  const rest = text.words.map((word, index) => {
    const copy: Word = {...word}
    // A drop capital touches the rest of its word.
    if (index === 0) {
      if (gap < text.size * 0.25 && /^\p{L}$/u.test(badge.text.trim())) copy.attached = true
      else delete copy.attached
    }
    return copy
  })
  const words = [...lead, ...rest]
  return {
    text: joinWords(words),
    bbox: union(badge.bbox, text.bbox),
    words,
    size: text.size,
    dir: text.dir,
    baseline: text.baseline,
  }
}

function sameRow(a: Line, b: Line): boolean {
  if (a.dir !== b.dir) return false
  const size = Math.max(a.size, b.size)
  if (Math.abs(a.baseline - b.baseline) <= 0.3 * Math.min(a.size, b.size)) return true
  // A raised or lowered small line inside the other's height (a footnote marker).
  const small = a.size < b.size ? a : b
  const large = small === a ? b : a
  if (small.size > 0.85 * large.size) return false
  const middle = (small.bbox[1] + small.bbox[3]) / 2
  return middle >= large.bbox[1] - 0.1 * size && middle <= large.bbox[3] + 0.1 * size && /^\S{1,4}$/.test(small.text)
}

function mergeRow(a: Line, b: Line): Line {
  const large = a.size >= b.size ? a : b
  const small = large === a ? b : a
  const raised = small.size < 0.85 * large.size && small.bbox[3] < large.baseline - 0.1 * large.size
  const starts = new Set<Word>()
  const pieces = [a, b].map((line) =>
    line.words.map((word, index) => {
      const copy: Word = {...word}
      if (line === small && raised) copy.superscript = true
      if (index === 0) {
        delete copy.attached
        starts.add(copy)
      }
      return copy
    }),
  )
  const words = pieces.flat().sort((x, y) => x.bbox[0] - y.bbox[0])
  // A raised marker is glued to the word before it when it touches it.
  for (const [index, word] of words.entries()) {
    if (index === 0) delete word.attached
    else if (starts.has(word) && word.superscript) {
      const previous = words[index - 1]!
      if (word.bbox[0] - previous.bbox[2] < 0.3 * large.size) word.attached = true
    }
  }
  return {
    text: joinWords(words),
    bbox: union(a.bbox, b.bbox),
    words,
    size: large.size,
    dir: large.dir,
    baseline: large.baseline,
  }
}

/** Intervals of an axis that no line covers, between the first and the last line. */
function gaps(intervals: Array<[number, number]>, minimum: number): Array<[number, number]> {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0])
  const out: Array<[number, number]> = []
  let reach = sorted[0]?.[1] ?? 0
  for (const [start, end] of sorted.slice(1)) {
    if (start - reach >= minimum) out.push([reach, start])
    reach = Math.max(reach, end)
  }
  return out
}

function splitAt(lines: Line[], cuts: Array<[number, number]>, axis: 0 | 1): Line[][] {
  const parts: Line[][] = cuts.map(() => [])
  parts.push([])
  for (const line of lines) {
    const index = cuts.filter(([start]) => line.bbox[axis] >= start).length
    parts[index]!.push(line)
  }
  return parts.filter((part) => part.length > 0)
}

/**
 * Recursive XY-cut: split at a gutter that runs through the whole block
 * (columns, read left to right), else at a wide gap across it (bands, read
 * top to bottom), else at the few wide lines that cross an otherwise clear
 * gutter (a heading over two columns), until none is left.
 */
export function xyCut(lines: Line[], bodySize?: number): Line[][] {
  if (lines.length < 2) return [lines]
  const sizes = lines.map((line) => line.size).sort((a, b) => a - b)
  const size = bodySize ?? sizes[Math.floor(sizes.length / 2)] ?? 10
  const minimumGutter = Math.max(8, size * 0.8)
  // A wide gap across the whole block ends one run of columns and starts the next.
  const wide = splitAt(
    lines,
    gaps(
      lines.map((line) => [line.bbox[1], line.bbox[3]]),
      size * 2.5,
    ),
    1,
  )
  if (wide.length > 1) return wide.flatMap((band) => xyCut(band, size))
  const columns = splitAt(
    lines,
    gaps(
      lines.map((line) => [line.bbox[0], line.bbox[2]]),
      minimumGutter,
    ),
    0,
  )
  // Two narrow parts and more are a table's cells (one may be a strip of margin text).
  if (columns.length > 1 && columns.filter((column) => !textColumn(column, size)).length < 2) {
    return columns.flatMap((column) => xyCut(column, size))
  }
  const bands = splitAt(
    lines,
    gaps(
      lines.map((line) => [line.bbox[1], line.bbox[3]]),
      size * 1.5,
    ),
    1,
  )
  if (bands.length > 1) return bands.flatMap((band) => xyCut(band, size))
  // A gutter that only a few wide lines cross: those lines cut the block into bands.
  const byWidth = [...lines].sort((a, b) => b.bbox[2] - b.bbox[0] - (a.bbox[2] - a.bbox[0]))
  const limit = Math.min(3, Math.floor(lines.length * 0.15))
  for (let count = 1; count <= limit; count++) {
    const crossers = new Set(byWidth.slice(0, count))
    const rest = lines.filter((line) => !crossers.has(line))
    const gutter = gaps(
      rest.map((line) => [line.bbox[0], line.bbox[2]]),
      minimumGutter,
    )
    if (gutter.length === 0) continue
    const out: Line[][] = []
    let segment: Line[] = []
    for (const line of [...lines].sort((a, b) => a.bbox[1] - b.bbox[1])) {
      if (crossers.has(line)) {
        if (segment.length > 0) out.push(...xyCut(segment, size))
        out.push([line])
        segment = []
      } else segment.push(line)
    }
    if (segment.length > 0) out.push(...xyCut(segment, size))
    return out
  }
  return crossedGutter(lines, size, minimumGutter) ?? [lines]
}

/** Ems of the longest line that make a column of text: narrower, side by side, they are a table's cells, read by rows. */
const columnWidth = 8

function textColumn(lines: Line[], size: number): boolean {
  return lines.some((line) => line.bbox[2] - line.bbox[0] >= size * columnWidth)
}

/**
 * A gutter that more than a few lines cross (a heading, a table or a
 * worksheet set over the columns): a place on the x axis that few lines
 * cover, with text standing wholly on both sides of it. The lines that cover
 * it cut the block into bands, each read on its own, top to bottom.
 */
function crossedGutter(lines: Line[], size: number, minimumGutter: number): Line[][] | null {
  const left = Math.min(...lines.map((line) => line.bbox[0]))
  const right = Math.max(...lines.map((line) => line.bbox[2]))
  const limit = Math.max(1, Math.floor(lines.length * 0.2))
  let best: {x: number; crossers: number} | null = null
  for (let x = Math.ceil(left); x <= right; x++) {
    let crossers = 0
    let before = 0
    let after = 0
    for (const line of lines) {
      const text = line.bbox[2] - line.bbox[0] >= size * columnWidth
      if (line.bbox[2] < x - minimumGutter / 2) before += text ? 1 : 0
      else if (line.bbox[0] > x + minimumGutter / 2) after += text ? 1 : 0
      else if (line.bbox[0] < x && line.bbox[2] > x) crossers++
    }
    if (crossers > limit || before < 3 || after < 3) continue
    // The lines that stand near the gutter without covering it must leave it its width.
    const near = lines.some(
      (line) =>
        !(line.bbox[0] < x && line.bbox[2] > x) &&
        line.bbox[0] < x + minimumGutter / 2 &&
        line.bbox[2] > x - minimumGutter / 2,
    )
    if (near) continue
    if (!best || crossers < best.crossers) best = {x, crossers}
  }
  if (!best || best.crossers === 0) return null
  const x = best.x
  const crosses = (line: Line) => line.bbox[0] < x && line.bbox[2] > x
  // Spans of the page that crossing lines fill, rows close together making one span.
  const spans: Array<[number, number, number, number]> = []
  for (const line of lines.filter(crosses).sort((a, b) => a.bbox[1] - b.bbox[1])) {
    const last = spans[spans.length - 1]
    // Two spans are one when nothing stands under them on both sides of the gutter: a box whose short lines miss it.
    const joined =
      last &&
      (line.bbox[1] <= last[3] + size * 1.5 ||
        !sideBySide(lines, x, last[3], line.bbox[1], Math.min(last[0], line.bbox[0]), Math.max(last[2], line.bbox[2])))
    if (last && joined) {
      last[0] = Math.min(last[0], line.bbox[0])
      last[2] = Math.max(last[2], line.bbox[2])
      last[3] = Math.max(last[3], line.bbox[3])
    } else spans.push([line.bbox[0], line.bbox[1], line.bbox[2], line.bbox[3]])
  }
  // A band per span, with the lines beside it (a column going on past a box over the others), and one between spans.
  const bands = new Map<number, Line[]>()
  for (const line of lines) {
    const middle = (line.bbox[1] + line.bbox[3]) / 2
    let band = spans.findIndex(([, top, , bottom]) => middle >= top && middle <= bottom) * 2 + 1
    if (band < 0) band = spans.filter(([, top]) => top <= middle).length * 2
    const members = bands.get(band)
    if (members) members.push(line)
    else bands.set(band, [line])
  }
  if (bands.size < 2) return null
  return [...bands.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, band]) => xyCut(band, size))
}

/** Whether lines between `top` and `bottom` stand on both sides of `x`, under the extent `left`–`right` of what crosses it. */
function sideBySide(lines: Line[], x: number, top: number, bottom: number, left: number, right: number): boolean {
  let before = false
  let after = false
  for (const line of lines) {
    const middle = (line.bbox[1] + line.bbox[3]) / 2
    if (middle <= top || middle >= bottom) continue
    if (line.bbox[2] <= x && line.bbox[2] > left) before = true
    if (line.bbox[0] >= x && line.bbox[0] < right) after = true
  }
  return before && after
}
