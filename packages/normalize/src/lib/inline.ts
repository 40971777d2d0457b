import type {Direction, PhrasingContent} from '@folio/ast'
import type {LayoutPage, Word} from '@folio/extract'
import {type HyphenationJudge, LINE_END_HYPHENS, splitPunctuation} from './hyphenation.js'
import {type BodyLine, type BodyMetrics, type Context, info, source} from './model.js'
import {scriptOf, unfoldLigatures} from './text.js'

interface WordPiece {
  kind: 'word'
  text: string
  bold: boolean
  italic: boolean
  url: string | null
  script: {lang: string; dir: Direction} | null
  /** No space before this word. */
  attached: boolean
}

interface BreakPiece {
  kind: 'break'
  page: number
  label: string
}

interface RefPiece {
  kind: 'ref'
  identifier: string
  label: string
}

type Piece = WordPiece | BreakPiece | RefPiece

export interface InlineOptions {
  context: Context
  metrics: BodyMetrics
  judge: HyphenationJudge
  /** Words to leave out at the start of the first line (a list marker). */
  skipWords?: number
  /** Whether a page turn inside the lines becomes a `pageBreak` (not in a note carried over to the next page). */
  pageBreaks?: boolean
  /** Identifier of the note a raised marker on a page refers to. */
  resolveNote?: (page: number, label: string) => string | null
}

function linkAt(page: LayoutPage, word: Word): string | null {
  const cx = (word.bbox[0] + word.bbox[2]) / 2
  const cy = (word.bbox[1] + word.bbox[3]) / 2
  for (const link of page.links) {
    if (!link.url) continue
    const [x0, y0, x1, y1] = link.bbox
    if (cx >= x0 - 1.5 && cx <= x1 + 1.5 && cy >= y0 - 1.5 && cy <= y1 + 1.5) return link.url
  }
  return null
}

/** Turns the lines of one block into phrasing content: words, styles, links, hyphenation and page breaks. */
export function buildInline(lines: BodyLine[], options: InlineOptions): PhrasingContent[] {
  const {context, metrics, judge} = options
  const pieces: Piece[] = []
  let lastWord: WordPiece | null = null
  let lastWordSource: Word | null = null
  let lastLine: BodyLine | null = null
  let pendingBreak: BreakPiece | null = null
  let glueNext = false

  lines.forEach((line, lineIndex) => {
    const words = lineIndex === 0 && options.skipWords ? line.words.slice(options.skipWords) : line.words
    if (lastLine && line.page !== lastLine.page && options.pageBreaks !== false) {
      pendingBreak = {
        kind: 'break',
        page: line.page.number,
        label: context.labels.get(line.page.number) ?? String(line.page.number),
      }
    }
    words.forEach((word, wordIndex) => {
      const text = unfoldLigatures(word.text)
      if (word.superscript && lastWord && options.resolveNote && /^(?:\d{1,3}|[*†‡§¶]{1,3})$/u.test(text)) {
        const identifier = options.resolveNote(line.page.number, text)
        if (identifier) {
          pieces.push({kind: 'ref', identifier, label: text})
          return
        }
      }
      const piece: WordPiece = {
        kind: 'word',
        text,
        bold: word.font.bold && !metrics.boldBody,
        italic: word.font.italic && !metrics.italicBody,
        url: linkAt(line.page, word),
        script: scriptOf(text),
        attached: wordIndex > 0 && word.attached === true,
      }
      if (wordIndex === 0 && lastWord && lastLine && lastWordSource) {
        // A line end: decide the hyphen, else a space.
        const hyphen = lineEndHyphen(lastWord.text, lastWordSource)
        // The next line goes on with a letter ("in-/cluding") or a digit ("P.L. 110-/343", "COVID-/19").
        if (hyphen && /^[\p{L}\p{N}]/u.test(text)) {
          const left = lastWord.text.slice(0, -1)
          const [rightToken] = text.split(/\s/)
          const decision = judge.decide(left, rightToken ?? text, hyphen)
          const place = source(lastLine.page.number, [lastWordSource.bbox])
          const shown = `${left}-/${rightToken ?? text}`
          if (decision.join) {
            lastWord.text = left
            info(
              context,
              'hyphen-joined',
              `Unexpected line-end hyphen in “${shown}”, expected one word: joined as “${decision.word}” (${decision.reason})`,
              place,
            )
          } else {
            lastWord.text = `${left}${hyphen === '\u00ad' ? '-' : hyphen}`
            info(
              context,
              'hyphen-kept',
              `Unexpected join of “${shown}”, expected a compound: kept “${decision.word}” (${decision.reason})`,
              place,
            )
          }
          piece.attached = decision.space !== true
        } else if (/[—]$/.test(lastWord.text) || /^[—]/.test(text)) {
          piece.attached = true
        } else if (/\p{N}–$/u.test(lastWord.text) && /^\p{N}/u.test(text)) {
          // An en dash between numbers is a range ("pages 2321–/2329", "1990–/2000"), no spaced dash.
          piece.attached = true
        } else {
          piece.attached = false
        }
      } else if (wordIndex === 0) {
        piece.attached = lastWord === null ? true : glueNext
      }
      if (pendingBreak && !piece.attached) {
        pieces.push(pendingBreak)
        pendingBreak = null
      }
      pieces.push(piece)
      lastWord = piece
      lastWordSource = word
      glueNext = false
    })
    if (words.length > 0) lastLine = line
  })
  if (pendingBreak) pieces.push(pendingBreak)
  const first = pieces[0]
  if (first?.kind === 'word') first.attached = true
  return toPhrasing(pieces)
}

function lineEndHyphen(text: string, word: Word): string | null {
  if (text.length < 2) return null
  const last = text.slice(-1)
  if (!LINE_END_HYPHENS.includes(last)) return null
  const [, core] = splitPunctuation(text.slice(0, -1))
  if (!/\p{L}$/u.test(core) && !/\p{N}$/u.test(core)) return null
  if (word.softHyphen) return '\u00ad'
  return last
}

type Level = 'url' | 'script' | 'bold' | 'italic'
const levels: Level[] = ['url', 'script', 'bold', 'italic']

function keyOf(piece: WordPiece, level: Level): string | null {
  switch (level) {
    case 'url':
      return piece.url
    case 'script':
      return piece.script ? `${piece.script.lang}|${piece.script.dir}` : null
    case 'bold':
      return piece.bold ? 'bold' : null
    case 'italic':
      return piece.italic ? 'italic' : null
  }
}

/** An item of a run: a word with the space before it, or a page break. */
interface Unit {
  piece: Piece
  /** Whether the space before the word belongs inside the same run as the word. */
  space: boolean
}

function toPhrasing(pieces: Piece[]): PhrasingContent[] {
  const units: Unit[] = pieces.map((piece) => ({piece, space: piece.kind === 'word' && !piece.attached}))
  return build(units, 0)
}

function build(units: Unit[], depth: number, inheritedScript: string | null = null): PhrasingContent[] {
  const level = levels[depth]
  if (!level) return textOf(units)
  const out: PhrasingContent[] = []
  let index = 0
  while (index < units.length) {
    const unit = units[index]!
    const key = unit.piece.kind === 'word' ? keyOf(unit.piece, level) : null
    if (key === null || (level === 'script' && key === inheritedScript)) {
      // Gather the plain stretch, down to the next word that opens a run at this level.
      let end = index + 1
      while (end < units.length) {
        const next = units[end]!
        if (next.piece.kind === 'word' && keyOf(next.piece, level) !== null) break
        end++
      }
      out.push(...build(units.slice(index, end), depth + 1, inheritedScript))
      index = end
      continue
    }
    let end = index + 1
    while (end < units.length) {
      const next = units[end]!
      if (next.piece.kind !== 'word') {
        // A page break or note marker stays inside the run when the run goes on after it.
        const after = units[end + 1]
        if (after?.piece.kind === 'word' && keyOf(after.piece, level) === key) {
          end++
          continue
        }
        break
      }
      if (keyOf(next.piece, level) !== key) break
      end++
    }
    const run = units.slice(index, end)
    // The space before the run's first word stays outside the run.
    const leading = run[0]!.space
    const inner = run.map((item, position) => (position === 0 ? {...item, space: false} : item))
    if (leading) out.push({type: 'text', value: ' '})
    const children = build(inner, depth + 1, level === 'script' ? key : inheritedScript)
    const firstWord = run[0]!.piece as WordPiece
    if (level === 'url') out.push({type: 'link', url: key, children})
    else if (level === 'script') {
      const script = firstWord.script!
      out.push({type: 'span', lang: script.lang, dir: script.dir, children})
    } else if (level === 'bold') out.push({type: 'strong', children})
    else out.push({type: 'emphasis', children})
    index = end
  }
  return mergeText(out)
}

function textOf(units: Unit[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  let buffer = ''
  for (const unit of units) {
    if (unit.piece.kind !== 'word') {
      if (buffer) out.push({type: 'text', value: buffer})
      buffer = ''
      if (unit.piece.kind === 'break') out.push({type: 'pageBreak', page: unit.piece.page, label: unit.piece.label})
      else out.push({type: 'footnoteReference', identifier: unit.piece.identifier, label: unit.piece.label})
      continue
    }
    buffer += (unit.space ? ' ' : '') + unit.piece.text
  }
  if (buffer) out.push({type: 'text', value: buffer})
  return out
}

function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    const previous = out[out.length - 1]
    if (node.type === 'text' && previous?.type === 'text') previous.value += node.value
    else out.push(node)
  }
  return out
}

/** Sets the document language aside: spans are only for another script than the document's. */
export function dropSameScriptSpans(nodes: PhrasingContent[], lang: string): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const node of nodes) {
    if (node.type === 'span' && node.lang && lang.split('-')[0] === node.lang) {
      out.push(...dropSameScriptSpans(node.children, lang))
      continue
    }
    if ('children' in node && node.type !== 'span') {
      out.push({...node, children: dropSameScriptSpans(node.children, lang)} as PhrasingContent)
      continue
    }
    out.push(node)
  }
  return mergeText(out)
}
