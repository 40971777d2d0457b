/**
 * Replays a pdf.js operator list to recover every glyph with its exact position, font,
 * size, colour and marked-content id, and the boxes of painted images. This follows the
 * text state machine of ISO 32000 (9.4) the way pdf.js' canvas renderer does, without
 * drawing anything.
 */

import {MAX_GRAPHICS, pathShapes} from './graphics.js'

/** A 2D affine matrix [a, b, c, d, e, f]. */
export type Matrix = [number, number, number, number, number, number]

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ]
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

/** The font facts the interpreter needs, looked up by pdf.js' loaded font name. */
export interface FontInfo {
  id: string
  fontMatrix: Matrix
  vertical: boolean
  ascent: number
  descent: number
  isType3: boolean
}

/** One glyph as painted, in top-down page coordinates (after the viewport transform). */
export interface PlacedGlyph {
  text: string
  /** Origin on the baseline. */
  x: number
  y: number
  /** Advance end on the baseline (without char/word spacing). */
  endX: number
  endY: number
  /** Unit vector along the baseline and "up" (toward the ascender), top-down coordinates. */
  ux: number
  uy: number
  /** Rendered font size: text-space size scaled by the text matrix and CTM. */
  size: number
  /** Ascent and descent in device units (descent negative). */
  ascent: number
  descent: number
  fontId: string
  color?: string
  mcid?: number
  /** Inside an /Artifact marked-content sequence. */
  artifact: boolean
  /** Text rise in device units (positive = raised). */
  rise: number
  /** A whitespace glyph (word break). */
  space: boolean
  /** Index of the showText operation the glyph came from. */
  run: number
}

export interface PlacedImage {
  bbox: [number, number, number, number]
  mcid?: number
}

/** A drawn rectangle or straight line, in top-down page coordinates. */
export interface PlacedGraphic {
  kind: 'rect' | 'rule'
  bbox: [number, number, number, number]
  /** Fill colour (RGB hex) when the shape is filled with a known colour. */
  fill?: string
  /** Stroke colour (RGB hex) when the shape is stroked with a known colour. */
  stroke?: string
  /** Stroke width in points when stroked. */
  lineWidth?: number
  mcid?: number
  artifact: boolean
}

interface TextState {
  ctm: Matrix
  font: FontInfo | undefined
  fontSize: number
  fontDirection: number
  charSpacing: number
  wordSpacing: number
  hScale: number
  leading: number
  rise: number
  fillColor: string | undefined
  strokeColor: string | undefined
  /** How paths are filled and stroked: a known colour, a pattern (colour unknown) or nothing (transparent). */
  fillPaint: 'color' | 'pattern' | 'none'
  strokePaint: 'color' | 'pattern' | 'none'
  lineWidth: number
  fillAlpha: number
  strokeAlpha: number
}

export interface OperatorList {
  fnArray: number[]
  argsArray: unknown[]
}

/** Numeric codes of the pdf.js operators this interpreter understands (from pdfjs' OPS). */
export type OpCodes = Record<string, number>

function isMatrix(value: unknown): value is Matrix {
  return (
    (Array.isArray(value) || ArrayBuffer.isView(value)) &&
    (value as ArrayLike<unknown>).length === 6 &&
    Array.from(value as ArrayLike<unknown>).every((n) => typeof n === 'number' && Number.isFinite(n))
  )
}

function toMatrix(value: unknown): Matrix | undefined {
  return isMatrix(value) ? (Array.from(value as ArrayLike<number>) as Matrix) : undefined
}

interface RawGlyph {
  unicode?: string
  width?: number
  isSpace?: boolean
  vmetric?: number[]
}

function colorOf(value: unknown): string | undefined {
  if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) return value.toLowerCase()
  if ((Array.isArray(value) || ArrayBuffer.isView(value)) && (value as ArrayLike<number>).length >= 3) {
    const v = value as ArrayLike<number>
    return (
      '#' +
      [v[0], v[1], v[2]]
        .map((n) =>
          Math.round(Number(n) || 0)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')
    )
  }
  return undefined
}

/**
 * Walk an operator list. `viewport` maps PDF user space to top-down page space.
 * `fontOf` returns font facts for a loaded font name (undefined when pdf.js could not load it).
 */
export function interpret(
  ops: OperatorList,
  OPS: OpCodes,
  viewport: Matrix,
  fontOf: (id: string) => FontInfo | undefined,
): {glyphs: PlacedGlyph[]; images: PlacedImage[]; graphics: PlacedGraphic[]; graphicsCapped: boolean} {
  const glyphs: PlacedGlyph[] = []
  const images: PlacedImage[] = []
  const graphics: PlacedGraphic[] = []
  const seenGraphics = new Set<string>()
  let graphicsCapped = false
  const stack: TextState[] = []
  let state: TextState = {
    ctm: viewport,
    font: undefined,
    fontSize: 0,
    fontDirection: 1,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    fillColor: undefined,
    strokeColor: undefined,
    fillPaint: 'color',
    strokePaint: 'color',
    lineWidth: 1,
    fillAlpha: 1,
    strokeAlpha: 1,
  }
  let textMatrix: Matrix = IDENTITY
  let lineX = 0
  let lineY = 0
  let x = 0
  let y = 0
  // Marked content: each entry is the MCID (or undefined) and whether it is an artifact.
  const marked: Array<{mcid: number | undefined; artifact: boolean}> = []
  const currentMcid = (): number | undefined => {
    for (let i = marked.length - 1; i >= 0; i--) {
      const mcid = marked[i]?.mcid
      if (mcid !== undefined) return mcid
    }
    return undefined
  }
  const inArtifact = (): boolean => marked.some((m) => m.artifact)

  const setFont = (id: unknown, size: unknown): void => {
    state.font = typeof id === 'string' ? fontOf(id) : undefined
    let s = typeof size === 'number' && Number.isFinite(size) ? size : 0
    state.fontDirection = 1
    if (s < 0) {
      s = -s
      state.fontDirection = -1
    }
    state.fontSize = s
  }

  const moveText = (dx: number, dy: number): void => {
    lineX += dx
    lineY += dy
    x = lineX
    y = lineY
  }

  const showText = (items: unknown, run: number): void => {
    const font = state.font
    if (!font || !Array.isArray(items) || state.fontSize === 0) return
    const fontSize = state.fontSize
    const hScale = state.hScale * state.fontDirection
    const vertical = font.vertical
    const spacingDir = vertical ? 1 : -1
    const advanceScale = fontSize * font.fontMatrix[0]
    // Text rendering matrix for the current position: CTM × Tm × translate(x, y + rise).
    const trm = multiply(state.ctm, textMatrix)
    const mcid = currentMcid()
    const artifact = inArtifact()
    let dx = 0
    for (const item of items as unknown[]) {
      if (typeof item === 'number') {
        dx += (spacingDir * item * fontSize) / 1000
        continue
      }
      if (!item || typeof item !== 'object') continue
      const glyph = item as RawGlyph
      const width = typeof glyph.width === 'number' && Number.isFinite(glyph.width) ? glyph.width : 0
      const spacing = (glyph.isSpace ? state.wordSpacing : 0) + state.charSpacing
      const text = typeof glyph.unicode === 'string' ? glyph.unicode : ''
      if (vertical) {
        const vmetric = glyph.vmetric ?? [width, 0, 0]
        const advance = -(vmetric[0] ?? 0) * advanceScale
        const start = apply(trm, x, y - dx + state.rise)
        const end = apply(trm, x, y - dx - advance + state.rise)
        pushGlyph(text, start, end, trm, fontSize, font, mcid, artifact, run)
        dx += advance - spacing * state.fontDirection
        continue
      }
      const advance = width * advanceScale
      const gx = x + dx * hScale
      const start = apply(trm, gx, y + state.rise)
      const end = apply(trm, gx + advance * hScale, y + state.rise)
      pushGlyph(text, start, end, trm, fontSize, font, mcid, artifact, run)
      dx += advance + spacing * state.fontDirection
    }
    if (vertical) y -= dx
    else x += dx * hScale
  }

  const pushGlyph = (
    text: string,
    start: [number, number],
    end: [number, number],
    trm: Matrix,
    fontSize: number,
    font: FontInfo,
    mcid: number | undefined,
    artifact: boolean,
    run: number,
  ): void => {
    // Size: the length of the text-space unit "up" vector after the full transform.
    const upX = trm[2] * fontSize
    const upY = trm[3] * fontSize
    const size = Math.hypot(upX, upY)
    if (!(size > 0) || !Number.isFinite(start[0]) || !Number.isFinite(start[1])) return
    const vx = end[0] - start[0]
    const vy = end[1] - start[1]
    const len = Math.hypot(vx, vy)
    // Direction along the baseline; for zero-width glyphs use the text matrix' x axis.
    let ux = len > 1e-9 ? vx / len : trm[0]
    let uy = len > 1e-9 ? vy / len : trm[1]
    const ul = Math.hypot(ux, uy) || 1
    ux /= ul
    uy /= ul
    const riseDevice = state.rise * Math.hypot(trm[2], trm[3])
    const glyph: PlacedGlyph = {
      text,
      x: start[0],
      y: start[1],
      endX: end[0],
      endY: end[1],
      ux,
      uy,
      size,
      ascent: font.ascent * size,
      descent: font.descent * size,
      fontId: font.id,
      artifact,
      rise: riseDevice,
      // Whitespace by its Unicode only: pdf.js' isSpace means "char code 32", which in a
      // re-encoded subset font may be any letter (it only decides where Tw applies).
      space: text.length > 0 && text.trim() === '',
      run,
    }
    if (state.fillColor !== undefined) glyph.color = state.fillColor
    if (mcid !== undefined) glyph.mcid = mcid
    glyphs.push(glyph)
  }

  const paintImage = (): void => {
    const corners = [apply(state.ctm, 0, 0), apply(state.ctm, 1, 0), apply(state.ctm, 0, 1), apply(state.ctm, 1, 1)]
    const xs = corners.map((c) => c[0])
    const ys = corners.map((c) => c[1])
    const image: PlacedImage = {bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]}
    const mcid = currentMcid()
    if (mcid !== undefined) image.mcid = mcid
    images.push(image)
  }

  const paintPath = (args: unknown[]): void => {
    const paint = args[0]
    const filled =
      paint === OPS.fill ||
      paint === OPS.eoFill ||
      paint === OPS.fillStroke ||
      paint === OPS.eoFillStroke ||
      paint === OPS.closeFillStroke ||
      paint === OPS.closeEOFillStroke
    const stroked =
      paint === OPS.stroke ||
      paint === OPS.closeStroke ||
      paint === OPS.fillStroke ||
      paint === OPS.eoFillStroke ||
      paint === OPS.closeFillStroke ||
      paint === OPS.closeEOFillStroke
    // A path only clipped (endPath) paints nothing; nor do transparent paints.
    const fillVisible =
      filled &&
      state.fillPaint !== 'none' &&
      state.fillAlpha > 0 &&
      !(state.fillPaint === 'color' && state.fillColor === '#ffffff')
    const strokeVisible = stroked && state.strokePaint !== 'none' && state.strokeAlpha > 0
    if (!fillVisible && !strokeVisible) return
    if (graphics.length >= MAX_GRAPHICS) {
      graphicsCapped = true
      return
    }
    const holder = args[1]
    const data = Array.isArray(holder) ? holder[0] : holder
    if (!data || (!ArrayBuffer.isView(data) && !Array.isArray(data))) return
    // Line width in device units: the user-space width scaled by the CTM (0 is the thinnest line).
    const scale = Math.sqrt(Math.abs(state.ctm[0] * state.ctm[3] - state.ctm[1] * state.ctm[2]))
    const width = Math.max(state.lineWidth * scale, 0.1)
    const mcid = currentMcid()
    const artifact = inArtifact()
    for (const shape of pathShapes(data as ArrayLike<number>, state.ctm, width, strokeVisible)) {
      if (!strokeVisible && !shape.closed && shape.kind === 'rule') {
        // A filled line without area paints nothing.
        if (Math.min(shape.bbox[2] - shape.bbox[0], shape.bbox[3] - shape.bbox[1]) < 0.05) continue
      }
      const bbox = shape.bbox.map((n) => Math.round(n * 100) / 100) as PlacedGraphic['bbox']
      const key = `${shape.kind}|${bbox.join(',')}|${fillVisible ? (state.fillColor ?? '') : ''}|${strokeVisible ? (state.strokeColor ?? '') : ''}`
      // The same shape painted twice (a fill then a stroke of one box, overprints) is kept once.
      if (seenGraphics.has(key)) continue
      if (graphics.length >= MAX_GRAPHICS) {
        graphicsCapped = true
        return
      }
      seenGraphics.add(key)
      const graphic: PlacedGraphic = {kind: shape.kind, bbox, artifact}
      if (fillVisible && state.fillPaint === 'color' && state.fillColor !== undefined) graphic.fill = state.fillColor
      if (strokeVisible) {
        if (state.strokeColor !== undefined) graphic.stroke = state.strokeColor
        graphic.lineWidth = Math.round(width * 100) / 100
      }
      if (mcid !== undefined) graphic.mcid = mcid
      graphics.push(graphic)
    }
  }

  const {fnArray, argsArray} = ops
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]
    const args = (argsArray[i] ?? []) as unknown[]
    switch (fn) {
      case OPS.save:
        stack.push({...state})
        break
      case OPS.restore:
        state = stack.pop() ?? state
        break
      case OPS.transform: {
        const m = toMatrix(args)
        if (m) state.ctm = multiply(state.ctm, m)
        break
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({...state})
        const m = toMatrix(args[0])
        if (m) state.ctm = multiply(state.ctm, m)
        break
      }
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state
        break
      case OPS.beginText:
        textMatrix = IDENTITY
        lineX = lineY = x = y = 0
        break
      case OPS.setFont:
        setFont(args[0], args[1])
        break
      case OPS.setGState:
        for (const entry of (Array.isArray(args[0]) ? args[0] : []) as unknown[]) {
          if (!Array.isArray(entry)) continue
          if (entry[0] === 'Font' && Array.isArray(entry[1])) setFont(entry[1][0], entry[1][1])
          else if (entry[0] === 'LW' && typeof entry[1] === 'number' && Number.isFinite(entry[1]))
            state.lineWidth = Math.abs(entry[1])
          else if (entry[0] === 'ca' && typeof entry[1] === 'number') state.fillAlpha = entry[1]
          else if (entry[0] === 'CA' && typeof entry[1] === 'number') state.strokeAlpha = entry[1]
        }
        break
      case OPS.setLineWidth: {
        const width = Number(args[0])
        state.lineWidth = Number.isFinite(width) ? Math.abs(width) : 1
        break
      }
      case OPS.setStrokeRGBColor:
        state.strokeColor = colorOf(args[0]) ?? colorOf(args)
        state.strokePaint = 'color'
        break
      case OPS.setStrokeColorN:
        // A pattern: the colour is unknown.
        state.strokeColor = undefined
        state.strokePaint = 'pattern'
        break
      case OPS.setFillColorN:
        state.fillPaint = 'pattern'
        break
      case OPS.setStrokeTransparent:
        state.strokePaint = 'none'
        break
      case OPS.setFillTransparent:
        state.fillPaint = 'none'
        break
      case OPS.constructPath:
        paintPath(args)
        break
      case OPS.setCharSpacing:
        state.charSpacing = Number(args[0]) || 0
        break
      case OPS.setWordSpacing:
        state.wordSpacing = Number(args[0]) || 0
        break
      case OPS.setHScale:
        state.hScale = (Number(args[0]) || 100) / 100
        break
      case OPS.setLeading:
        state.leading = -(Number(args[0]) || 0)
        break
      case OPS.setTextRise:
        state.rise = Number(args[0]) || 0
        break
      case OPS.moveText:
        moveText(Number(args[0]) || 0, Number(args[1]) || 0)
        break
      case OPS.setLeadingMoveText:
        state.leading = Number(args[1]) || 0
        moveText(Number(args[0]) || 0, Number(args[1]) || 0)
        break
      case OPS.setTextMatrix: {
        const m = toMatrix(args[0]) ?? toMatrix(args)
        if (m) textMatrix = m
        lineX = lineY = x = y = 0
        break
      }
      case OPS.nextLine:
        moveText(0, state.leading)
        break
      case OPS.showText:
      case OPS.showSpacedText:
        showText(args[0], i)
        break
      case OPS.nextLineShowText:
        moveText(0, state.leading)
        showText(args[0], i)
        break
      case OPS.nextLineSetSpacingShowText:
        state.wordSpacing = Number(args[0]) || 0
        state.charSpacing = Number(args[1]) || 0
        moveText(0, state.leading)
        showText(args[2], i)
        break
      case OPS.setFillRGBColor: {
        const color = colorOf(args[0]) ?? colorOf(args)
        state.fillColor = color
        state.fillPaint = 'color'
        break
      }
      case OPS.beginMarkedContent:
        marked.push({mcid: undefined, artifact: args[0] === 'Artifact'})
        break
      case OPS.beginMarkedContentProps: {
        const mcid = typeof args[1] === 'number' && Number.isInteger(args[1]) ? args[1] : undefined
        marked.push({mcid, artifact: args[0] === 'Artifact'})
        break
      }
      case OPS.endMarkedContent:
        marked.pop()
        break
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageXObjectRepeat:
        paintImage()
        break
      default:
        break
    }
  }
  return {glyphs, images, graphics, graphicsCapped}
}
