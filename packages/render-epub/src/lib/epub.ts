import type {Diagnostic, Meta, Root, Translation} from '@folio/ast'
import type {ElementContent, Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import {accessibilityMetadata, type EditionInventory} from './accessibility.js'
import {splitChapters} from './chapters.js'
import {containerXml} from './container.js'
import {type BacklinkWords, prepareContent} from './content.js'
import {type DateParts, formatDate, formatModified, parseIsoDate} from './dates.js'
import {identifierFor} from './identifier.js'
import {labelsFor} from './labels.js'
import {navBody} from './nav.js'
import {type ManifestItem, packageDocument} from './package-document.js'
import {titlePageBody} from './title-page.js'
import type {ContentDocument, EpubOptions, EpubResult, Landmark} from './types.js'
import {serializeXhtml, xhtmlDocument} from './xhtml.js'
import {type ZipEntry, zipEpub} from './zip.js'

const SOURCE = 'folio-render-epub'
const ROOT = 'EPUB'
/** When the document carries no date at all: a fixed value, so the output stays deterministic. */
const NO_DATE = '1980-01-01T00:00:00Z'

/** What the packaging needs from the HTML renderer. */
export interface HtmlRenderer {
  /** Render a root (here: the nodes of one chapter) to hast body content. */
  toHast(tree: Root, diagnostics: Diagnostic[]): HastRoot
  stylesheet: string
  /** The renderer's words for a note's link back to its call. */
  backlinks?: BacklinkWords | undefined
}

function pickModified(meta: Meta, options: EpubOptions, diagnostics: Diagnostic[]): DateParts {
  const candidates: Array<[string, string | undefined]> = [
    ['the `modified` option', options.modified],
    ['meta.source.modified', meta.source?.modified],
    ['meta.source.created', meta.source?.created],
    ['meta.date', meta.date],
  ]
  for (const [name, value] of candidates) {
    if (value === undefined || value === null) continue
    if (typeof value !== 'string') {
      if (name === 'the `modified` option') throw new TypeError('Unexpected `modified` option, expected a string')
      continue
    }
    const parts = parseIsoDate(value)
    if (parts) return parts
    if (name === 'the `modified` option') {
      throw new TypeError(`Unexpected modified date \`${value}\`, expected an ISO 8601 date or date-time`)
    }
    diagnostics.push({
      ruleId: 'date-unreadable',
      source: SOURCE,
      severity: 'info',
      message: `Unexpected ${name} \`${value}\`, expected an ISO 8601 date or date-time`,
    })
  }
  diagnostics.push({
    ruleId: 'date-missing',
    source: SOURCE,
    severity: 'info',
    message: `Unexpected document without a date, expected meta.source.modified, meta.source.created or meta.date; using ${NO_DATE}`,
  })
  return parseIsoDate(NO_DATE)!
}

/** A language tag in its canonical case ('fr-CA', not 'FR-CA'); a tag Intl cannot read is kept as given. */
function canonicalLang(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? lang
  } catch {
    return lang
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/**
 * The tree's metadata with every field of the type the spec gives it: a tree read from JSON may carry a number
 * for a title or a string for the authors, and an edition is still made of the rest.
 */
function readMeta(raw: Meta): Meta {
  const meta: Meta = {
    lang: canonicalLang(raw.lang),
    authors: Array.isArray(raw.authors) ? raw.authors.filter((a) => typeof a === 'string') : [],
  }
  for (const field of ['title', 'subtitle', 'publisher', 'date', 'description'] as const) {
    const value = text(raw[field])
    if (value !== undefined) meta[field] = value
  }
  if (raw.dir === 'ltr' || raw.dir === 'rtl') meta.dir = raw.dir
  if (Array.isArray(raw.translations)) {
    meta.translations = raw.translations.filter(
      (t): t is Translation =>
        typeof t === 'object' &&
        t !== null &&
        ['title', 'subtitle', 'publisher'].includes(t.field) &&
        typeof t.value === 'string' &&
        typeof t.lang === 'string' &&
        t.lang !== '' &&
        (t.dir === undefined || t.dir === 'ltr' || t.dir === 'rtl'),
    )
  }
  if (typeof raw.source === 'object' && raw.source !== null) {
    const source = raw.source
    meta.source = {
      pages: typeof source.pages === 'number' ? source.pages : 0,
      tagged: source.tagged === true,
      encrypted: source.encrypted === true,
    }
    for (const field of ['file', 'producer', 'creator', 'created', 'modified'] as const) {
      const value = text(source[field])
      if (value !== undefined) meta.source[field] = value
    }
  }
  return meta
}

function pageLabels(tree: Root): string[] {
  const labels: string[] = []
  const visit = (node: Root | Root['children'][number]) => {
    if (node.type === 'pageBreak') labels.push(node.label === '' ? String(node.page) : node.label)
    if (node.type === 'toc') return
    if ('children' in node) for (const child of node.children) visit(child as Root['children'][number])
  }
  visit(tree)
  return labels
}

function plainTitle(body: ElementContent[]): string | undefined {
  for (const node of body) {
    if (node.type !== 'element') continue
    if (/^h[1-6]$/.test(node.tagName)) {
      const text = (function text(nodes: ElementContent[]): string {
        return nodes
          .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child.children) : ''))
          .join('')
      })(node.children)
      return text.replace(/\s+/g, ' ').trim()
    }
    const inner = plainTitle(node.children)
    if (inner) return inner
  }
  return undefined
}

/** The EPUB packaging over an HTML renderer: chapters, navigation, package document, accessibility metadata, zip. */
export function buildEpub(tree: Root, options: EpubOptions, renderer: HtmlRenderer): EpubResult {
  if (tree === null || typeof tree !== 'object' || tree.type !== 'root' || !Array.isArray(tree.children)) {
    throw new TypeError('Unexpected value passed to toEpub, expected a Folio tree (a `root` node)')
  }
  if (typeof tree.meta?.lang !== 'string' || tree.meta.lang === '') {
    throw new TypeError('Unexpected tree without `meta.lang`, expected a BCP 47 language tag')
  }
  const diagnostics: Diagnostic[] = []
  const meta = readMeta(tree.meta)
  const lang = meta.lang
  const {labels, lang: labelsLang} = labelsFor(lang)
  const identifier = options.identifier ?? identifierFor(tree)
  const modifiedParts = pickModified(meta, options, diagnostics)
  const modified = formatModified(modifiedParts)
  const dateParts = typeof meta.date === 'string' ? parseIsoDate(meta.date) : undefined
  let title = typeof meta.title === 'string' ? meta.title.trim() : undefined
  let titleFromDocument = true
  if (!title) {
    titleFromDocument = false
    title = meta.source?.file?.replace(/\.pdf$/i, '') || 'Untitled'
    diagnostics.push({
      ruleId: 'title-missing',
      source: SOURCE,
      severity: 'warning',
      message: `Unexpected document without a title, expected meta.title; using \`${title}\``,
    })
  }

  const {chapters, colophon} = splitChapters(tree)
  const documents: ContentDocument[] = chapters.map((chapter, index) => {
    const hast = renderer.toHast({...tree, children: chapter.nodes}, diagnostics)
    const number = String(index + 1).padStart(3, '0')
    return {
      id: `chapter-${number}`,
      href: `chapter-${number}.xhtml`,
      title: '',
      bodyType: 'bodymatter',
      body: hast.children as ElementContent[],
    }
  })
  if (colophon.length > 0) {
    const hast = renderer.toHast({...tree, children: colophon}, diagnostics)
    // The colophon's boxes become one section, named as such, in a back-matter document of its own.
    const inner = (hast.children as ElementContent[]).flatMap((child) =>
      child.type === 'element' && child.tagName === 'aside' ? child.children : [child],
    )
    documents.push({
      id: 'colophon',
      href: 'colophon.xhtml',
      title: labels.colophon,
      bodyType: 'backmatter',
      body: [h('section', {'epub:type': 'colophon', role: 'doc-colophon', ariaLabel: labels.colophon}, inner)],
    })
  }
  const facts = prepareContent(documents, {diagnostics, pageLabels: pageLabels(tree), backlinks: renderer.backlinks})
  for (const document of documents) document.title ||= plainTitle(document.body) ?? title

  const sections = tree.children.filter((child) => child.type === 'section').length
  let subsections = 0
  const countSections = (node: Root | Root['children'][number]): void => {
    if (node.type === 'section' && node.depth > 1) subsections++
    if (node.type === 'root' || node.type === 'section')
      for (const child of node.children) countSections(child as Root['children'][number])
  }
  countSections(tree)
  const inventory: EditionInventory = {
    title,
    sections,
    subsections,
    headings: facts.headings,
    pages: facts.pages.length,
    footnotes: facts.footnotes,
    tables: facts.tables,
    images: facts.images,
    imagesWithAlt: facts.imagesWithAlt,
    lists: facts.lists,
    aria: facts.aria,
    sourceName: meta.source?.file,
  }
  const accessibility = accessibilityMetadata(inventory)
  const failed: string[] = []
  if (!titleFromDocument) failed.push('the document has no title')
  if (facts.imagesWithAlt < facts.images) failed.push('images lack text alternatives')
  if (facts.lossy) failed.push('content or links were lost in conversion')
  if (diagnostics.some((diagnostic) => diagnostic.severity !== 'info')) failed.push('rendering reported warnings')
  const conformsTo = options.conformance !== false && failed.length === 0
  if (options.conformance !== false && !conformsTo) {
    diagnostics.push({
      ruleId: 'conformance-not-claimed',
      source: SOURCE,
      severity: 'info',
      message: `Unexpected ${failed.join(', ')}, expected a whole edition to claim EPUB Accessibility 1.1 conformance`,
    })
  }

  const toc = facts.toc.length > 0 ? facts.toc : [{title, href: documents[0]?.href ?? 'title.xhtml', children: []}]
  const landmarks: Landmark[] = [
    {type: 'titlepage', title: labels.titlePage, href: 'title.xhtml'},
    {type: 'toc', title: labels.contents, href: 'nav.xhtml#toc'},
  ]
  if (documents[0]) landmarks.push({type: 'bodymatter', title: labels.start, href: documents[0].href})
  const labelsLangIfOther = labelsLang === lang ? undefined : labelsLang

  const stylesheet = 'style.css'
  const write = (body: ElementContent[], documentTitle: string, bodyType: string) =>
    new TextEncoder().encode(
      serializeXhtml(xhtmlDocument({lang, dir: meta.dir, title: documentTitle, stylesheet, bodyType, body})),
    )

  const entries: ZipEntry[] = [
    {path: 'META-INF/container.xml', data: new TextEncoder().encode(containerXml(`${ROOT}/package.opf`))},
  ]
  const items: ManifestItem[] = [
    {id: 'title-page', href: 'title.xhtml', mediaType: 'application/xhtml+xml', linear: true},
    {id: 'nav', href: 'nav.xhtml', mediaType: 'application/xhtml+xml', properties: 'nav', linear: true},
    ...documents.map((document) => ({
      id: document.id,
      href: document.href,
      mediaType: 'application/xhtml+xml',
      linear: true,
    })),
    {id: 'style', href: stylesheet, mediaType: 'text/css'},
    ...facts.resources.map((resource) => ({id: resource.id, href: resource.href, mediaType: resource.mediaType})),
  ]
  const packageXml = packageDocument({
    identifier,
    title,
    meta,
    date: dateParts ? formatDate(dateParts) : undefined,
    modified,
    accessibility,
    summaryLang: lang.toLowerCase().split('-')[0] === 'en' ? undefined : 'en',
    paginationSource: facts.pages.length > 0 ? (meta.source?.file ?? title) : undefined,
    conformsTo,
    items,
  })
  entries.push({path: `${ROOT}/package.opf`, data: new TextEncoder().encode(packageXml)})
  entries.push({path: `${ROOT}/title.xhtml`, data: write(titlePageBody(meta, title), title, 'frontmatter')})
  entries.push({
    path: `${ROOT}/nav.xhtml`,
    data: write(
      navBody({labels, labelsLang: labelsLangIfOther, toc, landmarks, pages: facts.pages}),
      labels.contents,
      'frontmatter',
    ),
  })
  for (const document of documents) {
    entries.push({path: `${ROOT}/${document.href}`, data: write(document.body, document.title, document.bodyType)})
  }
  entries.push({path: `${ROOT}/${stylesheet}`, data: new TextEncoder().encode(renderer.stylesheet)})
  for (const resource of facts.resources) entries.push({path: `${ROOT}/${resource.href}`, data: resource.data})

  return {value: zipEpub(entries, modifiedParts), diagnostics}
}
