/** Stands for a `pageBreak` in the text of a block; normalization removes it. */
export const PAGE_MARK = '\ue000'

/**
 * Text normalization shared by every metric, so that gold and output are
 * compared on the same footing: case, typographic quotes, hyphen variants and
 * invisible characters do not count as differences. Ligature glyphs are kept
 * as they are (an output that keeps `ﬁ` has a real defect).
 */
export function normalizeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff\ue000]/g, '')
    .replace(/[\u2018\u2019\u201b\u2032\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

const wordPattern = /[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*/gu

/**
 * Words of a text: runs of letters, marks and digits, with inner hyphens and
 * apostrophes kept (`long-term`, `don't`). A hyphen followed by a space ends
 * the word, so `gov- ernment` gives two words.
 */
export function words(value: string): string[] {
  return normalizeText(value).match(wordPattern) ?? []
}

const leading = /^[^\p{L}\p{M}\p{N}]+/u
const trailing = /[^\p{L}\p{M}\p{N}]+$/u
const trailingHyphen = /[\p{L}\p{M}]-$/u

/**
 * Whitespace-separated tokens with outer punctuation removed, except a
 * trailing hyphen after a letter (`in-` of `in- cluding`), which the
 * broken-word metric needs to see.
 */
export function tokens(value: string): string[] {
  const result: string[] = []
  for (const raw of normalizeText(value).split(' ')) {
    const keepHyphen = trailingHyphen.test(raw.replace(/[^\p{L}\p{M}\p{N}-]+$/u, ''))
    const bare = raw.replace(leading, '').replace(trailing, '')
    if (!bare) continue
    result.push(keepHyphen ? `${bare}-` : bare)
  }
  return result
}

/** How often `needle` occurs as a contiguous run in `haystack` (non-overlapping). */
export function countRuns(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return 0
  let count = 0
  for (let index = 0; index + needle.length <= haystack.length; index++) {
    let match = true
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[index + offset] !== needle[offset]) {
        match = false
        break
      }
    }
    if (match) {
      count++
      index += needle.length - 1
    }
  }
  return count
}
