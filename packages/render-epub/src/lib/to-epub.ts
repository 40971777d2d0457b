import {check, type Root, type TreeProblem} from '@folio/ast'
import {footnoteId, handlers, labelsFor, sectionIds, toHast} from '@folio/render-html'
import type {BacklinkWords} from './content.js'
import {buildEpub} from './epub.js'
import {epubStylesheet} from './stylesheet.js'
import type {EpubOptions, EpubResult} from './types.js'

/**
 * Turn a Folio tree into an EPUB 3 file: one XHTML content document per top-level section (rendered by
 * `toHast` of `@folio/render-html`), a title page, `nav.xhtml` with a nested table of contents, landmarks and a
 * page-list, a package document with EPUB Accessibility 1.1 metadata, all zipped deterministically.
 */
export async function toEpub(tree: Root, options: EpubOptions = {}): Promise<EpubResult> {
  try {
    return render(tree, options)
  } catch (error) {
    // A tree that breaks the spec can trip the renderers anywhere: name the first thing wrong with it.
    if (
      tree === null ||
      typeof tree !== 'object' ||
      (error instanceof TypeError && /^Unexpected /.test(error.message))
    ) {
      throw error
    }
    const problem = safeCheck(tree)
    if (problem) {
      const message = /^Unexpected /.test(problem.message) ? problem.message : `Unexpected tree: ${problem.message}`
      throw new TypeError(`${message} (at \`${problem.path}\`)`, {cause: error})
    }
    throw error
  }
}

function safeCheck(tree: Root): TreeProblem | undefined {
  try {
    return check(tree)[0]
  } catch {
    return {path: 'root', message: 'tree that cannot be read'}
  }
}

function render(tree: Root, options: EpubOptions): EpubResult {
  // Section ids come from the whole tree, so that every chapter, rendered on its own, keeps the ids the HTML
  // edition gives, and a link from one chapter to another finds its target.
  const ids = tree?.type === 'root' && Array.isArray(tree.children) ? sectionIds(tree) : new Map()
  return buildEpub(tree, options, {
    toHast: (chapter, diagnostics) =>
      toHast(chapter, {
        diagnostics,
        sectionIds: ids,
        // Each chapter is a page of its own: depth-1 sections are `h1`.
        headingOffset: 0,
        // A note may be called from another chapter than the one that holds it; the packaging resolves
        // the fragment to the right file.
        footnoteHref: (identifier) => `#${footnoteId(identifier)}`,
        // Given explicitly, the page-break handler renders every marker on its own instead of gathering a run of
        // markers into one row: each print page needs its own target in the page-list.
        handlers: {pageBreak: handlers.pageBreak},
      }),
    stylesheet: epubStylesheet,
    backlinks: backlinkWords(tree?.meta?.lang ?? 'en'),
  })
}

/** The HTML renderer's words for a note's link back to its call, so both editions read alike. */
function backlinkWords(lang: string): BacklinkWords {
  const {labels, lang: labelsLang} = labelsFor(lang)
  const primary = (tag: string) => tag.toLowerCase().split('-')[0]
  return {
    text: '\u21A9\uFE0E',
    name: (label, n) => labels.backToReference.replace('{label}', n === undefined ? label : `${label} (${n})`),
    lang: primary(labelsLang) === primary(lang) ? undefined : labelsLang,
  }
}
