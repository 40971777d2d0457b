import type {Meta, Translation} from '@folio/ast'
import type {DocumentInfo} from '@folio/extract'
import type {BodyLine} from './model.js'
import {isContactLine, parseDateLine, scriptOf, unfoldLigatures} from './text.js'

/** Words that name an organisation, in the languages Folio reads (no one publisher's name). */
const organisation =
  /\b(?:institute|institut|institution|cent(?:er|re)|council|office|service|foundation|fondation|stiftung|university|universit[éy]|université|association|bank|agency|department|ministry|minist[eè]re|ministerium|organi[sz]ation|commission|programme|program|society|academy|trust|network|forum|school|college|laborator(?:y|ies)|bureau|authority|committee|corporation|federation|union|observatory|fund|press|publishing|gesellschaft|verband|municipalit[éy]|government|gouvernement|alliance|lab|observatoire|observatorium|initiative|coalition|partnership)\b/i

/** Whether the first page reads as a cover: little text, set large. */
export function looksLikeCover(lines: BodyLine[], bodySize: number, pageCount: number): boolean {
  if (pageCount < 2 || lines.length === 0) return false
  const chars = lines.reduce((sum, line) => sum + line.text.length, 0)
  const largest = Math.max(...lines.map((line) => line.size))
  const longLines = lines.filter((line) => line.text.length > 70 && Math.abs(line.size - bodySize) < 1).length
  if (longLines >= 6) return false
  return chars < 700 || (largest >= bodySize * 1.6 && lines.length <= 30)
}

export interface CoverReading {
  meta: Partial<Meta>
  /** Lines that went into `meta`. */
  used: Set<BodyLine>
}

const clean = (text: string) => unfoldLigatures(text).replace(/\s+/g, ' ').trim()

/** Names joined the way a byline joins them: "A and B", "A, B et C", "A und B". */
export function readByline(text: string): string[] | null {
  const trimmed = text.trim().replace(/^(?:by|par|von|written by|authors?:)\s+/i, '')
  const names = trimmed.split(/\s*(?:,|;|&|\band\b|\bet\b|\bund\b|\by\b)\s*/u).filter(Boolean)
  if (names.length === 0 || names.length > 8) return null
  const name = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|di|du|la|le|bin|ibn|al-\p{L}+))*$/u
  const fits = (part: string) => {
    const count = part.split(/\s+/).length
    return name.test(part) && count >= 2 && count <= 5 && /\p{Ll}/u.test(part)
  }
  if (!names.every(fits)) return null
  return names
}

/** The printed form of an all-capitals line when the document sets the same words in mixed case elsewhere. */
function mixedCase(text: string, elsewhere: string[]): string {
  if (text !== text.toUpperCase() || !/\p{Lu}/u.test(text)) return text
  const key = text.toLowerCase()
  const seen = elsewhere.find((other) => other.toLowerCase() === key && other !== other.toUpperCase())
  if (seen) return seen
  // Capitals are the cover's type style, not the name's spelling: a name of several words reads in title case.
  const words = text.split(/\s+/)
  if (words.length < 2) return text
  return words
    .map((word, index) =>
      index > 0 && minorWords.has(word.toLowerCase())
        ? word.toLowerCase()
        : // An abbreviation with stops (`U.S.`) keeps its capitals.
          /^(?:\p{Lu}\.){2,}$/u.test(word)
          ? word
          : word.charAt(0) + word.slice(1).toLowerCase(),
    )
    .join(' ')
}

/** Short words that title case leaves in lower case, in the languages Folio reads. */
const minorWords = new Set(
  'a an and at for in of on the to de des du et la le les pour für und der die das von zur zum'.split(' '),
)

/**
 * Reads title, subtitle, date, authors and publisher from the cover's lines.
 * `furniture` holds the running heads and feet of the document: a cover line
 * that repeats one of them (and is not the title) names the publisher.
 */
export function readCover(lines: BodyLine[], docLang: string, furniture: string[] = []): CoverReading {
  const used = new Set<BodyLine>()
  const meta: Partial<Meta> = {}
  const ordered = [...lines].sort((a, b) => a.top - b.top || a.x0 - b.x0)
  const latin = ordered.filter((line) => !scriptOf(line.text) || scriptOf(line.text)?.lang === docLang)

  // Title: the largest type that reads as words (a logo set large is a single word).
  const sizes = [...new Set(latin.map((line) => Math.round(line.size * 2) / 2))].sort((a, b) => b - a)
  let titleLines: BodyLine[] = []
  for (const size of sizes) {
    const group = latin.filter((line) => Math.abs(line.size - size) < 0.6 && !parseDateLine(line.text))
    const text = group.map((line) => line.text).join(' ')
    if (text.split(/\s+/).length >= 2 && text.length >= 10) {
      // Keep the run of lines that follow each other closely.
      const first = group[0]!
      titleLines = [first]
      for (const line of group.slice(1)) {
        const last = titleLines[titleLines.length - 1]!
        if (line.top - last.bottom < size * 1.2) titleLines.push(line)
        else break
      }
      break
    }
  }
  if (titleLines.length > 0) {
    meta.title = clean(titleLines.map((line) => line.text).join(' '))
    for (const line of titleLines) used.add(line)
  }

  const titleSize = titleLines[0]?.size ?? 0
  const titleBottom = titleLines[titleLines.length - 1]?.bottom ?? 0

  for (const line of ordered) {
    if (used.has(line) || meta.date) continue
    const parts = [line.text, ...line.text.split(/\s*[·|•–—]\s*/)]
    for (const part of parts) {
      const date = parseDateLine(part)
      if (date) {
        meta.date = date
        used.add(line)
        break
      }
    }
  }

  // Subtitle: the lines just under the title, set smaller than it but apart from the rest.
  const after = latin.filter((line) => !used.has(line) && line.top >= titleBottom - 1)
  const subtitleLines: BodyLine[] = []
  for (const line of after) {
    const last = subtitleLines[subtitleLines.length - 1]
    const gapFromTitle = line.top - titleBottom
    if (!last && gapFromTitle > titleSize * 2.5) break
    if (last && (line.top - last.bottom > line.size * 1.2 || Math.abs(line.size - last.size) > 0.6)) break
    if (line.size >= titleSize - 0.5 || organisation.test(line.text) || /^by\s/i.test(line.text)) break
    if (!last && line.text.trim().split(/\s+/).length < 3) break
    subtitleLines.push(line)
  }
  if (subtitleLines.length > 0 && titleLines.length > 0) {
    meta.subtitle = clean(subtitleLines.map((line) => line.text).join(' '))
    for (const line of subtitleLines) used.add(line)
  }

  const authors: string[] = []
  for (const line of ordered) {
    if (used.has(line) || authors.length > 0 || organisation.test(line.text)) continue
    const names = readByline(clean(line.text))
    if (names) {
      authors.push(...names)
      used.add(line)
    }
  }
  if (authors.length > 0) meta.authors = authors

  let publisherIndex = -1
  const furnitureKeys = new Set(furniture.map((text) => clean(text).toLowerCase()))
  const free = ordered.filter((line) => !used.has(line) && !scriptOf(line.text) && !isContactLine(line.text))
  const repeated = (line: BodyLine) => furnitureKeys.has(clean(line.text).toLowerCase())
  const named = (line: BodyLine) => organisation.test(line.text) && line.text.length < 120
  // A running line alone names the publisher when it reads as a name: a few words, no numbers.
  const nameLike = (line: BodyLine) => !/\p{N}/u.test(line.text) && line.text.trim().split(/\s+/).length <= 6
  const publisherLine =
    free.find((line) => named(line) && repeated(line)) ??
    free.find(named) ??
    free.find((line) => repeated(line) && nameLike(line))
  if (publisherLine) {
    meta.publisher = mixedCase(clean(publisherLine.text), furniture.map(clean))
    used.add(publisherLine)
    publisherIndex = ordered.indexOf(publisherLine)
  }

  // Lines in another script name the publisher (or the title) in another language.
  const translations: Translation[] = []
  for (const [index, line] of ordered.entries()) {
    const script = scriptOf(line.text)
    if (!script || script.lang === docLang.split('-')[0]) continue
    const nearPublisher = publisherIndex >= 0 && Math.abs(index - publisherIndex) <= 2
    const field: Translation['field'] = nearPublisher ? 'publisher' : meta.title ? 'title' : 'publisher'
    if (translations.some((item) => item.field === field)) continue
    translations.push({field, value: clean(line.text), lang: script.lang, dir: script.dir})
    used.add(line)
  }
  if (translations.length > 0) meta.translations = translations
  return {meta, used}
}

const placeholderTitle = /^(?:untitled|microsoft word|document\d*|title)\b|\.(?:docx?|pdf|indd|tex|rtf|odt)$/i

/** The info dictionary's title when it is a real one (not a file name or a placeholder). */
export function infoTitle(info: DocumentInfo): string | undefined {
  const title = info.title?.trim()
  if (!title || title.length < 4 || placeholderTitle.test(title)) return undefined
  return title
}

/** Authors from the info dictionary when they name people, not a tool or an organisation. */
export function infoAuthors(info: DocumentInfo): string[] {
  const author = info.author?.trim()
  if (!author || organisation.test(author) || /\b(?:admin|user|owner|microsoft|adobe)\b/i.test(author)) return []
  const byline = readByline(author)
  if (byline) return byline
  return author
    .split(/\s*(?:;|\band\b|&)\s*/)
    .map((name) => name.trim())
    .filter((name) => name.length > 1)
}
