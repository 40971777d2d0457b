import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Labels} from './labels.js'
import type {Landmark, PageTarget, TocItem} from './types.js'

function tocList(items: TocItem[]): ElementContent {
  return h(
    'ol',
    items.map((item) =>
      h('li', [h('a', {href: item.href}, item.title), ...(item.children.length > 0 ? [tocList(item.children)] : [])]),
    ),
  )
}

export interface NavOptions {
  labels: Labels
  /** Language of the labels when it differs from the document's (English fallback). */
  labelsLang?: string | undefined
  toc: TocItem[]
  landmarks: Landmark[]
  pages: PageTarget[]
}

/**
 * The body of `nav.xhtml`: the nested table of contents, the landmarks, and the page-list that maps the print
 * edition's page numbers to places in the text. Landmarks and page-list are for reading systems, so they are
 * `hidden` from the linear reading order as EPUB advises.
 */
export function navBody(options: NavOptions): ElementContent[] {
  const {labels} = options
  const lang = options.labelsLang ? {lang: options.labelsLang, xmlLang: options.labelsLang} : {}
  const body: ElementContent[] = [
    h('nav', {'epub:type': 'toc', id: 'toc', role: 'doc-toc', ariaLabelledBy: 'toc-heading'}, [
      h('h1', {id: 'toc-heading', ...lang}, labels.contents),
      tocList(options.toc),
    ]),
    h('nav', {'epub:type': 'landmarks', id: 'landmarks', hidden: true, ariaLabelledBy: 'landmarks-heading'}, [
      h('h2', {id: 'landmarks-heading', ...lang}, labels.landmarks),
      h(
        'ol',
        options.landmarks.map((landmark) =>
          h('li', [h('a', {'epub:type': landmark.type, href: landmark.href, ...lang}, landmark.title)]),
        ),
      ),
    ]),
  ]
  if (options.pages.length > 0) {
    body.push(
      h(
        'nav',
        {
          'epub:type': 'page-list',
          id: 'page-list',
          role: 'doc-pagelist',
          hidden: true,
          ariaLabelledBy: 'page-list-heading',
        },
        [
          h('h2', {id: 'page-list-heading', ...lang}, labels.pages),
          h(
            'ol',
            options.pages.map((page) => h('li', [h('a', {href: page.href}, page.label)])),
          ),
        ],
      ),
    )
  }
  return body
}
