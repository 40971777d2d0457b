/**
 * A checker of the machine-checkable PDF/UA-1 requirements (as veraPDF's
 * PDF/UA-1 profile and the Matterhorn Protocol state them), over any PDF,
 * with pdf-lib reading the objects. Each failure names its rule and page.
 */
import {PDFBool, type PDFDict, PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef} from 'pdf-lib'
import {painting, tokens} from './content.js'
import {dictOf, get, LimitError, listOf, lookup, nameOf, streamBytes, textOf} from './objects.js'
import {ruleById} from './rules.js'
import type {AnnotationRef, CheckOptions, CheckResult, Failure, MarkedContentRef, StructElement} from './types.js'

/** Structure elements read at most; deeper or larger trees are reported, not walked. */
export const MAX_STRUCT_ELEMENTS = 500_000
export const MAX_STRUCT_DEPTH = 256
export const MAX_PAGES = 100_000
const MAX_PAGE_TREE_DEPTH = 64
const MAX_FORM_DEPTH = 16
const MAX_ROLE_HOPS = 32

const standardTypes: ReadonlySet<string> = new Set([
  'Document',
  'Part',
  'Art',
  'Sect',
  'Div',
  'BlockQuote',
  'Caption',
  'TOC',
  'TOCI',
  'Index',
  'NonStruct',
  'Private',
  'P',
  'H',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'L',
  'LI',
  'Lbl',
  'LBody',
  'Table',
  'TR',
  'TH',
  'TD',
  'THead',
  'TBody',
  'TFoot',
  'Span',
  'Quote',
  'Note',
  'Reference',
  'BibEntry',
  'Code',
  'Link',
  'Annot',
  'Ruby',
  'RB',
  'RT',
  'RP',
  'Warichu',
  'WT',
  'WP',
  'Figure',
  'Formula',
  'Form',
])

interface Page {
  ref?: PDFRef
  node: PDFDict
  /** The page's resources, inherited from the page tree when the page has none. */
  resources?: PDFDict
}

/**
 * The pages in order, walked here rather than by pdf-lib: each node once
 * (a cyclic page tree ends), to a bounded depth and count.
 */
function pagesOf(pdf: PDFDocument): Page[] {
  const out: Page[] = []
  const seen = new Set<PDFDict>()
  const visit = (value: PDFObject | undefined, inherited: PDFDict | undefined, depth: number): void => {
    const node = dictOf(pdf, value)
    if (!node || seen.has(node)) return
    seen.add(node)
    if (depth > MAX_PAGE_TREE_DEPTH)
      throw new LimitError(`Unexpected page tree deeper than ${MAX_PAGE_TREE_DEPTH}, expected shallower`)
    const resources = dictOf(pdf, node.get(PDFName.of('Resources'))) ?? inherited
    const type = nameOf(get(pdf, node, 'Type'))
    const kids = get(pdf, node, 'Kids')
    if (type === 'Pages' || (type !== 'Page' && kids)) {
      for (const kid of listOf(pdf, kids)) visit(kid, resources, depth + 1)
      return
    }
    if (out.length >= MAX_PAGES) throw new LimitError(`Unexpected more than ${MAX_PAGES} pages, expected fewer`)
    const page: Page = {node}
    if (value instanceof PDFRef) page.ref = value
    if (resources) page.resources = resources
    out.push(page)
  }
  visit(pdf.catalog.get(PDFName.of('Pages')), undefined, 0)
  return out
}

/** What the checks share: the document, the failures so far, and the objects behind the public tree. */
class State {
  readonly failures: Failure[] = []
  structure: StructElement[] = []
  readonly pageOf = new Map<string, number>()
  /** The page each annotation is listed on. */
  readonly annotationPage = new Map<PDFDict, number>()
  readonly dictOf = new WeakMap<StructElement, PDFDict>()
  readonly annotationOf = new WeakMap<AnnotationRef, PDFDict>()
  readonly pdf: PDFDocument
  constructor(pdf: PDFDocument) {
    this.pdf = pdf
  }
  fail(rule: string, message: string, page?: number): void {
    const known = ruleById.get(rule)
    const cite = known && known.matterhorn !== '—' ? ` (Matterhorn ${known.matterhorn})` : ''
    const failure: Failure = {rule, message: `${message}${cite}`}
    if (page !== undefined) failure.page = page
    this.failures.push(failure)
  }
}

function result(
  options: CheckOptions | undefined,
  pages: number,
  failures: Failure[],
  structure: StructElement[],
): CheckResult {
  const out: CheckResult = {passed: failures.length === 0, pages, failures, structure}
  if (options?.file !== undefined) out.file = options.file
  return out
}

function failed(options: CheckOptions | undefined, rule: string, message: string): CheckResult {
  return result(options, 0, [{rule, message}], [])
}

/**
 * Check a PDF against the PDF/UA-1 rules a machine can decide. Never throws
 * on the file's content: a file that is no PDF, is damaged or encrypted, or
 * asks for more work than the bounds allow fails with a rule saying so.
 */
export async function checkPdf(data: Uint8Array, options?: CheckOptions): Promise<CheckResult> {
  if (!(data instanceof Uint8Array)) throw new TypeError('Unexpected data, expected a Uint8Array')
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024))
  if (!head.includes('%PDF-')) {
    const start = JSON.stringify(head.slice(0, 16))
    return failed(
      options,
      'not-pdf',
      data.length === 0
        ? 'Unexpected empty file, expected a PDF'
        : `Unexpected content starting ${start}, expected a PDF (a %PDF- header)`,
    )
  }
  let pdf: PDFDocument
  try {
    pdf = await PDFDocument.load(data, {ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false})
  } catch (error) {
    return failed(options, 'unreadable', `Unexpected damage, expected a readable PDF: ${(error as Error).message}`)
  }
  const state = new State(pdf)
  if (pdf.isEncrypted) {
    state.fail('encrypted', 'Unexpected encryption, expected content that can be read to check it')
    let pages = 0
    try {
      pages = pagesOf(pdf).length
    } catch {
      // The verdict stands on the encryption alone.
    }
    return result(options, pages, state.failures, [])
  }
  let pages = 0
  try {
    const list = pagesOf(pdf)
    pages = list.length
    check(state, list)
  } catch (error) {
    if (error instanceof LimitError) state.fail('limit', error.message)
    else state.fail('unreadable', `Unexpected damage, expected a readable PDF: ${(error as Error).message}`)
  }
  return result(options, pages, state.failures, state.structure)
}

function check(state: State, pages: readonly Page[]): void {
  const {pdf} = state
  const catalog = pdf.catalog
  for (const [index, page] of pages.entries()) {
    if (page.ref) state.pageOf.set(page.ref.toString(), index + 1)
    for (const item of listOf(pdf, page.node.get(PDFName.of('Annots')))) {
      const annotation = dictOf(pdf, item)
      if (annotation) state.annotationPage.set(annotation, index + 1)
    }
  }

  const markInfo = dictOf(pdf, catalog.get(PDFName.of('MarkInfo')))
  const marked = get(pdf, markInfo, 'Marked')
  if (!(marked instanceof PDFBool && marked.asBoolean()))
    state.fail('marked', 'Unexpected catalog without /MarkInfo /Marked true, expected a tagged PDF')
  const suspects = get(pdf, markInfo, 'Suspects')
  if (suspects instanceof PDFBool && suspects.asBoolean())
    state.fail('suspects', 'Unexpected /MarkInfo /Suspects true, expected false or none')

  const lang = textOf(get(pdf, catalog, 'Lang'))
  if (!lang?.trim()) state.fail('lang', 'Unexpected catalog without /Lang, expected the document language')

  const metadata = streamBytes(pdf, catalog.get(PDFName.of('Metadata')))
  const xmp = metadata ? new TextDecoder().decode(metadata) : ''
  if (!xmp) state.fail('xmp', 'Unexpected catalog without XMP /Metadata, expected a metadata stream')
  const part = /pdfuaid:part(?:>\s*|\s*=\s*["']\s*)(\d+)/.exec(xmp)?.[1]
  if (part !== '1') {
    state.fail('xmp-pdfuaid', `Unexpected ${part ? `pdfuaid:part ${part}` : 'XMP without pdfuaid:part'}, expected 1`)
  }
  const title = /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]+)<\/rdf:li>/.exec(xmp)?.[1]
  if (!title?.trim()) state.fail('title', 'Unexpected XMP without dc:title, expected the document title')
  const preferences = dictOf(pdf, catalog.get(PDFName.of('ViewerPreferences')))
  const display = get(pdf, preferences, 'DisplayDocTitle')
  if (!(display instanceof PDFBool && display.asBoolean())) {
    state.fail(
      'display-doc-title',
      `Unexpected ${display instanceof PDFBool ? '/DisplayDocTitle false' : 'viewer preferences without /DisplayDocTitle'}, expected /DisplayDocTitle true`,
    )
  }

  const treeRoot = dictOf(pdf, catalog.get(PDFName.of('StructTreeRoot')))
  if (!treeRoot) {
    state.fail('struct-tree', 'Unexpected catalog without /StructTreeRoot, expected a structure tree')
  } else {
    if (!get(pdf, treeRoot, 'ParentTree'))
      state.fail('parent-tree', 'Unexpected structure tree without /ParentTree, expected one')
    const roleMap = dictOf(pdf, treeRoot.get(PDFName.of('RoleMap')))
    checkRoleMap(state, roleMap)
    state.structure = walkStructure(state, treeRoot, roleMap)
    if (state.structure.length === 0) state.fail('struct-tree', 'Unexpected empty structure tree, expected elements')
    checkStructure(state)
  }

  const fontsSeen = new Set<string>()
  for (const [index, page] of pages.entries()) {
    const number = index + 1
    const {resources} = page
    checkContent(state, page.node, resources, number)
    checkFonts(state, resources, number, fontsSeen, new Set(), 0)
    const annots = listOf(pdf, page.node.get(PDFName.of('Annots')))
    if (annots.length === 0) continue
    const tabs = nameOf(get(pdf, page.node, 'Tabs'))
    if (tabs !== 'S') {
      state.fail(
        'tabs',
        `Unexpected ${tabs ? `/Tabs /${tabs}` : 'page with annotations without /Tabs'}, expected /Tabs /S`,
        number,
      )
    }
    const untagged = new Map<string, number>()
    let withoutContents = 0
    for (const item of annots) {
      const annot = dictOf(pdf, item)
      if (!annot) continue
      const subtype = nameOf(get(pdf, annot, 'Subtype')) ?? 'untyped'
      if (subtype === 'Popup') continue
      if (!(get(pdf, annot, 'StructParent') instanceof PDFNumber))
        untagged.set(subtype, (untagged.get(subtype) ?? 0) + 1)
      if (subtype === 'Link' && !textOf(get(pdf, annot, 'Contents'))?.trim()) withoutContents++
    }
    for (const [subtype, count] of untagged) {
      state.fail(
        'annot-tagged',
        `Unexpected ${count} ${subtype} ${count === 1 ? 'annotation' : 'annotations'} without /StructParent, expected each in the structure tree`,
        number,
      )
    }
    if (withoutContents > 0) {
      state.fail(
        'link-contents',
        `Unexpected ${withoutContents} Link ${withoutContents === 1 ? 'annotation' : 'annotations'} without /Contents, expected a description`,
        number,
      )
    }
  }
}

function checkRoleMap(state: State, roleMap: PDFDict | undefined): void {
  const {pdf} = state
  for (const [key] of roleMap?.entries() ?? []) {
    const from = key.decodeText()
    if (standardTypes.has(from)) {
      const to = nameOf(get(pdf, roleMap, from))
      if (to !== from)
        state.fail('role-map-standard', `Unexpected role map of standard /${from} to /${to}, expected none`)
      continue
    }
    const seen = new Set([from])
    let current = from
    for (let hop = 0; hop < MAX_ROLE_HOPS && !standardTypes.has(current); hop++) {
      const next = nameOf(get(pdf, roleMap, current))
      if (!next) break
      if (seen.has(next)) {
        state.fail('role-map-circular', `Unexpected circular role map from /${from} back to /${next}, expected a chain`)
        break
      }
      seen.add(next)
      current = next
    }
  }
}

function walkStructure(state: State, root: PDFDict, roleMap: PDFDict | undefined): StructElement[] {
  const {pdf} = state
  const seen = new Set<PDFObject>()
  let count = 0
  let tooDeep = false
  const standardOf = (role: string): string => {
    let current = role
    for (let hop = 0; hop < MAX_ROLE_HOPS && !standardTypes.has(current); hop++) {
      const next = nameOf(get(pdf, roleMap, current))
      if (!next) break
      current = next
    }
    return current
  }
  const pageNumber = (value: PDFObject | undefined): number | undefined =>
    value instanceof PDFRef ? state.pageOf.get(value.toString()) : undefined
  const visit = (
    value: PDFObject | undefined,
    inherited: number | undefined,
    depth: number,
  ): StructElement | undefined => {
    const dict = dictOf(pdf, value)
    if (!dict || seen.has(dict)) return undefined
    if (depth > MAX_STRUCT_DEPTH) {
      tooDeep = true
      return undefined
    }
    if (++count > MAX_STRUCT_ELEMENTS)
      throw new LimitError(`Unexpected structure tree over ${MAX_STRUCT_ELEMENTS} elements, expected fewer`)
    seen.add(dict)
    const role = nameOf(get(pdf, dict, 'S')) ?? ''
    const page = pageNumber(dict.get(PDFName.of('Pg'))) ?? inherited
    const node: StructElement = {role, standard: standardOf(role), children: []}
    if (page !== undefined) node.page = page
    const lang = textOf(get(pdf, dict, 'Lang'))
    if (lang !== undefined) node.lang = lang
    const alt = textOf(get(pdf, dict, 'Alt'))
    if (alt !== undefined) node.alt = alt
    const actualText = textOf(get(pdf, dict, 'ActualText'))
    if (actualText !== undefined) node.actualText = actualText
    state.dictOf.set(node, dict)
    for (const kid of listOf(pdf, dict.get(PDFName.of('K')))) {
      const resolved = lookup(pdf, kid)
      if (resolved instanceof PDFNumber) {
        const ref: MarkedContentRef = {mcid: resolved.asNumber()}
        if (page !== undefined) ref.page = page
        node.children.push(ref)
        continue
      }
      const kidDict = dictOf(pdf, kid)
      if (!kidDict) continue
      const type = nameOf(get(pdf, kidDict, 'Type'))
      const kidPage = pageNumber(kidDict.get(PDFName.of('Pg'))) ?? page
      if (type === 'MCR') {
        const mcid = get(pdf, kidDict, 'MCID')
        if (mcid instanceof PDFNumber) {
          const ref: MarkedContentRef = {mcid: mcid.asNumber()}
          if (kidPage !== undefined) ref.page = kidPage
          node.children.push(ref)
        }
      } else if (type === 'OBJR') {
        const annotation = dictOf(pdf, kidDict.get(PDFName.of('Obj')))
        if (!annotation) continue
        const ref: AnnotationRef = {annotation: {}}
        const subtype = nameOf(get(pdf, annotation, 'Subtype'))
        if (subtype !== undefined) ref.annotation.subtype = subtype
        const contents = textOf(get(pdf, annotation, 'Contents'))
        if (contents !== undefined) ref.annotation.contents = contents
        const uri = textOf(get(pdf, dictOf(pdf, annotation.get(PDFName.of('A'))), 'URI'))
        if (uri !== undefined) ref.annotation.uri = uri
        if (kidPage !== undefined) ref.page = kidPage
        state.annotationOf.set(ref, annotation)
        node.children.push(ref)
      } else {
        const child = visit(kid, page, depth + 1)
        if (child) node.children.push(child)
      }
    }
    return node
  }
  const top = listOf(pdf, root.get(PDFName.of('K')))
    .map((kid) => visit(kid, undefined, 0))
    .filter((node): node is StructElement => node !== undefined)
  if (tooDeep) state.fail('limit', `Unexpected structure tree deeper than ${MAX_STRUCT_DEPTH}, expected shallower`)
  return top
}

/** The elements of a tree in document order, without recursion. */
function* elements(roots: readonly StructElement[]): Generator<StructElement> {
  const stack = [...roots].reverse()
  for (let node = stack.pop(); node; node = stack.pop()) {
    yield node
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index]
      if (child && 'role' in child) stack.push(child)
    }
  }
}

function checkStructure(state: State): void {
  const {pdf} = state
  let previousLevel = 0
  let firstHeading = true
  let plainH = false
  let numberedH = false
  const unknownTypes = new Map<string, {count: number; page: number | undefined}>()
  const figuresWithoutAlt = new Map<number | undefined, number>()
  for (const node of elements(state.structure)) {
    const kinds = node.children
      .filter((child): child is StructElement => 'role' in child)
      .map((child) => child.standard)
    if (!standardTypes.has(node.standard)) {
      const seen = unknownTypes.get(node.role) ?? {count: 0, page: node.page}
      seen.count++
      seen.page ??= node.page
      unknownTypes.set(node.role, seen)
    }
    const heading = /^H([1-6])$/.exec(node.standard)
    if (node.standard === 'H') plainH = true
    if (heading) {
      numberedH = true
      const level = Number(heading[1])
      if (firstHeading && level !== 1)
        state.fail('heading-first', `Unexpected first heading H${level}, expected H1`, node.page)
      if (level > previousLevel + 1 && !firstHeading) {
        state.fail(
          'heading-skip',
          `Unexpected H${level} after H${previousLevel}, expected at most H${previousLevel + 1}`,
          node.page,
        )
      }
      firstHeading = false
      previousLevel = level
    }
    if (node.standard === 'L' && kinds.some((kind) => !['LI', 'L', 'Caption'].includes(kind))) {
      state.fail('list-structure', `Unexpected ${kinds.join(', ')} in L, expected LI`, node.page)
    }
    if (node.standard === 'LI' && kinds.some((kind) => !['Lbl', 'LBody'].includes(kind))) {
      state.fail('list-structure', `Unexpected ${kinds.join(', ')} in LI, expected Lbl and LBody`, node.page)
    }
    if (node.standard === 'TR' && kinds.some((kind) => !['TH', 'TD'].includes(kind))) {
      state.fail('table-structure', `Unexpected ${kinds.join(', ')} in TR, expected TH and TD`, node.page)
    }
    if (node.standard === 'Figure' && !(node.alt ?? node.actualText)?.trim()) {
      figuresWithoutAlt.set(node.page, (figuresWithoutAlt.get(node.page) ?? 0) + 1)
    }
    if (node.standard === 'Note' && !textOf(get(pdf, state.dictOf.get(node), 'ID'))) {
      state.fail('note-id', 'Unexpected Note without /ID, expected one', node.page)
    }
    for (const child of node.children) {
      if (!('annotation' in child)) continue
      const annotation = state.annotationOf.get(child)
      const onPage = annotation ? state.annotationPage.get(annotation) : undefined
      if (child.page !== undefined && onPage !== undefined && onPage !== child.page) {
        state.fail(
          'objr-page',
          `Unexpected annotation reference to page ${child.page}, expected page ${onPage} where the annotation is`,
          onPage,
        )
      }
      if (child.annotation.subtype === 'Link' && node.standard !== 'Link') {
        state.fail('link-tag', `Unexpected Link annotation in /${node.role}, expected a Link element`, child.page)
      }
    }
  }
  // One failure per unknown type, at its first page: a file may hold thousands of such elements.
  for (const [role, {count, page}] of unknownTypes) {
    state.fail(
      'struct-type',
      `Unexpected structure type /${role || '(none)'} (${count} ${count === 1 ? 'element' : 'elements'}), expected a standard type or one role-mapped to it`,
      page,
    )
  }
  for (const [page, count] of figuresWithoutAlt) {
    state.fail(
      'figure-alt',
      `Unexpected ${count} ${count === 1 ? 'Figure' : 'Figures'} without /Alt, expected an alternative text`,
      page,
    )
  }
  if (plainH && numberedH) state.fail('heading-mixed', 'Unexpected H beside H1–H6, expected one kind of heading')
}

function contentStreams(state: State, value: PDFObject | undefined): Uint8Array[] {
  return listOf(state.pdf, value).flatMap((item) => {
    const bytes = streamBytes(state.pdf, item)
    return bytes ? [bytes] : []
  })
}

/** Painting operators outside marked content that is structure (MCID) or an artifact; artifacts and tags nested. */
function checkContent(state: State, node: PDFDict, resources: PDFDict | undefined, page: number): void {
  const {pdf} = state
  let streams: Uint8Array[]
  try {
    streams = contentStreams(state, node.get(PDFName.of('Contents')))
  } catch (error) {
    if (error instanceof LimitError) throw error
    state.fail('unreadable', `Unexpected damaged content stream: ${(error as Error).message}`, page)
    return
  }
  const properties = dictOf(pdf, resources?.get(PDFName.of('Properties')))
  let untagged = 0
  let artifactInTagged = 0
  let taggedInArtifact = 0
  // A page's content streams are one stream: marked content may open in one and close in the next.
  const stack: Array<'artifact' | 'tagged' | 'other'> = []
  for (const bytes of streams) {
    let operands: string[] = []
    for (const token of tokens(bytes)) {
      if (token.type === 'operand') {
        if (operands.length < 64) operands.push(token.value)
        continue
      }
      const op = token.value
      if (op === 'BMC' || op === 'BDC') {
        const tag = operands[0] ?? ''
        let tagged = op === 'BDC' && operands.includes('/MCID')
        const named = operands[1]
        if (op === 'BDC' && !tagged && named?.startsWith('/')) {
          tagged = get(pdf, dictOf(pdf, properties?.get(PDFName.of(named.slice(1)))), 'MCID') instanceof PDFNumber
        }
        const kind = tag === '/Artifact' ? 'artifact' : tagged ? 'tagged' : 'other'
        if (kind === 'artifact' && stack.includes('tagged')) artifactInTagged++
        if (kind === 'tagged' && stack.includes('artifact')) taggedInArtifact++
        if (stack.length < 1024) stack.push(kind)
      } else if (op === 'EMC') {
        stack.pop()
      } else if (painting.has(op) && !stack.some((kind) => kind !== 'other')) {
        untagged++
      }
      operands = []
    }
  }
  if (untagged > 0) {
    state.fail(
      'content-marked',
      `Unexpected ${untagged} painting operators outside tagged content, expected each tagged or an artifact`,
      page,
    )
  }
  if (artifactInTagged > 0) {
    state.fail(
      'artifact-nesting',
      `Unexpected ${artifactInTagged} artifacts inside tagged content, expected none`,
      page,
    )
  }
  if (taggedInArtifact > 0) {
    state.fail(
      'artifact-nesting',
      `Unexpected ${taggedInArtifact} tagged sequences inside artifacts, expected none`,
      page,
    )
  }
}

function checkFonts(
  state: State,
  resources: PDFDict | undefined,
  page: number,
  seen: Set<string>,
  forms: Set<PDFObject>,
  depth: number,
): void {
  const {pdf} = state
  const fonts = dictOf(pdf, resources?.get(PDFName.of('Font')))
  for (const [, value] of fonts?.entries() ?? []) {
    const key = value.toString()
    if (seen.has(key)) continue
    seen.add(key)
    const font = dictOf(pdf, value)
    if (!font) continue
    const subtype = nameOf(get(pdf, font, 'Subtype'))
    const name = nameOf(get(pdf, font, 'BaseFont')) ?? subtype ?? 'font'
    if (subtype === 'Type3') continue
    const descendant = subtype === 'Type0' ? dictOf(pdf, listOf(pdf, font.get(PDFName.of('DescendantFonts')))[0]) : font
    const descriptor = dictOf(pdf, descendant?.get(PDFName.of('FontDescriptor')))
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((entry) => get(pdf, descriptor, entry))
    if (!embedded) state.fail('font-embedded', `Unexpected font ${name} not embedded, expected its program`, page)
    if (!get(pdf, font, 'ToUnicode') && !mapsToUnicode(pdf, font, subtype, descendant, descriptor)) {
      state.fail('font-tounicode', `Unexpected font ${name} without /ToUnicode, expected a Unicode map`, page)
    }
  }
  if (depth >= MAX_FORM_DEPTH) return
  const xobjects = dictOf(pdf, resources?.get(PDFName.of('XObject')))
  for (const [, value] of xobjects?.entries() ?? []) {
    const xobject = dictOf(pdf, value)
    if (!xobject || forms.has(xobject) || nameOf(get(pdf, xobject, 'Subtype')) !== 'Form') continue
    forms.add(xobject)
    checkFonts(state, dictOf(pdf, xobject.get(PDFName.of('Resources'))), page, seen, forms, depth + 1)
  }
}

/**
 * Without a ToUnicode map, text still maps to Unicode when a simple font is
 * non-symbolic with a standard encoding or differences (glyph names), or a
 * CID font uses one of Adobe's predefined character collections.
 */
function mapsToUnicode(
  pdf: PDFDocument,
  font: PDFDict,
  subtype: string | undefined,
  descendant: PDFDict | undefined,
  descriptor: PDFDict | undefined,
): boolean {
  if (subtype === 'Type0') {
    const info = dictOf(pdf, descendant?.get(PDFName.of('CIDSystemInfo')))
    const ordering = textOf(get(pdf, info, 'Ordering'))
    return ordering !== undefined && ['GB1', 'CNS1', 'Japan1', 'Korea1'].includes(ordering)
  }
  const flags = get(pdf, descriptor, 'Flags')
  const symbolic = flags instanceof PDFNumber && (flags.asNumber() & 4) !== 0
  const encoding = get(pdf, font, 'Encoding')
  if (encoding instanceof PDFName)
    return ['WinAnsiEncoding', 'MacRomanEncoding', 'StandardEncoding'].includes(encoding.decodeText())
  if (dictOf(pdf, encoding)) return true
  return subtype === 'Type1' && !symbolic
}
