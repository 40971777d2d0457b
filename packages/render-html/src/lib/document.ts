import type {Content, Diagnostic, Direction, Root, Section, Translation} from '@folio/ast'
import {plainText} from '@folio/ast'
import type {ElementContent, Element as HastElement, Root as HastRoot} from 'hast'
import {toHtml as serialize} from 'hast-util-to-html'
import {h} from 'hastscript'
import {childrenOf} from './children.js'
import {formatDate} from './date.js'
import {safeText} from './handlers/text.js'
import {validLanguage} from './language.js'
import {createState} from './state.js'
import {stylesheet as embedded} from './stylesheet.js'
import {endnotes} from './to-hast.js'
import type {State, ToHastOptions} from './types.js'

export interface ToHtmlOptions extends Omit<ToHastOptions, 'sectionIds' | 'footnoteHref' | 'footnoteBackHref'> {
  /** Write only an `<article>` (no `<html>`, `<head>` or stylesheet), to embed in a page of a CMS. */
  fragment?: boolean
  /** Link this stylesheet URL instead of embedding the default stylesheet. */
  stylesheet?: string
  /** The deepest section level listed in the contents; default 3, 0 for no contents. */
  tocDepth?: number
}

export interface HtmlResult {
  value: string
  diagnostics: Diagnostic[]
}

const nl = (): ElementContent => ({type: 'text', value: '\n'})

const rtlLanguages = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi'])

/** The direction of a document: as the tree says, else from its language. */
function directionOf(lang: string, dir: Direction | undefined): Direction {
  if (dir === 'ltr' || dir === 'rtl') return dir
  return rtlLanguages.has(lang.toLowerCase().split('-')[0] ?? '') ? 'rtl' : 'ltr'
}

function firstHeading(node: Content): string | undefined {
  if (node.type === 'heading') return plainText(node).trim() || undefined
  if ('children' in node) {
    for (const child of childrenOf(node)) {
      const found = firstHeading(child)
      if (found) return found
    }
  }
  return undefined
}

function translated(state: State, tree: Root, field: Translation['field'], tag: string): ElementContent[] {
  return (tree.meta.translations ?? [])
    .filter((t) => t.field === field && t.value.trim() !== '')
    .flatMap((t) => [
      nl(),
      h(
        tag,
        {className: [`${field}-translation`], lang: validLanguage(t.lang), dir: t.dir},
        safeText(state, t.value, tree),
      ),
    ])
}

function masthead(state: State, tree: Root, title: string, titleRank: number, lang: string): HastElement {
  const {meta} = tree
  const parts: ElementContent[] = [
    nl(),
    h(
      `h${titleRank}`,
      {className: title.length > 80 ? ['title', 'title-long'] : ['title']},
      safeText(state, title, tree),
    ),
  ]
  parts.push(...translated(state, tree, 'title', 'p'))
  if (meta.subtitle) {
    parts.push(nl(), h('p', {className: ['subtitle']}, safeText(state, meta.subtitle, tree)))
  }
  parts.push(...translated(state, tree, 'subtitle', 'p'))
  const authors = (meta.authors ?? []).filter((a) => typeof a === 'string' && a.trim() !== '')
  if (authors.length > 0) {
    parts.push(nl(), h('p', {className: ['authors']}, safeText(state, authors.join(', '), tree)))
  }
  // Publisher, its names in other scripts, and date each take a line: no
  // separator to strand at a line start, no bidi run to split across lines.
  if (meta.publisher) parts.push(nl(), h('p', {className: ['publisher']}, safeText(state, meta.publisher, tree)))
  parts.push(...translated(state, tree, 'publisher', 'p'))
  if (meta.date) {
    const shown = formatDate(meta.date, lang)
    if (shown === undefined) {
      state.report('invalid-date', 'info', `Unexpected date \`${meta.date}\`, expected YYYY, YYYY-MM or YYYY-MM-DD`)
    } else {
      parts.push(nl(), h('p', {className: ['date']}, [h('time', {dateTime: meta.date}, shown)]))
    }
  }
  parts.push(nl())
  return h('header', {className: ['masthead']}, parts)
}

function contents(state: State, tree: Root, depth: number): HastElement | undefined {
  const items = (parent: {children: Content[]}): HastElement | undefined => {
    const entries: ElementContent[] = []
    for (const child of childrenOf(parent)) {
      if (child.type !== 'section' || child.depth > depth) continue
      const heading = childrenOf(child)[0]
      const text = heading?.type === 'heading' ? plainText(heading).trim() : ''
      const numbering = heading?.type === 'heading' && heading.numbering ? `${heading.numbering} ` : ''
      const nested = items(child as Section)
      if (text === '' && numbering === '') {
        // Nothing to name the link by: list the sub-sections in its place.
        if (nested)
          entries.push(
            ...nested.children.filter((c) => !(c.type === 'text' && c.value === '\n')).flatMap((c) => [nl(), c]),
          )
        continue
      }
      const link = h('a', {href: `#${state.sectionId(child)}`}, safeText(state, numbering + text, child))
      entries.push(nl(), h('li', nested ? [link, nested] : [link]))
    }
    if (entries.length === 0) return undefined
    entries.push(nl())
    return h('ol', entries)
  }
  const list = depth > 0 ? items(tree) : undefined
  if (!list) return undefined
  const titleId = `${state.idPrefix}contents-title`
  return h('nav', {className: ['toc'], ariaLabelledBy: titleId}, [
    nl(),
    h('h2', {id: titleId, lang: state.labelsLang}, state.labels.contents),
    nl(),
    list,
    nl(),
  ])
}

/**
 * Render a Folio tree as a standalone, accessible HTML5 document (or, with
 * `fragment: true`, an `<article>` to embed). The same tree and options always
 * give the same bytes.
 */
export function toHtml(tree: Root, options: ToHtmlOptions = {}): HtmlResult {
  if (tree?.type !== 'root') {
    throw new TypeError(`Unexpected \`${String(tree?.type)}\`, expected a Folio \`root\``)
  }
  if (typeof tree.meta?.lang !== 'string' || tree.meta.lang === '') {
    throw new TypeError('Unexpected tree without `meta.lang`, expected a BCP 47 language tag')
  }
  const offset = options.headingOffset ?? 1
  if (!Number.isInteger(offset) || offset < 1 || offset > 5) {
    throw new RangeError(
      `Unexpected headingOffset \`${String(offset)}\`, expected an integer from 1 to 5 in a document`,
    )
  }
  const diagnostics: Diagnostic[] = []
  const state = createState(tree, {...options, headingOffset: offset, diagnostics})
  const given = options.lang ?? tree.meta.lang
  // An unknown language is declared undetermined rather than wrongly.
  const lang = validLanguage(given) ?? 'und'
  if (lang === 'und' && given !== 'und') {
    state.report(
      'invalid-language-tag',
      'warning',
      `Unexpected document language \`${given}\`, expected a known BCP 47 language; declared \`und\``,
    )
  }
  const dir = directionOf(lang, tree.meta.dir)
  const id = (name: string) => `${state.idPrefix}${name}`

  let title = tree.meta.title?.trim()
  if (!title) {
    title = firstHeading(tree) ?? tree.meta.source?.file ?? state.labels.untitled
    state.report(
      'title-missing',
      'info',
      `Unexpected document without a title, expected \`meta.title\`; used “${title}”`,
    )
  }

  const colophons = tree.children.filter((child) => child.type === 'aside' && child.kind === 'colophon')
  const body = state.all({...tree, children: tree.children.filter((child) => !colophons.includes(child))})
  const colophonContent = colophons.flatMap((child) => state.one(child, tree))
  const notes = endnotes(state)

  const parts: ElementContent[] = [nl(), masthead(state, tree, title, offset, lang)]
  const nav = contents(state, tree, options.tocDepth ?? 3)
  if (nav) parts.push(nl(), nav)
  const mainContent = notes ? [...body, notes, nl()] : body
  parts.push(
    nl(),
    options.fragment
      ? h('div', {className: ['content'], id: id('main')}, mainContent)
      : h('main', {id: id('main')}, mainContent),
  )
  if (colophonContent.length > 0) {
    // One landmark for the back matter, at the top level where a complementary landmark belongs.
    const inner = colophonContent.flatMap((child) =>
      child.type === 'element' && child.tagName === 'aside' ? child.children : [child],
    )
    parts.push(nl(), h('aside', {className: ['colophon'], ariaLabel: state.labels.colophon}, inner))
  }
  parts.push(nl())

  const diagnosticsOut = state.diagnostics
  if (options.diagnostics && options.diagnostics !== diagnosticsOut) options.diagnostics.push(...diagnosticsOut)

  if (options.fragment) {
    const article = h('article', {className: ['folio'], lang, dir}, parts)
    return {value: `${serialize(article)}\n`, diagnostics: diagnosticsOut}
  }

  const meta = tree.meta
  const head: ElementContent[] = [
    nl(),
    h('meta', {charSet: 'utf-8'}),
    nl(),
    h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
    nl(),
    h('title', safeText(state, title, tree)),
  ]
  const named = (name: string, content: string | undefined) => {
    if (content?.trim()) head.push(nl(), h('meta', {name, content: safeText(state, content, tree)}))
  }
  named('author', (meta.authors ?? []).filter((a) => typeof a === 'string' && a.trim() !== '').join(', ') || undefined)
  named('publisher', meta.publisher)
  named('dcterms.date', meta.date)
  named('description', meta.description)
  named('generator', 'Folio')
  named('color-scheme', 'light dark')
  head.push(
    nl(),
    options.stylesheet === undefined ? h('style', embedded) : h('link', {rel: 'stylesheet', href: options.stylesheet}),
    nl(),
  )
  const skip = h(
    'a',
    {className: ['skip-link'], href: `#${id('main')}`, lang: state.labelsLang},
    state.labels.skipToContent,
  )
  const document: HastRoot = {
    type: 'root',
    children: [
      {type: 'doctype'},
      nl(),
      h('html', {lang, dir}, [
        nl(),
        h('head', head),
        nl(),
        h('body', {className: ['folio']}, [nl(), skip, ...parts]),
        nl(),
      ]),
      nl(),
    ],
  }
  return {value: serialize(document, {upperDoctype: true}), diagnostics: diagnosticsOut}
}
