import type {Content, PageBreak, Root, Section} from '@folio/ast'
import {plainText} from '@folio/ast'
import {childrenOf} from './children.js'

/** Ids the document itself uses; a section never takes one of them. */
export const reservedIds = ['main', 'contents-title', 'endnotes-title', 'colophon-title', 'top'] as const

// Footnote, page and caption ids are derived from their own names; a heading slug
// that looks like one ("Page 3", "FN 1") is moved aside so the two can never collide.
const derivedPattern = /^(?:fn|fnref|page|caption)-/

/**
 * A readable id from text: lower case, letters and digits of any script kept,
 * diacritics and everything else folded into single hyphens. Never starts with
 * a digit (XML ids, as in EPUB's XHTML, may not).
 */
export function slug(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')
  if (base === '') return 'section'
  if (/^\p{N}/u.test(base) || derivedPattern.test(base) || (reservedIds as readonly string[]).includes(base)) {
    return `section-${base}`
  }
  return base
}

export interface IdOptions {
  /** Prefixed to every id the renderer writes (for embedding beside other content). */
  idPrefix?: string
}

function headingText(section: Section): string {
  const heading = section.children[0]
  return heading?.type === 'heading' ? plainText(heading) : ''
}

/**
 * The id of every section in `tree`, in document order: the section's own
 * `identifier` when it has one, else a slug of its heading's text; repeats get
 * `-2`, `-3`… The same tree always gives the same ids, so another file (an EPUB
 * chapter, a link from elsewhere) can point at a section.
 */
export function sectionIds(tree: Root | Content, options: IdOptions = {}): Map<Section, string> {
  const prefix = options.idPrefix ?? ''
  const ids = new Map<Section, string>()
  const taken = new Set<string>(reservedIds)
  const visit = (node: Content) => {
    if (node.type === 'section') {
      const base = slug(node.identifier ?? headingText(node))
      let id = base
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
      taken.add(id)
      ids.set(node, prefix + id)
    }
    for (const child of childrenOf(node)) visit(child)
  }
  visit(tree)
  return ids
}

/** The id of a page-break marker: from the physical page index, which is unique in a tree. */
export function pageBreakId(node: PageBreak, idPrefix = ''): string {
  return `${idPrefix}page-${node.page}`
}

/** The id of a footnote's entry in the endnotes. */
export function footnoteId(identifier: string, idPrefix = ''): string {
  return `${idPrefix}fn-${slugPart(identifier)}`
}

/** The id of the `n`th (1-based) reference to a footnote. */
export function footnoteReferenceId(identifier: string, n = 1, idPrefix = ''): string {
  return `${idPrefix}fnref-${slugPart(identifier)}${n > 1 ? `_${n}` : ''}`
}

// Injective, so distinct identifiers ('1', '1.', '*', '**') never share an id:
// letters, digits and hyphens stay, anything else becomes `_<hex code point>_`.
// A repeat reference's `_n` suffix cannot be produced by a part, which never ends in `_<digits>`.
function slugPart(identifier: string): string {
  let part = ''
  for (const char of identifier) {
    part += /[\p{L}\p{N}-]/u.test(char) ? char : `_${(char.codePointAt(0) as number).toString(16)}_`
  }
  return part === '' ? '_' : part
}

/** The id of the `n`th (1-based) caption that names a table. */
export function captionId(n: number, idPrefix = ''): string {
  return `${idPrefix}caption-${n}`
}
