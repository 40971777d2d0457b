/**
 * Drawn graphics from pdf.js path operations: the rectangles and straight
 * lines a page paints (table rulings, cell shading, the boxes around sidebars),
 * in top-down page coordinates. Other shapes (curves, diagonals, glyph-like
 * drawings) are left out: they carry no layout.
 */

import {apply, type Matrix} from './interpret.js'

/** pdf.js' DrawOPS codes inside a constructPath's path data. */
const MOVE_TO = 0
const LINE_TO = 1
const CURVE_TO = 2
const QUADRATIC_CURVE_TO = 3
const CLOSE_PATH = 4

/** A rule is at most this thick (points); a thicker box is a rectangle. */
export const RULE_THICKNESS = 2.5

/** Graphics kept per page at most: a page of hatching or a hostile PDF stays bounded. */
export const MAX_GRAPHICS = 5000

/** Path points read per constructPath at most (the rest of a huge path is ignored). */
const MAX_POINTS = 20000

export interface PathShape {
  kind: 'rect' | 'rule'
  bbox: [number, number, number, number]
  /** The outline is closed (a rectangle's four sides), not a single line. */
  closed: boolean
}

interface Segment {
  /** Straight (line) or curved. */
  curve: boolean
  x0: number
  y0: number
  x1: number
  y1: number
  /** Extent of the segment's control polygon. */
  box: [number, number, number, number]
}

/**
 * The shapes of one path (already in device space through `ctm`): each
 * subpath that is an axis-aligned rectangle (corners may be rounded) or a
 * straight horizontal or vertical line. `lineWidth` (device units) widens
 * stroked lines; `stroked` tells whether the path is stroked.
 */
export function pathShapes(data: ArrayLike<number>, ctm: Matrix, lineWidth: number, stroked: boolean): PathShape[] {
  const shapes: PathShape[] = []
  const length = Math.min(data.length, MAX_POINTS * 3)
  let segments: Segment[] = []
  let startX = 0
  let startY = 0
  let x = 0
  let y = 0
  let closed = false
  const finish = (): void => {
    if (segments.length > 0) {
      const shape = classify(segments, closed, stroked ? lineWidth : 0)
      if (shape) shapes.push(shape)
    }
    segments = []
    closed = false
  }
  const number = (index: number): number => {
    const value = Number(data[index])
    return Number.isFinite(value) ? value : Number.NaN
  }
  let i = 0
  while (i < length) {
    const op = data[i]
    if (op === MOVE_TO) {
      finish()
      ;[x, y] = apply(ctm, number(i + 1), number(i + 2))
      startX = x
      startY = y
      i += 3
    } else if (op === LINE_TO) {
      const [nx, ny] = apply(ctm, number(i + 1), number(i + 2))
      segments.push(segmentOf(false, [x, y, nx, ny]))
      x = nx
      y = ny
      i += 3
    } else if (op === CURVE_TO) {
      const [ax, ay] = apply(ctm, number(i + 1), number(i + 2))
      const [bx, by] = apply(ctm, number(i + 3), number(i + 4))
      const [nx, ny] = apply(ctm, number(i + 5), number(i + 6))
      segments.push(segmentOf(true, [x, y, ax, ay, bx, by, nx, ny]))
      x = nx
      y = ny
      i += 7
    } else if (op === QUADRATIC_CURVE_TO) {
      const [ax, ay] = apply(ctm, number(i + 1), number(i + 2))
      const [nx, ny] = apply(ctm, number(i + 3), number(i + 4))
      segments.push(segmentOf(true, [x, y, ax, ay, nx, ny]))
      x = nx
      y = ny
      i += 5
    } else if (op === CLOSE_PATH) {
      if (Math.hypot(x - startX, y - startY) > 0.01) segments.push(segmentOf(false, [x, y, startX, startY]))
      closed = true
      x = startX
      y = startY
      i += 1
    } else break // Unknown code: the rest cannot be read reliably.
  }
  finish()
  return shapes
}

function segmentOf(curve: boolean, points: number[]): Segment {
  const xs = points.filter((_, index) => index % 2 === 0)
  const ys = points.filter((_, index) => index % 2 === 1)
  return {
    curve,
    x0: points[0] ?? 0,
    y0: points[1] ?? 0,
    x1: points[points.length - 2] ?? 0,
    y1: points[points.length - 1] ?? 0,
    box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
  }
}

function classify(segments: Segment[], closed: boolean, width: number): PathShape | null {
  let x0 = Number.POSITIVE_INFINITY
  let y0 = Number.POSITIVE_INFINITY
  let x1 = Number.NEGATIVE_INFINITY
  let y1 = Number.NEGATIVE_INFINITY
  for (const segment of segments) {
    x0 = Math.min(x0, segment.box[0])
    y0 = Math.min(y0, segment.box[1])
    x1 = Math.max(x1, segment.box[2])
    y1 = Math.max(y1, segment.box[3])
  }
  if (![x0, y0, x1, y1].every(Number.isFinite)) return null
  const w = x1 - x0
  const h = y1 - y0
  const axis = (s: Segment): boolean => Math.abs(s.x1 - s.x0) < 0.5 || Math.abs(s.y1 - s.y0) < 0.5
  // Curves only at the corners: each small beside the box (a circle's quarters are half of it).
  const corner = (s: Segment): boolean =>
    s.box[2] - s.box[0] <= Math.max(1, 0.3 * w) && s.box[3] - s.box[1] <= Math.max(1, 0.3 * h)
  if (!segments.every((s) => (s.curve ? corner(s) : axis(s)))) return null
  const pad = width / 2
  const bbox: [number, number, number, number] = [x0 - pad, y0 - pad, x1 + pad, y1 + pad]
  const thick = Math.min(bbox[2] - bbox[0], bbox[3] - bbox[1])
  const long = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1])
  if (long < 1) return null // a dot
  // A straight line (or a polyline along one axis) is a rule; so is a thin rectangle.
  const straight = w < 0.5 || h < 0.5
  const rectangle = closed || segments.length >= 3
  if (!straight && !rectangle) return null // an open corner or a zigzag
  return {kind: thick <= RULE_THICKNESS ? 'rule' : 'rect', bbox, closed: rectangle && !straight}
}
