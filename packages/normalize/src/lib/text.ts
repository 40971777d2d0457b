import type {Direction} from '@folio/ast'

const ligatures: Record<string, string> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
}

/** Unfolds typographic ligatures (U+FB00–FB06) into their letters. */
export function unfoldLigatures(text: string): string {
  return (
    text
      .replace(/[\ufb00-\ufb06]/g, (char) => ligatures[char] ?? char)
      // Arabic presentation forms (shaped glyphs) back to letters: "ﻻ" → "لا".
      .replace(/[\ufb50-\ufdff\ufe70-\ufefe]+/g, (run) => run.normalize('NFKC'))
  )
}

interface ScriptInfo {
  lang: string
  dir: Direction
}

const scripts: Array<[RegExp, ScriptInfo]> = [
  [/\p{Script=Arabic}/u, {lang: 'ar', dir: 'rtl'}],
  [/\p{Script=Hebrew}/u, {lang: 'he', dir: 'rtl'}],
  [/\p{Script=Cyrillic}/u, {lang: 'ru', dir: 'ltr'}],
  [/\p{Script=Greek}/u, {lang: 'el', dir: 'ltr'}],
  [/\p{Script=Han}/u, {lang: 'zh', dir: 'ltr'}],
  [/\p{Script=Hiragana}|\p{Script=Katakana}/u, {lang: 'ja', dir: 'ltr'}],
  [/\p{Script=Hangul}/u, {lang: 'ko', dir: 'ltr'}],
  [/\p{Script=Devanagari}/u, {lang: 'hi', dir: 'ltr'}],
  [/\p{Script=Thai}/u, {lang: 'th', dir: 'ltr'}],
]

/** The language and direction implied by a non-Latin script in the text, or null for Latin or symbols. */
export function scriptOf(text: string): ScriptInfo | null {
  for (const [pattern, info] of scripts) if (pattern.test(text)) return info
  return null
}

const months: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
  januar: 1,
  februar: 2,
  märz: 3,
  juni: 6,
  juli: 7,
  oktober: 10,
  dezember: 12,
}

const pad = (value: number): string => String(value).padStart(2, '0')

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Reads a date that makes up a whole line ("May 14, 2024", "14 May 2024",
 * "2024-05-14", "May 2024", "Mai 2024") as ISO 8601, or null.
 */
export function parseDateLine(text: string): string | null {
  const line = text
    .trim()
    .replace(/[.,]$/, '')
    .replace(/^(?:updated|published|date)\s*:?\s*/i, '')
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(line)
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    return validDay(year, month, day) ? `${match[1]}-${match[2]}-${match[3]}` : null
  }
  match = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u.exec(line)
  if (match) {
    const month = months[(match[1] ?? '').toLowerCase()]
    const [day, year] = [Number(match[2]), Number(match[3])]
    if (month && validDay(year, month, day)) return `${year}-${pad(month)}-${pad(day)}`
    return null
  }
  match = /^(\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(\p{L}+)\.?,?\s+(\d{4})$/u.exec(line)
  if (match) {
    const month = months[(match[2] ?? '').toLowerCase()]
    const [day, year] = [Number(match[1]), Number(match[3])]
    if (month && validDay(year, month, day)) return `${year}-${pad(month)}-${pad(day)}`
    return null
  }
  match = /^(\p{L}+)\.?,?\s+(\d{4})$/u.exec(line)
  if (match) {
    const month = months[(match[1] ?? '').toLowerCase()]
    if (month) return `${match[2]}-${pad(month)}`
    return null
  }
  return null
}

/** The date part of an ISO 8601 timestamp from the info dictionary ("2024-05-14T09:00:00Z" → "2024-05-14"). */
export function isoDatePart(timestamp: string | undefined): string | undefined {
  if (!timestamp) return undefined
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(timestamp)
  // Before PDF existed: a tool's placeholder (1900-01-01, 1970-01-01), not the document's date.
  if (!match || Number(match[1]) < 1993) return undefined
  return [match[1], match[2], match[3]].filter(Boolean).join('-')
}

const iso6393: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  arb: 'ar',
  rus: 'ru',
  cmn: 'zh',
  jpn: 'ja',
  pes: 'fa',
  tur: 'tr',
  pol: 'pl',
  swe: 'sv',
  dan: 'da',
  ukr: 'uk',
  kor: 'ko',
  hin: 'hi',
  heb: 'he',
  ell: 'el',
}

/** Maps an ISO 639-3 code from language detection to the BCP 47 tag used in the tree. */
export function toBcp47(code: string): string | null {
  return iso6393[code] ?? null
}

/** True for text that is a contact line: an e-mail address, a web address, a phone number or a handle. */
export function isContactLine(text: string): boolean {
  const stripped = text.replace(/^[^\p{L}\p{N}+@(]+/u, '').trim()
  if (/[\w.+-]+@[\w-]+\.[\w.-]+/.test(stripped)) return true
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(stripped)) return true
  if (/^[\w-]+(\.[\w-]+)+\.(?:org|com|net|gov|edu|int|info|io)(\/\S*)?$/i.test(stripped)) return true
  if (/^(?:@\w+\s*)+$/.test(stripped)) return true
  if (/^(?:tel\.?|phone|fax|t|f)?\s*:?\s*\+?[\d\s().-]{7,}$/i.test(stripped)) return true
  return false
}
