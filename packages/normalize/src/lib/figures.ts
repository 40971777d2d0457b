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

/** Short lines set inside a drawing (callout labels) belong to it, not to the running text. */
export function isFigureLabel(line: BodyLine, regions: BBox[], bodySize: number): boolean {
  // Labels are short and set smaller than the text around the drawing.
  if (line.text.length > 60 || line.size >= bodySize * 0.95) return false
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
