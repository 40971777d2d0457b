import type {Graphic, LayoutPage} from '@folio/extract'
import {readByline} from './cover.js'
import type {BodyLine, BodyMetrics} from './model.js'
import {isContactLine} from './text.js'

/** An end block found at the foot of one of the last pages: its page and lines, in reading order. */
export interface EndBlock {
  page: number
  lines: BodyLine[]
  /** The lines in runs: each author line opens a run. */
  groups: BodyLine[][]
}

const email = /[\w.+-]+@[\w-]+\.[\w.-]+/
const url = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:org|com|net|gov|edu|int|info|io)(?:\/\S*)?\b/i
/** A domain under a country's second level (`cancerwa.asn.au`), in lower case as addresses are printed. */
const countryDomain = /\b[a-z\d-]+(?:\.[a-z\d-]+)*\.[a-z]{2,3}\.[a-z]{2}\b/
const phone = /\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}\b|\b\d{3}[.-]\d{3}[.-]\d{4}\b|\+\d{1,3}[\s.-]?\d[\d\s.-]{6,}\d/
/** A note label opening a line: digits or a note symbol before the text. */
const noteLabel = /^(?:\(?\d{1,3}[.)]?|[*†‡§¶])(?:\s|(?=\p{Lu}))/u

/** Whether a line carries a way to reach someone: a mail address, a web address or a telephone number. */
export function hasContact(text: string): boolean {
  return isContactLine(text) || email.test(text) || url.test(text) || countryDomain.test(text) || phone.test(text)
}

/**
 * Whether a line names a person and their role (`Jane Doe, Senior Analyst`),
 * the name set in another type than the role (bold names in an author block).
 */
export function isAuthorLine(line: BodyLine): boolean {
  const words = line.words
  const cut = words.findIndex((word) => word.text.endsWith(','))
  if (cut < 1 || cut > 5 || cut + 1 >= words.length) return false
  // The comma may be a word of its own.
  const nameWords = words.slice(0, words[cut]!.text === ',' ? cut : cut + 1)
  const name = nameWords
    .map((word) => word.text)
    .join(' ')
    .replace(/,$/, '')
  if (nameWords.length < 2 || readByline(name)?.length !== 1) return false
  const role = words[cut + 1]!
  if (!/^\p{Lu}/u.test(role.text)) return false
  const last = nameWords[nameWords.length - 1]!
  return last.font.name !== role.font.name || last.font.bold !== role.font.bold
}

const isRule = (graphic: Graphic): boolean =>
  graphic.kind === 'rule' &&
  graphic.artifact !== true &&
  graphic.bbox[3] - graphic.bbox[1] <= 3 &&
  graphic.bbox[2] - graphic.bbox[0] >= 72

/**
 * The end block of a document: on its last page (or the page before, when the
 * last holds only a notice), lines at the foot of the page or of a column that
 * a drawn rule sets apart from the running text above, made of author and
 * contact lines (people with their roles, addresses, telephone numbers, web
 * and mail addresses). Note bodies (lines opened by a note label) and ruled
 * tables (other long rules among the lines) are no end block.
 */
export function findEndBlock(
  pages: Array<{page: LayoutPage; lines: BodyLine[]}>,
  metrics: BodyMetrics,
): EndBlock | null {
  for (const {page, lines} of pages.slice(-2).reverse()) {
    const found = endBlockOf(page, lines, metrics)
    if (found) return found
  }
  return null
}

function endBlockOf(page: LayoutPage, lines: BodyLine[], metrics: BodyMetrics): EndBlock | null {
  const height = page.height || 792
  const rules = (page.graphics ?? [])
    .filter(isRule)
    .filter((rule) => rule.bbox[1] > height * 0.4)
    .sort((a, b) => a.bbox[1] - b.bbox[1])
  for (const rule of rules) {
    const [left, top, right, bottom] = rule.bbox
    const span = (line: BodyLine) => line.x0 < right && line.x1 > left
    const under = lines.filter((line) => span(line) && line.top >= bottom - 1)
    if (under.length === 0 || under.length > 30) continue
    // The block stands within the rule's width, and nothing else lies under the rule.
    if (under.some((line) => line.x0 < left - 12 || line.x1 > right + 12)) continue
    const first = under.reduce((best, line) => (line.top < best.top ? line : best), under[0]!)
    if (first.top - bottom > first.size * 3) continue
    // Running text ends above the rule.
    if (!lines.some((line) => span(line) && line.bottom <= top + 1)) continue
    // Another long rule among the lines: a ruled table, not an end block.
    const width = right - left
    const crossed = (page.graphics ?? []).some(
      (other) =>
        other !== rule &&
        isRule(other) &&
        other.bbox[1] > bottom + 2 &&
        other.bbox[1] < Math.max(...under.map((line) => line.bottom)) &&
        other.bbox[2] - other.bbox[0] >= width * 0.5,
    )
    if (crossed) continue
    const ordered = lines.filter((line) => under.includes(line))
    if (noteLabel.test(ordered[0]!.text.trim())) continue
    const contacts = ordered.filter((line) => hasContact(line.text)).length
    const authors = ordered.filter(isAuthorLine).length
    if (contacts + authors === 0 || contacts + authors < ordered.length * 0.25) continue
    // A contact line alone in body type is a paragraph's end, not an end block.
    const smaller = ordered.reduce((sum, line) => sum + line.size, 0) / ordered.length < metrics.size - 0.5
    if (authors === 0 && !smaller) continue
    const groups: BodyLine[][] = []
    for (const line of ordered) {
      const last = groups[groups.length - 1]
      if (!last || isAuthorLine(line)) groups.push([line])
      else last.push(line)
    }
    return {page: page.number, lines: ordered, groups}
  }
  return null
}
