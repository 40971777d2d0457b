/**
 * Glyphs → words → lines. Pure geometry: no pdf.js here, so every merging rule can be
 * unit-tested on hand-made glyphs.
 */
import type {PlacedGlyph} from './interpret.js'
import type {BBox, FontStyle, Line, Word} from './types.js'
import {cleanWord, directionOf, hasRtl, mapSymbolFont} from './unicode.js'

/** A gap wider than this many ems between two glyphs is a word space. */
export const SPACE_GAP_EM = 0.15
/** A gap wider than this many ems on one baseline starts a new line (columns, table cells). */
export const LINE_GAP_EM = 2.2
/** Baselines closer than this many ems are the same line. */
const SAME_BASELINE_EM = 0.3

export interface WordOptions {
  fontOf: (fontId: string) => FontStyle
}

/** A word under construction, with geometry along its own baseline. */
interface Draft {
  glyphs: PlacedGlyph[]
  /** Whether a space separates it from the previous word in stream order. */
  spaceBefore: boolean
}

function along(g: PlacedGlyph, x: number, y: number): number {
  return x * g.ux + y * g.uy
}

function across(g: PlacedGlyph, x: number, y: number): number {
  return -x * g.uy + y * g.ux
}

function sameDirection(a: PlacedGlyph, b: PlacedGlyph): boolean {
  return Math.abs(a.ux - b.ux) < 0.02 && Math.abs(a.uy - b.uy) < 0.02
}

/** Glyph box corners (axis-aligned) in top-down page space. */
export function glyphBox(g: PlacedGlyph): BBox {
  // "up" toward the ascender is u rotated by -90° in top-down space.
  // Called for every glyph more than once: the four corners without arrays.
  const upX = g.uy
  const upY = -g.ux
  const x0 = g.x + upX * g.ascent
  const x1 = g.x + upX * g.descent
  const x2 = g.endX + upX * g.ascent
  const x3 = g.endX + upX * g.descent
  const y0 = g.y + upY * g.ascent
  const y1 = g.y + upY * g.descent
  const y2 = g.endY + upY * g.ascent
  const y3 = g.endY + upY * g.descent
  return [Math.min(x0, x1, x2, x3), Math.min(y0, y1, y2, y3), Math.max(x0, x1, x2, x3), Math.max(y0, y1, y2, y3)]
}

export function unionBox(boxes: BBox[]): BBox {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const b of boxes) {
    x0 = Math.min(x0, b[0])
    y0 = Math.min(y0, b[1])
    x1 = Math.max(x1, b[2])
    y1 = Math.max(y1, b[3])
  }
  return [x0, y0, x1, y1]
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

function roundBox(b: BBox): BBox {
  return [round(b[0]), round(b[1]), round(b[2]), round(b[3])]
}

/**
 * The gap (in ems) above which two glyphs of a run are separate words. Letter-spaced runs
 * (tracking wider than the default threshold between most letters) raise it, so that a
 * "T I T L E" set with tracking stays one word while its real word gaps still split it.
 */
export function spaceThreshold(gaps: number[]): number {
  const base = SPACE_GAP_EM
  const usable = gaps.filter((g) => g > -0.5 && g < LINE_GAP_EM)
  if (usable.length < 3) return base
  const sorted = [...usable].sort((a, b) => a - b)
  const wide = sorted.filter((g) => g > base)
  // Most gaps are wider than a space: the run is letter-spaced; the true word gaps are the
  // outliers above the typical letter gap.
  if (wide.length / sorted.length > 0.6) {
    const median = sorted[Math.floor(sorted.length / 2)] ?? base
    return Math.max(base, median * 1.6, median + 0.12)
  }
  return base
}

/** Gap between two consecutive glyphs along the baseline, in ems of their mean size. */
function gapEm(a: PlacedGlyph, b: PlacedGlyph): number {
  const em = (a.size + b.size) / 2
  return (along(a, b.x, b.y) - along(a, a.endX, a.endY)) / em
}

const LETTER_RE = /^\p{L}+$/u

/** Split a glyph sequence into runs: consecutive glyphs on one baseline, moving forward. */
function glyphRuns(glyphs: PlacedGlyph[]): PlacedGlyph[][] {
  const runs: PlacedGlyph[][] = []
  let run: PlacedGlyph[] = []
  for (const g of glyphs) {
    const prev = run[run.length - 1]
    if (
      prev &&
      (!sameDirection(prev, g) ||
        Math.abs(across(prev, g.x, g.y) - across(prev, prev.x, prev.y)) >
          SAME_BASELINE_EM * Math.max(prev.size, g.size) ||
        along(prev, g.x, g.y) < along(prev, prev.x, prev.y) - 0.5 * prev.size)
    ) {
      runs.push(run)
      run = []
    }
    run.push(g)
  }
  if (run.length > 0) runs.push(run)
  return runs
}

/**
 * Drop glyphs painted again at the same place with the same text and size: a halo or shadow
 * drawn under a label, or "fake bold" overprinting. The first painting is kept.
 */
export function dropOverprints(glyphs: PlacedGlyph[]): PlacedGlyph[] {
  const seen = new Set<string>()
  return glyphs.filter((g) => {
    if (g.space || g.text === '') return true
    const tolerance = Math.max(0.5, 0.05 * g.size)
    const key = `${g.text}|${Math.round(g.x / tolerance)}|${Math.round(g.y / tolerance)}|${Math.round(g.size)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Spacing accents that TeX and old drivers paint over a separate base letter. */
const COMBINING: Record<string, string> = {
  '\u00B4': '\u0301',
  '\u02CA': '\u0301',
  '\u0060': '\u0300',
  '\u02CB': '\u0300',
  '\u02C6': '\u0302',
  '\u02DC': '\u0303',
  '\u00A8': '\u0308',
  '\u02D8': '\u0306',
  '\u02D9': '\u0307',
  '\u02DA': '\u030A',
  '\u00B8': '\u0327',
  '\u02DD': '\u030B',
  '\u02DB': '\u0328',
  '\u02C7': '\u030C',
  '\u00AF': '\u0304',
}

function overlapsHorizontally(accent: PlacedGlyph, base: PlacedGlyph): boolean {
  if (!sameDirection(accent, base) || base.space || base.text === '') return false
  const center = (along(base, accent.x, accent.y) + along(base, accent.endX, accent.endY)) / 2
  const start = along(base, base.x, base.y)
  const end = along(base, base.endX, base.endY)
  const shift = Math.abs(across(base, accent.x, accent.y) - across(base, base.x, base.y))
  return center >= start - 0.05 * base.size && center <= end + 0.05 * base.size && shift < base.size
}

/**
 * Put accents painted as separate spacing glyphs onto the letter they sit over, as combining
 * marks ("O˘guz" → "Oğuz" after NFC). Returns a new array; input glyphs are not changed.
 */
export function attachAccents(glyphs: PlacedGlyph[]): PlacedGlyph[] {
  const out: PlacedGlyph[] = []
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!
    const mark = COMBINING[g.text]
    if (mark) {
      const next = glyphs[i + 1]
      const prev = out[out.length - 1]
      if (next && overlapsHorizontally(g, next)) {
        glyphs[i + 1] = {...next, text: next.text + mark}
        continue
      }
      if (prev && overlapsHorizontally(g, prev)) {
        out[out.length - 1] = {...prev, text: prev.text + mark}
        continue
      }
    }
    out.push(g)
  }
  return out
}

/**
 * Merge runs that share a baseline and overlap horizontally: one line painted in several
 * passes (a style or colour at a time, or letter by letter out of order). Their glyphs are
 * put back in order along the baseline; the merged run keeps the place of the first pass.
 * Runs side by side (columns, table cells) do not overlap and stay apart.
 */
export function mergeInterleavedRuns(runs: PlacedGlyph[][]): PlacedGlyph[][] {
  const extent = (r: PlacedGlyph[]) => {
    const g = r[0]!
    let lo = Infinity
    let hi = -Infinity
    for (const x of r) {
      lo = Math.min(lo, along(g, x.x, x.y), along(g, x.endX, x.endY))
      hi = Math.max(hi, along(g, x.x, x.y), along(g, x.endX, x.endY))
    }
    return {lo, hi, base: across(g, g.x, g.y), size: Math.max(...r.map((x) => x.size))}
  }
  const visible = (r: PlacedGlyph[]) => r.some((g) => !g.space)
  const out: Array<PlacedGlyph[] | undefined> = runs.map((r) => [...r])
  const info = out.map((r) => (r && r.length > 0 && visible(r) ? extent(r) : undefined))
  let merged = false
  for (let i = 0; i < out.length; i++) {
    const a = out[i]
    const ia = info[i]
    if (!a || !ia) continue
    for (let j = i + 1; j < out.length; j++) {
      const b = out[j]
      const ib = info[j]
      if (!b || !ib || !sameDirection(a[0]!, b[0]!)) continue
      const em = Math.max(ia.size, ib.size)
      if (Math.abs(ia.base - ib.base) > 0.1 * em || Math.abs(ia.size - ib.size) > 0.1 * em) continue
      const overlap = Math.min(ia.hi, ib.hi) - Math.max(ia.lo, ib.lo)
      if (overlap <= 0.3 * em) continue
      a.push(...b)
      out[j] = undefined
      info[i] = {
        lo: Math.min(ia.lo, ib.lo),
        hi: Math.max(ia.hi, ib.hi),
        base: ia.base,
        size: Math.max(ia.size, ib.size),
      }
      Object.assign(ia, info[i])
      merged = true
    }
  }
  if (!merged) return runs
  return out
    .filter((r): r is PlacedGlyph[] => r !== undefined)
    .map((r) => {
      const g = r[0]!
      // A stable sort keeps the painting order of glyphs at the same place (accents).
      return r.length > 1 ? [...r].sort((p, q) => along(g, p.x, p.y) - along(g, q.x, q.y)) : r
    })
}

/**
 * Split glyphs (in content-stream order) into words. A word ends at a whitespace glyph, at a
 * gap wider than the run's space threshold, or where the baseline jumps. Glyphs without
 * Unicode (unmapped math symbols) keep their place, so the gaps around them still count.
 */
export function glyphsToDrafts(glyphs: PlacedGlyph[]): Draft[] {
  const drafts: Draft[] = []
  let previous: PlacedGlyph | undefined
  let previousEndedInSpace = true
  for (const r of mergeInterleavedRuns(glyphRuns(attachAccents([...glyphs])))) {
    const visible = r.filter((g) => !g.space)
    // Letter spacing is judged on letter pairs only: dot leaders and figures are not words.
    const letterGaps: number[] = []
    for (let i = 1; i < visible.length; i++) {
      const a = visible[i - 1]!
      const b = visible[i]!
      if (LETTER_RE.test(a.text) && LETTER_RE.test(b.text)) letterGaps.push(gapEm(a, b))
    }
    const threshold = spaceThreshold(letterGaps)
    let current: Draft | undefined
    let last: PlacedGlyph | undefined
    // A run that starts right where the previous one ended, on a slightly shifted baseline (a
    // superscript or subscript), continues its word without a space.
    const first = r.find((g) => !g.space)
    let pendingSpace = true
    if (first && previous && !previousEndedInSpace && r[0] === first && continuesWord(previous, first, threshold)) {
      current = drafts[drafts.length - 1]
      last = previous
      pendingSpace = false
    }
    for (const g of r) {
      if (g.space) {
        pendingSpace = true
        continue
      }
      if (!current || !last || pendingSpace || gapEm(last, g) > threshold) {
        current = {glyphs: [g], spaceBefore: true}
        drafts.push(current)
      } else if (
        last.fontId !== g.fontId ||
        Math.abs(last.size - g.size) > 0.05 * g.size ||
        Math.abs(last.rise - g.rise) > 0.05 * g.size
      ) {
        // A change of font, size or rise inside a word starts a glued word (a bold
        // initial, a superscript footnote marker).
        current = {glyphs: [g], spaceBefore: false}
        drafts.push(current)
      } else current.glyphs.push(g)
      pendingSpace = false
      last = g
    }
    const tail = r[r.length - 1]
    previousEndedInSpace = tail?.space === true
    previous = last ?? previous
  }
  return drafts
}

/** Whether `g` starts where `prev` ended: no gap along the baseline, baseline within an em. */
function continuesWord(prev: PlacedGlyph, g: PlacedGlyph, threshold: number): boolean {
  if (!sameDirection(prev, g)) return false
  const em = Math.max(prev.size, g.size)
  const shift = Math.abs(across(prev, g.x, g.y) - across(prev, prev.x, prev.y))
  const gap = gapEm(prev, g)
  return shift < 0.8 * em && gap > -0.2 && gap <= threshold
}

function wordText(glyphs: PlacedGlyph[]): string {
  const raw = glyphs.map((g) => g.text).join('')
  // Right-to-left glyphs are usually painted left to right (visual order); logical order is
  // the reverse. Each glyph's own text (a lam-alef ligature) is already logical, and a mark
  // painted after its base letter stays after it.
  if (hasRtl(raw) && directionOf(raw) === 'rtl') {
    const first = glyphs[0]
    const last = glyphs[glyphs.length - 1]
    if (first && last && along(first, last.x, last.y) > along(first, first.x, first.y)) {
      const clusters: string[] = []
      for (const g of glyphs) {
        if (clusters.length > 0 && /^\p{M}+$/u.test(g.text)) clusters[clusters.length - 1] += g.text
        else clusters.push(g.text)
      }
      return clusters.reverse().join('')
    }
  }
  return raw
}

function dominant<T>(values: Array<[T, number]>): T | undefined {
  const counts = new Map<T, number>()
  for (const [v, w] of values) counts.set(v, (counts.get(v) ?? 0) + w)
  let best: T | undefined
  let bestCount = -1
  for (const [v, c] of counts) {
    if (c > bestCount) {
      best = v
      bestCount = c
    }
  }
  return best
}

/** A word with the geometry needed to group it into lines. */
export interface PlacedWord {
  word: Word
  /** Glued to the previous word (no space between them). */
  attached: boolean
  first: PlacedGlyph
  last: PlacedGlyph
  /** Baseline offset of the word (top-down y of the origin, for horizontal text). */
  artifact: boolean
}

export function draftsToWords(drafts: Draft[], options: WordOptions): PlacedWord[] {
  const words: PlacedWord[] = []
  let carrySpace = false
  for (const d of drafts) {
    const first = d.glyphs[0]
    const last = d.glyphs[d.glyphs.length - 1]
    if (!first || !last) continue
    const fontId = dominant(d.glyphs.map((g) => [g.fontId, g.text.length] as [string, number])) ?? first.fontId
    const font = options.fontOf(fontId)
    const {text, softHyphen} = cleanWord(mapSymbolFont(wordText(d.glyphs), font.name))
    if (text.trim() === '') {
      // A word of unmapped glyphs: the word after it keeps the space before it.
      if (d.spaceBefore) carrySpace = true
      continue
    }
    const size = dominant(d.glyphs.map((g) => [round(g.size), g.text.length] as [number, number])) ?? round(first.size)
    const word: Word = {
      text: text.trim(),
      bbox: roundBox(unionBox(d.glyphs.map(glyphBox))),
      font,
      size,
    }
    const color = dominant(d.glyphs.filter((g) => g.color).map((g) => [g.color!, 1] as [string, number]))
    if (color) word.color = color
    const mcid = dominant(d.glyphs.filter((g) => g.mcid !== undefined).map((g) => [g.mcid!, 1] as [number, number]))
    if (mcid !== undefined) word.mcid = mcid
    if (first.rise > 0.15 * first.size) word.superscript = true
    if (softHyphen) word.softHyphen = true
    const artifact = d.glyphs.every((g) => g.artifact)
    if (artifact) word.artifact = true
    words.push({word, attached: !d.spaceBefore && !carrySpace, first, last, artifact})
    carrySpace = false
  }
  return words
}

/** Short enough to be a superscript: '12', 'a', '*', '†‡', 'th', 'TM', '2,3', '-1'. */
function isMarkerLike(text: string): boolean {
  return [...text].length <= 6
}

interface LineDraft {
  words: PlacedWord[]
  /** The baseline reference glyph of the line (the first word at the dominant size). */
  ref: PlacedGlyph
  size: number
}

/**
 * Group words (in content-stream order) into lines: consecutive words on one baseline,
 * moving forward, without a column-sized gap. Raised small words (superscripts) and
 * lowered ones (subscripts) join the line they sit on.
 */
export function wordsToLines(words: PlacedWord[]): Line[] {
  const drafts: LineDraft[] = []
  let current: LineDraft | undefined
  for (const w of words) {
    const g = w.first
    if (current) {
      const ref = current.ref
      const lastWord = current.words[current.words.length - 1]!
      const size = current.size
      const offset = across(ref, g.x, g.y) - across(ref, ref.x, ref.y)
      const gap = along(ref, g.x, g.y) - along(ref, lastWord.last.endX, lastWord.last.endY)
      const forward = gap > -0.5 * size && gap < LINE_GAP_EM * Math.max(size, w.word.size)
      const sameLine = sameDirection(ref, g) && forward && Math.abs(offset) <= SAME_BASELINE_EM * size
      const small = w.word.size < 0.9 * size
      // Raised: the baseline is above the line's baseline (top-down y smaller: offset < 0 for
      // horizontal text) by a fifth of an em or more, but not above the line's top.
      const raised = small && forward && offset < -0.15 * size && offset > -0.75 * size
      const lowered = small && forward && offset > 0.1 * size && offset < 0.5 * size
      // The line's first word may itself be the small one (a footnote marker opening a
      // footnote): a larger word on a slightly lower baseline then re-anchors the line.
      const firstWasSmall =
        current.words.length === 1 &&
        w.word.size > 1.1 * size &&
        forward &&
        offset > 0.1 * w.word.size &&
        offset < 0.6 * w.word.size
      if (sameLine || raised || lowered) {
        // Raised and short: a note marker, an ordinal, a unit power. Raised longer text (a
        // heading set beside a large number) shares the line but is not a superscript.
        if (raised && isMarkerLike(w.word.text)) w.word.superscript = true
        current.words.push(w)
        continue
      }
      if (firstWasSmall) {
        if (isMarkerLike(current.words[0]!.word.text)) current.words[0]!.word.superscript = true
        current.words.push(w)
        current.ref = w.first
        current.size = w.word.size
        continue
      }
    }
    current = {words: [w], ref: g, size: w.word.size}
    drafts.push(current)
  }
  return splitAtGutters(drafts).map(finishLine)
}

/**
 * Logical order of the words of a right-to-left line: right to left, except that a run of
 * consecutive left-to-right words (a name, a number, an English phrase) keeps its own order.
 */
function rtlOrder(words: PlacedWord[]): PlacedWord[] {
  const visual = [...words].sort((a, b) => a.word.bbox[0] - b.word.bbox[0])
  const runs: PlacedWord[][] = []
  let previousRtl: boolean | undefined
  for (const w of visual) {
    const rtl = directionOf(w.word.text) === 'rtl'
    if (previousRtl === rtl && !rtl) runs[runs.length - 1]!.push(w)
    else runs.push([w])
    previousRtl = rtl
  }
  return runs.reverse().flat()
}

/** A gap this wide (in ems of the line) may be a column gutter. */
const GUTTER_GAP_EM = 1
/** Lines whose wide gaps line up in one vertical channel before it counts as a gutter. */
const GUTTER_SUPPORT = 3

/**
 * Split lines at column gutters. Some producers paint text row by row across columns, so a
 * line of the stream runs from one column into the next over a gap of barely more than an
 * em. Such a gap is a gutter when the wide gaps of at least three lines of the page line up
 * in one vertical channel. A list marker or a number opening the line (a bullet, "1.", a
 * page number in a contents line) keeps its text.
 */
export function splitAtGutters(drafts: LineDraft[]): LineDraft[] {
  interface Gap {
    line: number
    index: number
    x0: number
    x1: number
    top: number
  }
  const gaps: Gap[] = []
  drafts.forEach((d, line) => {
    if (Math.abs(d.ref.uy) > 1e-6 || d.ref.ux < 0) return
    for (let index = 1; index < d.words.length; index++) {
      const a = d.words[index - 1]!.word
      const b = d.words[index]!.word
      const x0 = a.bbox[2]
      const x1 = b.bbox[0]
      if (x1 - x0 <= GUTTER_GAP_EM * d.size) continue
      // A marker or number opening the line stays with its text.
      if (index === 1 && [...a.text].length <= 3) continue
      gaps.push({line, index, x0, x1, top: a.bbox[1]})
    }
  })
  if (gaps.length < GUTTER_SUPPORT) return drafts
  const cuts = new Map<number, number[]>()
  // Sorted by start, so each gap is only compared with the gaps that can overlap it.
  const sorted = [...gaps].sort((a, b) => a.x0 - b.x0)
  const widest = Math.max(...gaps.map((g) => g.x1 - g.x0))
  for (const g of gaps) {
    const lines = new Set<number>([g.line])
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid]!.x0 < g.x0 - widest) lo = mid + 1
      else hi = mid
    }
    for (let k = lo; k < sorted.length && sorted[k]!.x0 < g.x1; k++) {
      const o = sorted[k]!
      if (o.line === g.line) continue
      const overlap = Math.min(g.x1, o.x1) - Math.max(g.x0, o.x0)
      if (overlap >= Math.min(6, 0.5 * (g.x1 - g.x0))) lines.add(o.line)
    }
    if (lines.size >= GUTTER_SUPPORT) cuts.set(g.line, [...(cuts.get(g.line) ?? []), g.index])
  }
  if (cuts.size === 0) return drafts
  const out: LineDraft[] = []
  drafts.forEach((d, line) => {
    const at = cuts.get(line)
    if (!at) {
      out.push(d)
      return
    }
    let start = 0
    for (const index of [...at.sort((a, b) => a - b), d.words.length]) {
      const words = d.words.slice(start, index)
      start = index
      if (words.length === 0) continue
      const first = words[0]!
      // The first piece keeps the line's baseline reference; later ones anchor on their own.
      const ref = words.includes(d.words.find((w) => w.first === d.ref) ?? first) ? d.ref : first.first
      const size = dominant(words.map((w) => [w.word.size, w.word.text.length] as [number, number])) ?? d.size
      if (first.attached) first.attached = false
      out.push({words, ref, size})
    }
  })
  return out
}

function finishLine(d: LineDraft): Line {
  const words = d.words
  // Several raised words in a row separated by spaces are raised text, not markers.
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.word.superscript) continue
    let j = i
    let letters = 0
    while (j < words.length && words[j]!.word.superscript)
      letters += words[j++]!.word.text.replace(/[^\p{L}]/gu, '').length
    const spaced = words.slice(i + 1, j).some((w) => !w.attached)
    if (j - i > 1 && spaced && letters > 6) for (let k = i; k < j; k++) delete words[k]!.word.superscript
    i = j
  }
  const text = words.map((w) => w.word.text).join('')
  const dir = directionOf(text)
  const ordered = dir === 'rtl' ? rtlOrder(words) : words
  let joined = ''
  const out: Word[] = []
  for (const [i, w] of ordered.entries()) {
    // Glued to the word before it in reading order, which for an rtl line must also be the
    // word painted before it.
    const previous = ordered[i - 1]
    const glued =
      previous !== undefined && w.attached && (dir === 'ltr' || words.indexOf(previous) === words.indexOf(w) - 1)
    if (i > 0 && !glued) joined += ' '
    joined += w.word.text
    out.push(glued ? {...w.word, attached: true} : w.word)
  }
  const size = dominant(words.map((w) => [w.word.size, w.word.text.length] as [number, number])) ?? d.size
  // Baseline: top-down y of the reference glyph origin (for rotated text, its across-axis).
  const baseline = round(d.ref.ux === 1 || Math.abs(d.ref.uy) < 1e-6 ? d.ref.y : across(d.ref, d.ref.x, d.ref.y))
  const line: Line = {
    text: joined,
    bbox: roundBox(unionBox(words.map((w) => w.word.bbox))),
    words: out,
    size,
    dir,
    baseline,
  }
  const angle = Math.round((Math.atan2(d.ref.uy, d.ref.ux) * 180) / Math.PI)
  const normalized = ((angle % 360) + 360) % 360
  if (normalized !== 0) line.angle = normalized
  return line
}
