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
