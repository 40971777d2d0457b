import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {toXast} from 'hast-util-to-xast'
import {h} from 'hastscript'
import type {Root as XastRoot} from 'xast'
import {toXml} from 'xast-util-to-xml'

export const EPUB_NAMESPACE = 'http://www.idpf.org/2007/ops'

export interface XhtmlDocumentOptions {
  lang: string
  dir?: 'ltr' | 'rtl' | undefined
  title: string
  /** Relative URL of the stylesheet, if any. */
  stylesheet?: string | undefined
  /** `epub:type` of the body, e.g. 'bodymatter'. */
  bodyType?: string | undefined
  body: ElementContent[]
}

/** Wrap body content in an XHTML document: `xml:lang` and `lang`, `dir`, title, stylesheet, the epub namespace. */
export function xhtmlDocument(options: XhtmlDocumentOptions): Element {
  const head: ElementContent[] = [h('meta', {charSet: 'utf-8'}), h('title', options.title)]
  if (options.stylesheet) head.push(h('link', {rel: 'stylesheet', type: 'text/css', href: options.stylesheet}))
  return h(
    'html',
    {
      'xmlns:epub': EPUB_NAMESPACE,
      lang: options.lang,
      xmlLang: options.lang,
      dir: options.dir,
    },
    [h('head', head), h('body', options.bodyType ? {'epub:type': options.bodyType} : {}, options.body)],
  )
}

/**
 * Serialize an `html` element as an XHTML content document: an XML declaration, the HTML doctype, and markup
 * that an XML parser reads (boolean attributes get a value, empty elements close, `&` and `<` escaped).
 */
export function serializeXhtml(document: Element): string {
  const hast: HastRoot = {type: 'root', children: [document]}
  const xast = toXast(hast) as XastRoot
  xast.children.unshift(
    {type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"'},
    {type: 'text', value: '\n'},
    {type: 'doctype', name: 'html'},
    {type: 'text', value: '\n'},
  )
  return `${toXml(xast, {closeEmptyElements: true, tightClose: true})}\n`
}
