/**
 * pdfkit shapes a string afresh with fontkit every time it is measured or
 * drawn when OpenType features are given (its own word cache is only used
 * without features). Folio always gives features, and measures every piece
 * before drawing it, so each word was shaped at least twice, and a word used
 * a hundred times a hundred times more. This keeps the shaped runs of one
 * embedded font (one font of one document), keyed by text and features.
 * pdfkit reads a run's glyphs and positions without changing them (it copies
 * a position before adjusting word spacing), so a run can be handed out again.
 */

interface ShapedRun {
  glyphs: unknown[]
  positions: unknown[]
  advanceWidth: number
}

interface ShapingFont {
  layoutRun?: (text: string, features?: unknown) => ShapedRun
}

const memoized = new WeakSet<object>()

/** Keep the shaped runs of pdfkit's current font (`doc._font`); a no-op once done or for a standard font. */
export function memoizeShaping(font: unknown): void {
  if (typeof font !== 'object' || font === null || memoized.has(font)) return
  memoized.add(font)
  const target = font as ShapingFont
  const original = target.layoutRun
  if (typeof original !== 'function') return
  const runs = new Map<string, ShapedRun>()
  target.layoutRun = function layoutRun(text: string, features?: unknown): ShapedRun {
    const key = `${features === undefined ? '' : JSON.stringify(features)}\u0000${text}`
    let run = runs.get(key)
    if (run === undefined) {
      run = original.call(this, text, features)
      runs.set(key, run)
    }
    return run
  }
}
