import type {BodyLine, BodyMetrics} from './model.js'

export interface Note {
  page: number
  label: string
  identifier: string
  lines: BodyLine[]
  /** Words of the first line that make up the label. */
  labelWords: number
}

export interface FootnoteReading {
  notes: Note[]
  /** Lines that belong to notes, out of the running text. */
  lines: Set<BodyLine>
  /** Lines at the top of a page's notes that carry on the last note of the page before. */
  carried: Set<BodyLine>
  /** Identifier of the note a marker refers to, by page and label. */
  resolve: (page: number, label: string) => string | null
}

const labelPattern = /^(?:\d{1,3}|[*†‡§¶]{1,3})$/u

function labelOf(line: BodyLine): {label: string; words: number} | null {
  const first = line.words[0]
  if (!first || !line.words[1]) return null
  const text = first.text.replace(/[.)]$/, '')
  if (labelPattern.test(text)) return {label: text, words: 1}
  return null
}

/**
 * Finds the notes at the foot of each page: a run of lines set smaller than
 * the body at the bottom, opening with a number or a note symbol. A note
 * without its label at the top of a page carries on the last note before it.
 * Lines that a table or a box has claimed (`claimed`) are no notes: the notes
 * begin under them, and lines right under them (a table's source line) carry
 * on no note of the page before.
 */
export function findFootnotes(
  pages: Array<{page: number; lines: BodyLine[]}>,
  metrics: BodyMetrics,
  claimed: ReadonlySet<BodyLine> = new Set(),
): FootnoteReading {
  const notes: Note[] = []
  const used = new Set<BodyLine>()
  const carriedLines = new Set<BodyLine>()
  const byPage = new Map<number, Map<string, string>>()
  const seen = new Set<string>()

  for (const {page, lines} of pages) {
    const start = noteZoneStart(lines, metrics, claimed)
    if (start === null) continue
    const above = lines[start - 1]!
    let zone = lines.slice(start)
    // Notes sit apart from the text above them: below it, or beside it in the margin.
    const beside = zone[0]!.x0 >= above.x1 || zone[0]!.x1 <= above.x0
    if (zone[0]!.top - above.bottom < metrics.size * 0.2 && !beside) continue
    const firstLabel = zone.findIndex((line) => labelOf(line) !== null)
    if (firstLabel < 0) continue
    const carried = zone.slice(0, firstLabel)
    const previousNote = notes[notes.length - 1]
    if (carried.length > 0 && previousNote && previousNote.page === page - 1 && !claimed.has(above)) {
      previousNote.lines.push(...carried)
      for (const line of carried) {
        used.add(line)
        carriedLines.add(line)
      }
    }
    zone = zone.slice(firstLabel)
    let current: Note | null = null
    let lastValue = 0
    let last: BodyLine | null = null
    for (const line of zone) {
      const found = labelOf(line)
      // The notes end where an unlabelled line set larger than they are follows them apart (a colophon under them).
      if (last && !found && line.size > zone[0]!.size + 0.6 && line.top - last.bottom > line.size) break
      last = line
      const value = found ? Number(found.label) : Number.NaN
      const opens = found && (current === null || Number.isNaN(value) || value === lastValue + 1 || value > lastValue)
      if (found && opens) {
        let identifier = found.label
        if (seen.has(identifier)) identifier = `${found.label}-p${page}`
        seen.add(identifier)
        current = {page, label: found.label, identifier, lines: [line], labelWords: found.words}
        notes.push(current)
        if (!Number.isNaN(value)) lastValue = value
        const labels = byPage.get(page) ?? new Map<string, string>()
        labels.set(found.label, identifier)
        byPage.set(page, labels)
      } else current?.lines.push(line)
      used.add(line)
    }
  }

  // Endnotes sit on another page than their markers: a label used by one note only is found anywhere.
  const unique = new Map<string, string | null>()
  for (const note of notes) unique.set(note.label, unique.has(note.label) ? null : note.identifier)
  const resolve = (page: number, label: string): string | null =>
    byPage.get(page)?.get(label) ?? unique.get(label) ?? null
  return {notes, lines: used, carried: carriedLines, resolve}
}

/**
 * Where the notes at the foot of a page begin: the lines set smaller than the
 * body; or, in a report whose notes outweigh its text (so that the measured
 * body size is the notes' own), the run of lines at the bottom in one size
 * clearly below the text above it, with bare labels unlike a numbered list.
 */
function noteZoneStart(lines: BodyLine[], metrics: BodyMetrics, claimed: ReadonlySet<BodyLine>): number | null {
  const free = (index: number) => !claimed.has(lines[index]!)
  let start = lines.length
  while (start > 0 && lines[start - 1]!.size < metrics.size * 0.95 && free(start - 1)) start--
  if (start > 0 && start < lines.length) return start
  const bottom = lines[lines.length - 1]
  if (!bottom) return null
  start = lines.length
  while (start > 0 && Math.abs(lines[start - 1]!.size - bottom.size) < 0.6 && free(start - 1)) start--
  if (start === 0 || start === lines.length) return null
  // (A table or a box over the notes is set in its own type: the text is what stands over them.)
  const above = lines.slice(0, start).findLast((line) => !claimed.has(line))
  if (!above || above.size < bottom.size * 1.15) return null
  if (lines.slice(start).some((line) => /^\S+[.)]\s/.test(line.text))) return null
  return start
}
