export type MarkerStyle = 'bullet' | 'decimal' | 'lower-alpha' | 'upper-alpha' | 'lower-roman' | 'upper-roman'

export interface ListMarker {
  ordered: boolean
  style: MarkerStyle
  /** The marker as it reads: '■', '•', '1.', 'a)', '(i)'; private-use glyphs mapped to what they show. */
  marker: string
  /** The pattern of the marker, equal for items of one list: '■', '1.', 'a)', '(i)' → '#.', 'a)', '(i)'. */
  pattern: string
  /** Ordinal value for ordered markers (1-based). */
  value?: number
  /** Length of the marker token in the text, without the following space. */
  length: number
  /** Levels of a numbered marker: 2 for `1.3:` (the third item under item 1); absent for one level. */
  level?: number
}

/** Glyphs that set a bullet, as text or in the private-use area of Symbol/Wingdings fonts. */
const bulletGlyphs = new Set([
  '■',
  '□',
  '▪',
  '▫',
  '●',
  '•',
  '◦',
  '○',
  '◆',
  '◇',
  '❖',
  '►',
  '▶',
  '▸',
  '‣',
  '⁃',
  '–',
  '—',
  '-',
  '*',
  '·',
  '∙',
  '➢',
  '➤',
  '→',
  '✓',
  '✔',
  '✗',
  '❑',
  '❏',
  '⮚',
  '\u2219',
])

/**
 * Private-use code points that Symbol and Wingdings fonts map to bullet shapes
 * (Word and PowerPoint export their bullets this way), with the glyph they show.
 */
const privateUseBullets: Record<number, string> = {
  61623: '•', // Symbol bullet
  61607: '▪', // Wingdings small square
  61550: '■', // Wingdings black square
  61608: '□',
  61656: '➢', // Wingdings 3D arrow
  61664: '➢',
  61692: '✓', // Wingdings check
  61558: '❖', // Wingdings diamond
  61553: '❑',
  61680: '⇨',
  61662: '►',
  61618: '◆',
  61548: '●', // Wingdings black circle
  61599: '•',
  61601: '○',
  61485: '–',
  61557: '◆',
  61492: '■',
}

/** The glyph a bullet character shows, or null when it is not a bullet. */
export function bulletGlyph(char: string): string | null {
  if (bulletGlyphs.has(char)) return char
  const code = char.codePointAt(0) ?? 0
  const mapped = privateUseBullets[code]
  if (mapped) return mapped
  // Any other private-use glyph standing alone before text is a symbol-font bullet.
  if (code >= 0xf020 && code <= 0xf0ff) return '•'
  return null
}

const romanValues: Record<string, number> = {i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000}

/** Value of a roman numeral (lower or upper case), or null when it is not a well-formed one. */
export function romanValue(text: string): number | null {
  const lower = text.toLowerCase()
  if (!/^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/.test(lower) || lower === '') return null
  let total = 0
  for (let index = 0; index < lower.length; index++) {
    const value = romanValues[lower[index] ?? ''] ?? 0
    const next = romanValues[lower[index + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}

/** A number of several levels closed by a colon: `1.3:` (a heading's `1.3` has no colon). */
const levelledPattern = /^(\d{1,3}(?:\.\d{1,3})+):(?=\s)/u

const orderedPattern = /^(\()?(\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})([.)])(?=\s|$)/u
const parenthesized = /^\((\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})\)(?=\s|$)/u

/**
 * Reads a list marker at the start of a line's text. `previous` is the marker
 * of the item before, which settles whether "i." is a roman one or a letter.
 */
export function parseListMarker(text: string, previous?: ListMarker): ListMarker | null {
  const trimmed = text.trimStart()
  const first = String.fromCodePoint(trimmed.codePointAt(0) ?? 32)
  const glyph = bulletGlyph(first)
  if (glyph) {
    const rest = trimmed.slice(first.length)
    // A bullet is followed by a space (or nothing when the text sits in its own run).
    if (rest !== '' && !/^\s/.test(rest)) return null
    // A hyphen or dash only counts as a bullet before a word, not as a minus before a number.
    if ((glyph === '-' || glyph === '–' || glyph === '—') && /^\s*[\d$€£]/.test(rest)) return null
    return {ordered: false, style: 'bullet', marker: glyph, pattern: glyph, length: first.length}
  }

  const levelled = levelledPattern.exec(trimmed)
  if (levelled) {
    const parts = (levelled[1] ?? '').split('.')
    return {
      ordered: true,
      style: 'decimal',
      marker: levelled[0],
      pattern: `${parts.map(() => '1').join('.')}:`,
      value: Number(parts[parts.length - 1]),
      length: levelled[0].length,
      level: parts.length,
    }
  }

  let body: string
  let open = ''
  let close: string
  let length: number
  const paren = parenthesized.exec(trimmed)
  if (paren) {
    body = paren[1] ?? ''
    open = '('
    close = ')'
    length = paren[0].length
  } else {
    const match = orderedPattern.exec(trimmed)
    if (!match || match[1]) return null
    body = match[2] ?? ''
    close = match[3] ?? '.'
    length = match[0].length
  }
  // "1.2" style numbering belongs to headings, not to lists.
  if (/^\d/.test(body) && /^\d+\.\d/.test(trimmed)) return null

  let style: MarkerStyle
  let value: number
  if (/^\d+$/.test(body)) {
    style = 'decimal'
    value = Number(body)
  } else {
    const roman = romanValue(body)
    const isLower = body === body.toLowerCase()
    const letterValue = body.length === 1 ? body.toLowerCase().charCodeAt(0) - 96 : null
    const continuesLetters =
      previous &&
      (previous.style === 'lower-alpha' || previous.style === 'upper-alpha') &&
      letterValue !== null &&
      previous.value !== undefined &&
      letterValue === previous.value + 1
    if (
      roman !== null &&
      !continuesLetters &&
      (body.length > 1 || body.toLowerCase() === 'i' || isRomanList(previous))
    ) {
      style = isLower ? 'lower-roman' : 'upper-roman'
      value = roman
    } else if (letterValue !== null) {
      style = isLower ? 'lower-alpha' : 'upper-alpha'
      value = letterValue
    } else {
      return null
    }
  }
  const patternBody =
    style === 'decimal'
      ? '1'
      : style === 'lower-alpha'
        ? 'a'
        : style === 'upper-alpha'
          ? 'A'
          : style === 'lower-roman'
            ? 'i'
            : 'I'
  return {
    ordered: true,
    style,
    marker: `${open}${body}${close}`,
    pattern: `${open}${patternBody}${close}`,
    value,
    length,
  }
}

function isRomanList(previous: ListMarker | undefined): boolean {
  return previous?.style === 'lower-roman' || previous?.style === 'upper-roman'
}
