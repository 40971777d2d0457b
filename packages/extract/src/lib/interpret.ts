/**
 * Replays a pdf.js operator list to recover every glyph with its exact position, font,
 * size, colour and marked-content id, and the boxes of painted images. This follows the
 * text state machine of ISO 32000 (9.4) the way pdf.js' canvas renderer does, without
 * drawing anything.
 */

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
): {glyphs: PlacedGlyph[]; images: PlacedImage[]} {
  const glyphs: PlacedGlyph[] = []
  const images: PlacedImage[] = []
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
          if (Array.isArray(entry) && entry[0] === 'Font' && Array.isArray(entry[1])) setFont(entry[1][0], entry[1][1])
        }
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
  return {glyphs, images}
}
