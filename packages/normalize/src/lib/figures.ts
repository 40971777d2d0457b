import type {BBox, LayoutPage} from '@folio/extract'
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
