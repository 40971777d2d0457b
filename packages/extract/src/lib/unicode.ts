const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
}

const LIGATURE_RE = /[\uFB00-\uFB06]/g

/** A soft hyphen: a hyphenation point that is only visible at a line end. */
export const SOFT_HYPHEN = '\u00AD'

/** Hebrew and Arabic presentation forms (shaped glyphs): the letters they show. */
const PRESENTATION_RE = /[\uFB1D-\uFB4F\uFB50-\uFDFF\uFE70-\uFEFE]/g

const SPACES_RE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g
const INVISIBLE_RE = /[\u200B-\u200D\u2060\uFEFF\uFFFE\uFFFF\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/**
 * Clean the text of one glyph or run as found in the PDF: ligature presentation forms
 * expanded, Hebrew and Arabic presentation forms made letters, no-break and typographic
 * spaces made plain spaces, invisible format marks and control characters removed, NFC. Soft hyphens are kept (see `cleanWord`).
 */
export function cleanText(text: string): string {
  return text
    .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
    .replace(SPACES_RE, ' ')
    .replace(INVISIBLE_RE, '')
    .replace(PRESENTATION_RE, (c) => c.normalize('NFKC'))
    .normalize('NFC')
}

/**
 * Clean the text of a whole word: soft hyphens inside a word are dropped (they only mark
 * where the word may break); a soft hyphen at the end of a word becomes a plain hyphen,
 * because the PDF showed it as the visible break of a hyphenated word.
 */
export function cleanWord(text: string): {text: string; softHyphen: boolean} {
  const cleaned = cleanText(text)
  if (!cleaned.includes(SOFT_HYPHEN)) return {text: cleaned, softHyphen: false}
  const trailing = cleaned.endsWith(SOFT_HYPHEN)
  const inner = cleaned.replaceAll(SOFT_HYPHEN, '')
  return {text: trailing ? inner + '-' : inner, softHyphen: trailing}
}

const RTL_RE = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u
const RTL_ALL_RE = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu
const LTR_ALL_RE = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/gu

/** Whether a string contains right-to-left letters (Hebrew, Arabic, Syriac, Thaana, …). */
export function hasRtl(text: string): boolean {
  return RTL_RE.test(text)
}

/** The writing direction of a text by the count of strong characters. */
export function directionOf(text: string): 'ltr' | 'rtl' {
  const rtl = text.match(RTL_ALL_RE)?.length ?? 0
  const ltr = text.match(LTR_ALL_RE)?.length ?? 0
  return rtl > ltr ? 'rtl' : 'ltr'
}

/** Whether a character is whitespace as far as word breaking is concerned. */
export function isBreakingSpace(text: string): boolean {
  return text.length > 0 && /^[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+$/u.test(text)
}

/** Symbol-font codes (as pdf.js gives them, U+F0xx) of the common list and math glyphs. */
const WINGDINGS: Record<number, string> = {
  108: '\u25CF',
  110: '\u25A0',
  111: '\u25A1',
  113: '\u2751',
  117: '\u25C6',
  118: '\u2756',
  159: '\u2022',
  167: '\u25AA',
  168: '\u25FB',
  216: '\u27A2',
  232: '\u2794',
  240: '\u21E8',
  251: '\u2717',
  252: '\u2714',
  254: '\u2611',
}

const SYMBOL: Record<number, string> = {
  45: '\u2212',
  163: '\u2264',
  165: '\u221E',
  172: '\u2190',
  173: '\u2191',
  174: '\u2192',
  175: '\u2193',
  176: '\u00B0',
  177: '\u00B1',
  179: '\u2265',
  180: '\u00D7',
  183: '\u2022',
  184: '\u00F7',
  185: '\u2260',
  187: '\u2248',
  210: '\u00AE',
  211: '\u00A9',
  212: '\u2122',
  215: '\u22C5',
  224: '\u25CA',
}

/**
 * Text of a Wingdings or Symbol font that pdf.js left in the private use area (U+F0xx, the
 * font's own codes): the common bullets, arrows, check marks and math signs as Unicode.
 * Other private-use characters are kept as found.
 */
export function mapSymbolFont(text: string, fontName: string): string {
  const table = /wingdings/i.test(fontName) ? WINGDINGS : /symbol/i.test(fontName) ? SYMBOL : undefined
  if (!table || !/[\uF000-\uF0FF]/.test(text)) return text
  return text.replace(/[\uF000-\uF0FF]/g, (c) => table[(c.codePointAt(0) ?? 0) - 0xf000] ?? c)
}

/** A glyph whose text says nothing: no Unicode, a control character, private use, U+FFFD. */
export function isUnmapped(text: string): boolean {
  return text === '' || /^[\u0000-\u001F\u007F\uE000-\uF8FF\uFFFD]+$/u.test(text)
}
