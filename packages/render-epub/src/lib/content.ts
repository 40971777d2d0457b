import type {Diagnostic} from '@folio/ast'
import type {Element, ElementContent, Properties} from 'hast'
import {toString as hastText} from 'hast-util-to-string'
import type {ContentDocument, PageTarget, Resource, TocItem} from './types.js'

const SOURCE = 'folio-render-epub'
const SAFE_SCHEME = /^(?:https?|mailto):/i
const IMAGE_TYPES: Record<string, string> = {'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif'}
/** Elements that could run or embed something: never in an edition made from a PDF. */
const ACTIVE = new Set(['script', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'base'])
const HEADING = /^h[1-6]$/

function isElement(node: ElementContent | undefined): node is Element {
  return node?.type === 'element'
}

function walk(nodes: ElementContent[], visit: (element: Element) => void): void {
  for (const node of nodes) {
    if (isElement(node)) {
      visit(node)
      walk(node.children, visit)
    }
  }
}

function stringProperty(properties: Properties, name: string): string | undefined {
  const value = properties[name]
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.join(' ')
  return undefined
}

function hasToken(properties: Properties, name: string, token: string): boolean {
  const value = properties[name]
  const tokens = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : []
  return tokens.includes(token)
}

function isPageBreak(element: Element): boolean {
  return hasToken(element.properties, 'role', 'doc-pagebreak') || hasToken(element.properties, 'epub:type', 'pagebreak')
}

/** What the content documents hold, for the navigation and the accessibility metadata. */
export interface ContentFacts {
  toc: TocItem[]
  pages: PageTarget[]
  resources: Resource[]
  headings: number
  images: number
  imagesWithAlt: number
  tables: number
  lists: number
  footnotes: number
  aria: boolean
  /** Links dropped or left dangling: the content is not whole. */
  lossy: boolean
}

/** How a link from a note back to its reference reads: the renderer's own words. */
export interface BacklinkWords {
  /** The visible text of the link. */
  text: string
  /** The accessible name, given the note's label and, when a note is called more than once, the call's number. */
  name(label: string, n: number | undefined): string
  /** Language of `name` when it differs from the document's. */
  lang?: string | undefined
}

export interface PrepareOptions {
  diagnostics: Diagnostic[]
  /** Give notes called from another chapter a link back to each call, as the renderer does within one page. */
  backlinks?: BacklinkWords | undefined
  /** Print page labels from the tree's `pageBreak` milestones, in order, used when a marker has no label. */
  pageLabels: string[]
}

/**
 * Make rendered content documents into a working edition: every fragment link points at the file that holds its
 * target, unsafe links and active content are gone, embedded images become files of their own, and page-break
 * markers carry an id and `epub:type`. Returns what the documents hold.
 */
export function prepareContent(documents: ContentDocument[], options: PrepareOptions): ContentFacts {
  const {diagnostics} = options
  const facts: ContentFacts = {
    toc: [],
    pages: [],
    resources: [],
    headings: 0,
    images: 0,
    imagesWithAlt: 0,
    tables: 0,
    lists: 0,
    footnotes: 0,
    aria: false,
    lossy: false,
  }
  const files = new Set(documents.map((document) => document.href))

  // Strip active content first, so that nothing below counts or links to it.
  for (const document of documents) {
    document.body = sanitize(document.body, diagnostics)
  }

  // Ids per file, and ids for page breaks and sections that lack one.
  const idsByFile = new Map<string, Set<string>>()
  const fileById = new Map<string, string>()
  let pageIndex = 0
  for (const document of documents) {
    const ids = new Set<string>()
    idsByFile.set(document.href, ids)
    walk(document.body, (element) => {
      const id = stringProperty(element.properties, 'id')
      if (id) ids.add(id)
    })
    const fresh = (base: string) => {
      let candidate = base
      for (let n = 2; ids.has(candidate); n++) candidate = `${base}-${n}`
      ids.add(candidate)
      return candidate
    }
    walk(document.body, (element) => {
      if (isPageBreak(element)) {
        const treeLabel = options.pageLabels[pageIndex]
        pageIndex++
        const label =
          stringProperty(element.properties, 'ariaLabel') ??
          stringProperty(element.properties, 'title') ??
          (hastText(element).trim() || treeLabel || String(pageIndex))
        // A label may hold anything ('3/4', 'A:1'); an id must be an XML name.
        if (!stringProperty(element.properties, 'id')) element.properties['id'] = fresh(`page-${pageIndex}`)
        if (!hasToken(element.properties, 'epub:type', 'pagebreak')) element.properties['epub:type'] = 'pagebreak'
        facts.pages.push({label, href: `${document.href}#${stringProperty(element.properties, 'id')}`})
      } else if (element.tagName === 'section' && !targetOf(element)) {
        element.properties['id'] = fresh('section')
      }
    })
    for (const id of ids) if (!fileById.has(id)) fileById.set(id, document.href)
  }
  if (options.pageLabels.length !== pageIndex) {
    diagnostics.push({
      ruleId: 'page-list-mismatch',
      source: SOURCE,
      severity: 'warning',
      message: `Unexpected ${pageIndex} page-break markers in the content, expected ${options.pageLabels.length} from the tree`,
    })
  }

  for (const document of documents) {
    const ownIds = idsByFile.get(document.href) ?? new Set<string>()
    document.body = relink(document.body, {
      resolve(href) {
        if (SAFE_SCHEME.test(href)) return href
        const hash = href.indexOf('#')
        const file = hash === -1 ? href : href.slice(0, hash)
        const fragment = hash === -1 ? '' : href.slice(hash + 1)
        if (file === '') {
          if (ownIds.has(fragment)) return `#${fragment}`
          const target = fileById.get(fragment)
          return target ? `${target}#${fragment}` : undefined
        }
        if (files.has(file) && (fragment === '' || idsByFile.get(file)?.has(fragment))) return href
        return undefined
      },
      dropped(href) {
        // An unsafe scheme is dropped on purpose; a place in the edition that is missing is a loss.
        if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) facts.lossy = true
        diagnostics.push({
          ruleId: 'link-dropped',
          source: SOURCE,
          severity: 'info',
          message: `Unexpected link target \`${href.slice(0, 200)}\`, expected an http, https or mailto URL or a place in the edition`,
        })
      },
    })
    uniqueRegions(document)
  }
  if (options.backlinks) addBacklinks(documents, options.backlinks)
  for (const document of documents) collect(document, facts, diagnostics)
  return facts
}

const hrefKey = (from: string, href: string) => (href.startsWith('#') ? `${from}${href}` : href)

/**
 * A note rendered in another chapter than its call has no way back: the renderer saw the call and the note on
 * different pages. Add the missing backlinks, so that every call can be returned to from its note.
 */
function addBacklinks(documents: ContentDocument[], words: BacklinkWords): void {
  const notes = new Map<string, Element>()
  for (const document of documents) {
    walk(document.body, (element) => {
      const id = stringProperty(element.properties, 'id')
      if (id && element.tagName === 'li') notes.set(`${document.href}#${id}`, element)
    })
  }
  const calls = new Map<string, string[]>()
  for (const document of documents) {
    walk(document.body, (element) => {
      const href = stringProperty(element.properties, 'href')
      const id = stringProperty(element.properties, 'id')
      if (element.tagName !== 'a' || !href || !id || !hasToken(element.properties, 'role', 'doc-noteref')) return
      const key = hrefKey(document.href, href)
      if (!notes.has(key)) return
      const list = calls.get(key) ?? []
      list.push(`${document.href}#${id}`)
      calls.set(key, list)
    })
  }
  for (const [key, references] of calls) {
    const note = notes.get(key)!
    const noteFile = key.slice(0, key.indexOf('#'))
    const present = new Set<string>()
    walk([note], (element) => {
      const href = stringProperty(element.properties, 'href')
      if (href && hasToken(element.properties, 'role', 'doc-backlink')) present.add(hrefKey(noteFile, href))
    })
    const missing = references.filter((reference) => !present.has(reference))
    if (missing.length === 0) continue
    const label =
      hastText(
        (function find(nodes: ElementContent[]): Element | undefined {
          for (const node of nodes) {
            if (!isElement(node)) continue
            if (hasToken(node.properties, 'className', 'note-label')) return node
            const inner = find(node.children)
            if (inner) return inner
          }
          return undefined
        })(note.children) ?? {type: 'text', value: ''},
      ).trim() || '*'
    const links: ElementContent[] = []
    for (const reference of missing) {
      const index = references.indexOf(reference)
      const href = reference.startsWith(`${noteFile}#`) ? reference.slice(noteFile.length) : reference
      links.push(
        {type: 'text', value: ' '},
        {
          type: 'element',
          tagName: 'a',
          properties: {
            href,
            role: 'doc-backlink',
            ariaLabel: words.name(label, references.length > 1 ? index + 1 : undefined),
            ...(words.lang ? {lang: words.lang, xmlLang: words.lang} : {}),
          },
          children: [{type: 'text', value: words.text}],
        },
      )
    }
    const paragraphs: Element[] = []
    walk([note], (element) => {
      if (element.tagName === 'p') paragraphs.push(element)
    })
    const last = paragraphs.at(-1)
    if (last) last.children.push(...links)
    else note.children.push({type: 'element', tagName: 'p', properties: {}, children: links.slice(1)})
  }
}

/**
 * A `section` named with `aria-labelledby` is a region landmark, and landmarks in one document must differ in
 * name (a sub-section may repeat its chapter's heading: "Introduction" under "introduction"). A repeat keeps its
 * heading and id but is no longer named as a landmark, so landmark navigation lists each name once.
 */
function uniqueRegions(document: ContentDocument): void {
  const headingTexts = new Map<string, string>()
  walk(document.body, (element) => {
    const id = stringProperty(element.properties, 'id')
    if (id) headingTexts.set(id, hastText(element).replace(/\s+/g, ' ').trim())
  })
  const seen = new Set<string>()
  walk(document.body, (element) => {
    if (element.tagName !== 'section') return
    const labelledBy = stringProperty(element.properties, 'ariaLabelledBy')
    if (!labelledBy) return
    const name = labelledBy
      .split(/\s+/)
      .map((id) => headingTexts.get(id) ?? '')
      .join(' ')
      .trim()
      // Assistive technology (and axe's landmark-unique) compares names without regard to case.
      .toLowerCase()
    if (seen.has(name)) delete element.properties['ariaLabelledBy']
    else seen.add(name)
  })
}

function sanitize(nodes: ElementContent[], diagnostics: Diagnostic[]): ElementContent[] {
  const result: ElementContent[] = []
  for (const node of nodes) {
    if (node.type === 'comment') continue
    if (!isElement(node)) {
      result.push(node)
      continue
    }
    if (ACTIVE.has(node.tagName)) {
      diagnostics.push({
        ruleId: 'active-content-dropped',
        source: SOURCE,
        severity: 'info',
        message: `Unexpected \`<${node.tagName}>\` in the content, expected text and markup only`,
      })
      continue
    }
    for (const key of Object.keys(node.properties)) {
      if (/^on/i.test(key) || key === 'style') delete node.properties[key]
    }
    node.children = sanitize(node.children, diagnostics)
    result.push(node)
  }
  return result
}

interface RelinkOptions {
  resolve(href: string): string | undefined
  dropped(href: string): void
}

/** Rewrite hrefs; a link whose target is unsafe or missing is unwrapped into its content. */
function relink(nodes: ElementContent[], options: RelinkOptions): ElementContent[] {
  const result: ElementContent[] = []
  for (const node of nodes) {
    if (!isElement(node)) {
      result.push(node)
      continue
    }
    node.children = relink(node.children, options)
    const href = stringProperty(node.properties, 'href')
    if (node.tagName === 'a' && href !== undefined) {
      const resolved = options.resolve(href)
      if (resolved === undefined) {
        options.dropped(href)
        result.push(...node.children)
        continue
      }
      node.properties['href'] = resolved
    } else if (href !== undefined) {
      delete node.properties['href']
    }
    result.push(node)
  }
  return result
}

function headingOf(section: Element): Element | undefined {
  const first = section.children.find(isElement)
  if (first && HEADING.test(first.tagName)) return first
  if (first && first.tagName === 'header')
    return first.children.find((child): child is Element => isElement(child) && HEADING.test(child.tagName))
  return undefined
}

/** The id a link to a section points at: the section's own, else its heading's. */
function targetOf(section: Element): string | undefined {
  const own = stringProperty(section.properties, 'id')
  if (own) return own
  const heading = headingOf(section)
  return heading ? stringProperty(heading.properties, 'id') : undefined
}

function collect(document: ContentDocument, facts: ContentFacts, diagnostics: Diagnostic[]): void {
  const tocAt = (nodes: ElementContent[], into: TocItem[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue
      // A chapter's endnotes are reached from its note references, not listed as a chapter of their own.
      if (node.tagName === 'section' && hasToken(node.properties, 'role', 'doc-endnotes')) continue
      if (node.tagName === 'section') {
        const heading = headingOf(node)
        if (heading) {
          const item: TocItem = {
            title: hastText(heading).replace(/\s+/g, ' ').trim(),
            href: `${document.href}#${targetOf(node)}`,
            children: [],
          }
          into.push(item)
          tocAt(node.children, item.children)
          continue
        }
      }
      tocAt(node.children, into)
    }
  }
  tocAt(document.body, facts.toc)

  let imageIndex = facts.resources.length
  const images = (nodes: ElementContent[]): ElementContent[] => {
    const result: ElementContent[] = []
    for (const node of nodes) {
      if (!isElement(node)) {
        result.push(node)
        continue
      }
      if (node.tagName === 'img') {
        const src = stringProperty(node.properties, 'src') ?? ''
        const match = /^data:(image\/[a-z+.-]+);base64,([a-z0-9+/=\s]+)$/i.exec(src)
        const extension = match ? IMAGE_TYPES[match[1]!.toLowerCase()] : undefined
        if (!match || !extension) {
          diagnostics.push({
            ruleId: 'image-dropped',
            source: SOURCE,
            severity: 'warning',
            message: `Unexpected image source \`${src.slice(0, 40)}\`, expected an embedded PNG, JPEG or GIF`,
          })
          facts.lossy = true
          continue
        }
        imageIndex++
        const href = `images/image-${String(imageIndex).padStart(3, '0')}.${extension}`
        facts.resources.push({
          id: `image-${imageIndex}`,
          href,
          mediaType: match[1]!.toLowerCase(),
          data: new Uint8Array(Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64')),
        })
        node.properties['src'] = href
        facts.images++
        const alt = stringProperty(node.properties, 'alt')
        if (alt !== undefined && (alt.trim() !== '' || hasToken(node.properties, 'role', 'presentation'))) {
          facts.imagesWithAlt++
        }
      }
      node.children = images(node.children)
      result.push(node)
    }
    return result
  }
  document.body = images(document.body)

  walk(document.body, (element) => {
    if (HEADING.test(element.tagName)) facts.headings++
    else if (element.tagName === 'table') facts.tables++
    else if (element.tagName === 'ul' || element.tagName === 'ol') facts.lists++
    if (element.properties['role'] !== undefined) facts.aria = true
    if (hasToken(element.properties, 'role', 'doc-footnote') || hasToken(element.properties, 'epub:type', 'footnote')) {
      facts.footnotes++
    } else if (hasToken(element.properties, 'role', 'doc-endnotes')) {
      // One list item per note.
      for (const list of element.children) {
        if (isElement(list) && list.tagName === 'ol') facts.footnotes += list.children.filter(isElement).length
      }
    }
  })
}
