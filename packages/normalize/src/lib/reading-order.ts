import type {Line, Word} from '@folio/extract'

/**
 * True when lines of some length stand side by side on the page: columns,
 * which keep the order the PDF paints them in.
 */
export function hasColumns(lines: Line[]): boolean {
  const long = lines.filter((line) => line.text.length >= 15)
  let pairs = 0
  for (let a = 0; a < long.length; a++) {
    const first = long[a]!
    for (let b = a + 1; b < long.length; b++) {
      const second = long[b]!
      const sameRow = first.bbox[1] < second.bbox[3] - 1 && second.bbox[1] < first.bbox[3] - 1
      const apart = first.bbox[2] < second.bbox[0] || second.bbox[2] < first.bbox[0]
      if (sameRow && apart && Math.min(first.bbox[2] - first.bbox[0], second.bbox[2] - second.bbox[0]) > 120) {
        pairs++
        if (pairs >= 3) return true
      }
    }
  }
  return false
}

function union(a: Line['bbox'], b: Line['bbox']): Line['bbox'] {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]
}

function joinWords(words: Word[]): string {
  let text = ''
  for (const [index, word] of words.entries()) {
    if (index > 0 && !word.attached) text += ' '
    text += word.text
  }
  return text
}

/**
 * Puts a single-column page's lines in reading order (top to bottom) and
 * merges pieces of one row: a bullet set apart from its text, a page number
 * tabbed away from a contents title, a raised footnote marker.
 */
export function orderLines(lines: Line[]): Line[] {
  if (lines.length < 2 || hasColumns(lines)) return lines
  const indexed = lines.map((line, index) => ({line, index}))
  indexed.sort((a, b) => a.line.baseline - b.line.baseline || a.line.bbox[0] - b.line.bbox[0] || a.index - b.index)
  const rows: Line[] = []
  for (const {line} of indexed) {
    const previous = rows[rows.length - 1]
    if (previous && sameRow(previous, line)) {
      rows[rows.length - 1] = mergeRow(previous, line)
      continue
    }
    rows.push(line)
  }
  return rows
}

function sameRow(a: Line, b: Line): boolean {
  if (a.dir !== b.dir) return false
  const size = Math.max(a.size, b.size)
  if (Math.abs(a.baseline - b.baseline) <= 0.3 * Math.min(a.size, b.size)) return true
  // A raised or lowered small line inside the other's height (a footnote marker).
  const small = a.size < b.size ? a : b
  const large = small === a ? b : a
  if (small.size > 0.85 * large.size) return false
  const middle = (small.bbox[1] + small.bbox[3]) / 2
  return middle >= large.bbox[1] - 0.1 * size && middle <= large.bbox[3] + 0.1 * size && /^\S{1,4}$/.test(small.text)
}

function mergeRow(a: Line, b: Line): Line {
  const large = a.size >= b.size ? a : b
  const small = large === a ? b : a
  const raised = small.size < 0.85 * large.size && small.bbox[3] < large.baseline - 0.1 * large.size
  const starts = new Set<Word>()
  const pieces = [a, b].map((line) =>
    line.words.map((word, index) => {
      const copy: Word = {...word}
      if (line === small && raised) copy.superscript = true
      if (index === 0) {
        delete copy.attached
        starts.add(copy)
      }
      return copy
    }),
  )
  const words = pieces.flat().sort((x, y) => x.bbox[0] - y.bbox[0])
  // A raised marker is glued to the word before it when it touches it.
  for (const [index, word] of words.entries()) {
    if (index === 0) delete word.attached
    else if (starts.has(word) && word.superscript) {
      const previous = words[index - 1]!
      if (word.bbox[0] - previous.bbox[2] < 0.3 * large.size) word.attached = true
    }
  }
  return {
    text: joinWords(words),
    bbox: union(a.bbox, b.bbox),
    words,
    size: large.size,
    dir: large.dir,
    baseline: large.baseline,
  }
}
