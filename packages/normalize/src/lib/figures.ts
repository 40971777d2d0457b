import type {BBox, LayoutPage, Line, Word} from '@folio/extract'
import type {BodyLine} from './model.js'

/**
 * The regions of a page that images cover, pieces of one drawing merged:
 * boxes that touch or nearly touch become one. Page backgrounds and specks
 * are left out.
 */
export function figureRegions(page: LayoutPage): BBox[] {
  const area = (box: BBox) => Math.max(0, box[2] - box[0]) * Math.max(0, box[3] - box[1])
  const pageArea = (page.width || 612) * (page.height || 792)
  let regions: BBox[] = page.images
    .map((image) => image.bbox)
    .filter((box) => area(box) > 400 && area(box) < pageArea * 0.8)
    .map((box) => [...box] as BBox)
  let merged = true
  while (merged) {
    merged = false
    const next: BBox[] = []
    for (const box of regions) {
      const near = next.find(
        (other) =>
          box[0] <= other[2] + 12 && other[0] <= box[2] + 12 && box[1] <= other[3] + 12 && other[1] <= box[3] + 12,
      )
      if (near) {
        near[0] = Math.min(near[0], box[0])
        near[1] = Math.min(near[1], box[1])
        near[2] = Math.max(near[2], box[2])
        near[3] = Math.max(near[3], box[3])
        merged = true
      } else next.push(box)
    }
    regions = next
  }
  return regions
}

/**
 * Short lines set inside a drawing (callout labels) belong to it, not to the
 * running text. Lines of a text run (`textRuns`) are never labels: a block of
 * sentences set over a picture, or a list set beside its icons, is read.
 */
export function isFigureLabel(
  line: BodyLine,
  regions: BBox[],
  bodySize: number,
  runs: ReadonlySet<BodyLine> = new Set(),
): boolean {
  // Labels are short and set smaller than the text around the drawing.
  if (line.text.length > 60 || line.size >= bodySize * 0.95 || runs.has(line)) return false
  const cx = (line.x0 + line.x1) / 2
  const cy = (line.top + line.bottom) / 2
  return regions.some((box) => cx > box[0] && cx < box[2] && cy > box[1] && cy < box[3])
}

/** The drawing a caption belongs to: the region just above or below it on its page. */
export function regionOfCaption(lines: BodyLine[], regions: BBox[]): BBox | null {
  const top = Math.min(...lines.map((line) => line.top))
  const bottom = Math.max(...lines.map((line) => line.bottom))
  const x0 = Math.min(...lines.map((line) => line.x0))
  const x1 = Math.max(...lines.map((line) => line.x1))
  let best: BBox | null = null
  let bestGap = 40
  for (const box of regions) {
    if (box[2] < x0 - 20 || box[0] > x1 + 20) continue
    const gap = top >= box[3] ? top - box[3] : box[1] >= bottom ? box[1] - bottom : 0
    if (gap < bestGap) {
      best = box
      bestGap = gap
    }
  }
  return best
}

/** Lines in a run this long, with this many lines of some length, are running text. */
const runLines = 3
const longLine = 35

/**
 * Lines that stand in a run of running text: stacked at the spacing of one
 * paragraph (the gap under a line less than its size), in one type size,
 * overlapping across, at least three of them with two of some length. Labels
 * of a drawing stand apart or are a word or two each.
 */
export function textRuns(lines: readonly BodyLine[]): Set<BodyLine> {
  const out = new Set<BodyLine>()
  const byPage = new Map<number, BodyLine[]>()
  for (const line of lines) {
    const list = byPage.get(line.page.number)
    if (list) list.push(line)
    else byPage.set(line.page.number, [line])
  }
  for (const pageLines of byPage.values()) {
    const sorted = [...pageLines].sort((a, b) => a.top - b.top || a.x0 - b.x0)
    // Union-find over lines stacked one under the other.
    const parent = sorted.map((_, index) => index)
    const find = (index: number): number => {
      while (parent[index] !== index) {
        parent[index] = parent[parent[index]!]!
        index = parent[index]!
      }
      return index
    }
    for (let a = 0; a < sorted.length; a++) {
      const upper = sorted[a]!
      for (let b = a + 1; b < sorted.length; b++) {
        const lower = sorted[b]!
        const gap = lower.top - upper.bottom
        if (gap > upper.size) break
        if (gap < -0.3 * upper.size || Math.abs(lower.size - upper.size) > 0.6) continue
        const overlap = Math.min(upper.x1, lower.x1) - Math.max(upper.x0, lower.x0)
        if (overlap < 0.5 * Math.min(upper.x1 - upper.x0, lower.x1 - lower.x0)) continue
        parent[find(b)] = find(a)
      }
    }
    const groups = new Map<number, BodyLine[]>()
    sorted.forEach((line, index) => {
      const root = find(index)
      const group = groups.get(root)
      if (group) group.push(line)
      else groups.set(root, [line])
    })
    for (const group of groups.values()) {
      if (group.length < runLines) continue
      if (group.filter((line) => line.text.trim().length >= longLine).length < 2) continue
      for (const line of group) out.add(line)
    }
  }
  return out
}

/** A picture of a grid of pictograms and the lines labelling it. */
export interface PictureCell {
  box: BBox
  lines: Line[]
}

/** Pictograms set side by side in rows, each with its labels: a table drawn as pictures. */
export interface PictureGrid {
  page: number
  region: BBox
  cells: PictureCell[]
}

const contains = (outer: BBox, inner: BBox) =>
  inner[0] >= outer[0] - 1 && inner[1] >= outer[1] - 1 && inner[2] <= outer[2] + 1 && inner[3] <= outer[3] + 1

/**
 * Pictograms of one size set side by side in rows (three at least, two in a
 * row), each labelled by short lines set small above, in or under it (a
 * rating over an icon, its name under it). Labels are read from the page's
 * own lines, word by word, so labels of neighbouring pictures painted as
 * one line part again.
 */
export function pictureGrids(page: LayoutPage, bodySize: number): PictureGrid[] {
  const width = page.width || 612
  let boxes = page.images
    .map((image) => image.bbox)
    .filter((box) => box[2] - box[0] >= 30 && box[3] - box[1] >= 30 && box[2] - box[0] <= width * 0.4)
  boxes = boxes.filter(
    (box, index) =>
      !boxes.some((other, at) => at !== index && contains(other, box) && (!contains(box, other) || at < index)),
  )
  const similar = (a: BBox, b: BBox) =>
    Math.abs(a[2] - a[0] - (b[2] - b[0])) <= 0.25 * (a[2] - a[0]) &&
    Math.abs(a[3] - a[1] - (b[3] - b[1])) <= 0.25 * (a[3] - a[1])
  const pictures = boxes.filter((box) => boxes.filter((other) => similar(box, other)).length >= 3)
  const sideBySide = pictures.some((box) =>
    pictures.some((other) => other !== box && Math.abs(other[1] - box[1]) <= 5 && other[0] >= box[2] - 10),
  )
  if (pictures.length < 3 || !sideBySide) return []
  const cells: PictureCell[] = pictures.map((box) => ({box, lines: []}))
  for (const line of page.lines) {
    if (line.size >= bodySize * 0.95 || line.angle !== undefined) continue
    const pieces = new Map<PictureCell, Word[]>()
    let previous: {word: Word; cell: PictureCell | null} | null = null
    let running = false
    for (const word of line.words) {
      const x = (word.bbox[0] + word.bbox[2]) / 2
      const y = (word.bbox[1] + word.bbox[3]) / 2
      let best: PictureCell | null = null
      let bestDistance = Number.POSITIVE_INFINITY
      for (const cell of cells) {
        const [x0, y0, x1, y1] = cell.box
        if (x < x0 || x > x1 || y < y0 - line.size * 2 || y > y1 + line.size * 4) continue
        const distance = y < y0 ? y0 - y : y > y1 ? y - y1 : 0
        if (distance < bestDistance) {
          best = cell
          bestDistance = distance
        }
      }
      // Words of one line run on from picture to picture (a caption over them): no labels.
      if (previous && previous.cell !== best && word.bbox[0] - previous.word.bbox[2] < line.size * 1.5) running = true
      previous = {word, cell: best}
      if (!best) continue
      const list = pieces.get(best) ?? []
      list.push(word)
      pieces.set(best, list)
    }
    if (running) continue
    for (const [cell, words] of pieces) cell.lines.push(pieceOf(line, words))
  }
  const labelled = cells.filter((cell) => cell.lines.length > 0)
  if (labelled.length < 3 || labelled.some((cell) => cell.lines.some((line) => line.text.length > 60))) return []
  labelled.sort((a, b) => (Math.abs(a.box[1] - b.box[1]) <= 5 ? a.box[0] - b.box[0] : a.box[1] - b.box[1]))
  for (const cell of labelled) cell.lines.sort((a, b) => a.baseline - b.baseline || a.bbox[0] - b.bbox[0])
  const region: BBox = [
    Math.min(...labelled.map((cell) => cell.box[0])),
    Math.min(...labelled.map((cell) => cell.box[1])),
    Math.max(...labelled.map((cell) => cell.box[2])),
    Math.max(...labelled.map((cell) => cell.box[3])),
  ]
  return [{page: page.number, region, cells: labelled}]
}

/** The words of a line that stand in one picture's place, as a line of their own. */
function pieceOf(line: Line, words: Word[]): Line {
  if (words.length === line.words.length) return line
  const copies = words.map((word, index) => {
    const copy: Word = {...word}
    if (index === 0) delete copy.attached
    return copy
  })
  let text = ''
  for (const [index, word] of copies.entries()) text += (index > 0 && !word.attached ? ' ' : '') + word.text
  const box: BBox = [
    Math.min(...copies.map((word) => word.bbox[0])),
    Math.min(...copies.map((word) => word.bbox[1])),
    Math.max(...copies.map((word) => word.bbox[2])),
    Math.max(...copies.map((word) => word.bbox[3])),
  ]
  return {text, bbox: box, words: copies, size: line.size, dir: line.dir, baseline: line.baseline}
}

/** Where a word stands: how the lines of the running text that a grid's labels come from are found. */
export function wordKey(page: number, word: Word): string {
  return `${page}:${word.bbox[0].toFixed(1)}:${word.bbox[1].toFixed(1)}`
}
