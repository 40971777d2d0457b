import type {PlacedGlyph} from '../src/lib/interpret.js'

export interface RunOptions {
  x?: number
  y?: number
  size?: number
  /** Advance of each glyph, in ems. */
  advance?: number
  /** Extra gap after each glyph, in ems (tracking). */
  tracking?: number
  /** Gap painted for a ' ' in `text` when `spaces` is 'gap' (no space glyph), in ems. */
  spaceGap?: number
  spaces?: 'glyph' | 'gap'
  fontId?: string
  rise?: number
  mcid?: number
  /** Baseline direction (unit vector, top-down coordinates). */
  ux?: number
  uy?: number
}

/**
 * Hand-made glyphs for one run of text, in painting order: each character advances by
 * `advance` ems; a ' ' is either a space glyph or just a gap.
 */
export function run(text: string, options: RunOptions = {}): PlacedGlyph[] {
  const size = options.size ?? 10
  const advance = (options.advance ?? 0.5) * size
  const tracking = (options.tracking ?? 0) * size
  const spaceGap = (options.spaceGap ?? 0.25) * size
  const ux = options.ux ?? 1
  const uy = options.uy ?? 0
  let s = 0
  const glyphs: PlacedGlyph[] = []
  const x0 = options.x ?? 72
  const y0 = options.y ?? 100
  for (const ch of text) {
    if (ch === ' ' && options.spaces === 'gap') {
      s += spaceGap
      continue
    }
    const w = ch === ' ' ? spaceGap : advance
    const g: PlacedGlyph = {
      text: ch,
      x: x0 + ux * s,
      y: y0 + uy * s,
      endX: x0 + ux * (s + w),
      endY: y0 + uy * (s + w),
      ux,
      uy,
      size,
      ascent: 0.8 * size,
      descent: -0.2 * size,
      fontId: options.fontId ?? 'f1',
      artifact: false,
      rise: options.rise ?? 0,
      space: ch.trim() === '',
      run: 0,
    }
    if (options.mcid !== undefined) g.mcid = options.mcid
    glyphs.push(g)
    s += w + tracking
  }
  return glyphs
}

/** Where a run made by `run` ends along x (for placing the next run right after it). */
export function endX(glyphs: PlacedGlyph[]): number {
  return glyphs[glyphs.length - 1]?.endX ?? 0
}
