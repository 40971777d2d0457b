import type {Diagnostic, Source} from '@folio/ast'
import type {BBox, LayoutPage, Line, Word} from '@folio/extract'

/** A line kept for the body, with what the block builder needs to know about it. */
export interface BodyLine {
  page: LayoutPage
  /** Index in `page.lines`. */
  index: number
  line: Line
  words: Word[]
  text: string
  x0: number
  x1: number
  top: number
  bottom: number
  baseline: number
  size: number
  /** Every word is bold. */
  bold: boolean
  /** Every word is italic. */
  italic: boolean
}

/** The typographic facts of the body text, measured over the whole document. */
export interface BodyMetrics {
  size: number
  /** Most common left edge of body lines, per page. */
  left: Map<number, number>
  /** Right edge of full body lines, per page. */
  right: Map<number, number>
  /** Usual distance between baselines of one paragraph. */
  pitch: number
  /** The body font itself is bold (then bold words are not strong). */
  boldBody: boolean
  italicBody: boolean
}

export interface Context {
  diagnostics: Diagnostic[]
  lang: string
  /** Printed label of each physical page. */
  labels: Map<number, string>
}

export function toBodyLine(page: LayoutPage, index: number, line: Line): BodyLine {
  const words = line.words.filter((word) => word.text !== '')
  const letters = words.filter((word) => /[\p{L}\p{N}]/u.test(word.text))
  const styled = letters.length > 0 ? letters : words
  return {
    page,
    index,
    line,
    words,
    text: line.text,
    x0: line.bbox[0],
    x1: line.bbox[2],
    top: line.bbox[1],
    bottom: line.bbox[3],
    baseline: line.baseline,
    size: line.size,
    bold: styled.length > 0 && styled.every((word) => word.font.bold),
    italic: styled.length > 0 && styled.every((word) => word.font.italic),
  }
}

export function source(page: number, boxes: BBox[]): Source {
  if (boxes.length === 0) return {page}
  let [x0, y0, x1, y1] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -Infinity, -Infinity]
  for (const box of boxes) {
    x0 = Math.min(x0, box[0])
    y0 = Math.min(y0, box[1])
    x1 = Math.max(x1, box[2])
    y1 = Math.max(y1, box[3])
  }
  const round = (value: number) => Math.round(value * 100) / 100
  return {page, bbox: [round(x0), round(y0), round(x1), round(y1)]}
}

export function info(context: Context, ruleId: string, message: string, place?: Source): void {
  const diagnostic: Diagnostic = {ruleId, source: 'folio-normalize', severity: 'info', message}
  if (place) diagnostic.place = place
  context.diagnostics.push(diagnostic)
}

export function warn(context: Context, ruleId: string, message: string, place?: Source): void {
  const diagnostic: Diagnostic = {ruleId, source: 'folio-normalize', severity: 'warning', message}
  if (place) diagnostic.place = place
  context.diagnostics.push(diagnostic)
}

/** The value with the greatest weight. */
export function weightedMode(values: Iterable<[number, number]>): number | undefined {
  const weights = new Map<number, number>()
  for (const [value, weight] of values) weights.set(value, (weights.get(value) ?? 0) + weight)
  let best: number | undefined
  let bestWeight = -1
  for (const [value, weight] of weights) {
    if (weight > bestWeight || (weight === bestWeight && best !== undefined && value < best)) {
      best = value
      bestWeight = weight
    }
  }
  return best
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

export function measureBody(lines: BodyLine[]): BodyMetrics {
  const size = weightedMode(lines.map((line) => [Math.round(line.size * 2) / 2, line.text.length])) ?? 10
  const bodyLines = lines.filter((line) => Math.abs(line.size - size) < 0.75)
  const left = new Map<number, number>()
  const right = new Map<number, number>()
  const byPage = new Map<number, BodyLine[]>()
  for (const line of bodyLines) {
    const list = byPage.get(line.page.number)
    if (list) list.push(line)
    else byPage.set(line.page.number, [line])
  }
  const globalLeft = weightedMode(bodyLines.map((line) => [Math.round(line.x0), line.text.length])) ?? 72
  const globalRight =
    weightedMode(bodyLines.map((line) => [Math.round(line.x1 / 2) * 2, line.text.length > 50 ? 1 : 0])) ?? 540
  for (const [page, pageLines] of byPage) {
    left.set(page, weightedMode(pageLines.map((line) => [Math.round(line.x0), line.text.length])) ?? globalLeft)
    const maxRight = Math.max(...pageLines.map((line) => line.x1))
    right.set(page, Math.max(globalRight, maxRight))
  }
  const pitches: number[] = []
  for (let index = 1; index < bodyLines.length; index++) {
    const previous = bodyLines[index - 1]!
    const current = bodyLines[index]!
    if (previous.page !== current.page) continue
    const delta = current.baseline - previous.baseline
    if (delta > 0.8 * size && delta < 2.2 * size) pitches.push(Math.round(delta * 4) / 4)
  }
  const pitch = weightedMode(pitches.map((value) => [value, 1])) ?? size * 1.25
  let bold = 0
  let italic = 0
  let total = 0
  for (const line of bodyLines) {
    for (const word of line.words) {
      total += word.text.length
      if (word.font.bold) bold += word.text.length
      if (word.font.italic) italic += word.text.length
    }
  }
  return {
    size,
    left,
    right,
    pitch,
    boldBody: total > 0 && bold / total > 0.6,
    italicBody: total > 0 && italic / total > 0.6,
  }
}
