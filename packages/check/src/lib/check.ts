/**
 * A checker of the machine-checkable PDF/UA-1 requirements (as veraPDF's
 * PDF/UA-1 profile and the Matterhorn Protocol state them), over any PDF,
 * with pdf-lib reading the objects. Each failure names its rule and page.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib'

export interface Failure {
  /** Rule id, with the Matterhorn checkpoint it follows. */
  rule: string
  page?: number
  message: string
}

export interface StructNode {
  role: string
  /** The role after the role map. */
  standard: string
  dict: PDFDict
  page?: number
  children: Array<StructNode | {mcid: number; page?: number} | {annotation: PDFDict; page?: number}>
}

const standardTypes = new Set([
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

export class Checked {
  readonly failures: Failure[] = []
  roots: StructNode[] = []
  pageOf = new Map<string, number>()
  /** The page each annotation is listed on. */
  annotationPage = new Map<PDFDict, number>()
  readonly pdf: PDFDocument
  constructor(pdf: PDFDocument) {
    this.pdf = pdf
  }
  fail(rule: string, message: string, page?: number): void {
    const failure: Failure = {rule, message}
    if (page !== undefined) failure.page = page
    this.failures.push(failure)
  }
}

function lookup(pdf: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? pdf.context.lookup(value) : value
}

function dictOf(pdf: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const found = lookup(pdf, value)
  if (found instanceof PDFDict) return found
  if (found instanceof PDFStream) return found.dict
  return undefined
}

function get(pdf: PDFDocument, dict: PDFDict | undefined, key: string): PDFObject | undefined {
  return dict ? lookup(pdf, dict.get(PDFName.of(key))) : undefined
}

export function textOf(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText()
  return undefined
}

function nameOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFName ? value.decodeText() : undefined
}

function streamBytes(stream: PDFObject | undefined): Uint8Array | undefined {
  if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode()
  return undefined
}

/** Check a PDF against the PDF/UA-1 rules a machine can decide. */
export async function checkPdfUa(data: Uint8Array): Promise<Checked> {
  const pdf = await PDFDocument.load(data, {ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false})
  const checked = new Checked(pdf)
  if (pdf.isEncrypted) {
    checked.fail('encrypted', 'File is encrypted: its content cannot be read to check it')
    return checked
  }
  try {
    check(checked)
  } catch (error) {
    checked.fail('unreadable', `File cannot be read to the end: ${(error as Error).message}`)
  }
  return checked
}

function check(checked: Checked): void {
  const {pdf} = checked
  const catalog = pdf.catalog
  const pages = pdf.getPages()
  for (const [index, page] of pages.entries()) {
    checked.pageOf.set(page.ref.toString(), index + 1)
    const annots = lookup(pdf, page.node.get(PDFName.of('Annots')))
    for (const item of annots instanceof PDFArray ? annots.asArray() : []) {
      const annotation = dictOf(pdf, item)
      if (annotation) checked.annotationPage.set(annotation, index + 1)
    }
  }

  // 06: metadata, 07: dictionary
  const markInfo = dictOf(pdf, catalog.get(PDFName.of('MarkInfo')))
  const marked = get(pdf, markInfo, 'Marked')
  if (!(marked instanceof PDFBool && marked.asBoolean()))
    checked.fail('marked', 'Catalog /MarkInfo /Marked is not true (Matterhorn 01-002)')
  const suspects = get(pdf, markInfo, 'Suspects')
  if (suspects instanceof PDFBool && suspects.asBoolean())
    checked.fail('suspects', '/MarkInfo /Suspects is true (Matterhorn 01-002)')

  const lang = textOf(get(pdf, catalog, 'Lang'))
  if (!lang?.trim()) checked.fail('lang', 'Catalog has no /Lang (Matterhorn 11-001)')

  const metadata = streamBytes(get(pdf, catalog, 'Metadata'))
  const xmp = metadata ? new TextDecoder().decode(metadata) : ''
  if (!xmp) checked.fail('xmp', 'Catalog has no XMP /Metadata stream (Matterhorn 06-001)')
  const part = /pdfuaid:part(?:>\s*|="\s*)(\d+)/.exec(xmp)?.[1]
  if (part !== '1') checked.fail('xmp-pdfuaid', 'XMP has no pdfuaid:part 1 (Matterhorn 06-002)')
  const title = /<dc:title>[\s\S]*?<rdf:li[^>]*>([^<]+)<\/rdf:li>/.exec(xmp)?.[1]
  if (!title?.trim()) checked.fail('title', 'XMP has no dc:title (Matterhorn 06-003)')
  const preferences = dictOf(pdf, catalog.get(PDFName.of('ViewerPreferences')))
  const display = get(pdf, preferences, 'DisplayDocTitle')
  if (!(display instanceof PDFBool && display.asBoolean())) {
    checked.fail('display-doc-title', '/ViewerPreferences /DisplayDocTitle is not true (Matterhorn 07-001)')
  }

  // 01: structure tree
  const treeRoot = dictOf(pdf, catalog.get(PDFName.of('StructTreeRoot')))
  if (!treeRoot) {
    checked.fail('struct-tree', 'Catalog has no /StructTreeRoot (Matterhorn 01-006)')
  } else {
    if (!get(pdf, treeRoot, 'ParentTree'))
      checked.fail('parent-tree', 'Structure tree has no /ParentTree (Matterhorn 01-006)')
    const roleMap = dictOf(pdf, treeRoot.get(PDFName.of('RoleMap')))
    checked.roots = walkStructure(checked, treeRoot, roleMap)
    if (checked.roots.length === 0) checked.fail('struct-tree', 'Structure tree is empty (Matterhorn 01-006)')
    checkStructure(checked)
  }

  // Content: all marked as structure or artifact; fonts embedded with Unicode maps.
  const fontsSeen = new Set<string>()
  for (const [index, page] of pages.entries()) {
    const number = index + 1
    const resources = dictOf(pdf, page.node.get(PDFName.of('Resources')))
    checkContent(checked, page.node, resources, number)
    checkFonts(checked, resources, number, fontsSeen, new Set())
    const annots = lookup(pdf, page.node.get(PDFName.of('Annots')))
    if (annots instanceof PDFArray && annots.size() > 0) {
      if (nameOf(get(pdf, page.node, 'Tabs')) !== 'S') {
        checked.fail('tabs', 'Page with annotations has no /Tabs /S (Matterhorn 28-002)', number)
      }
      for (const item of annots.asArray()) {
        const annot = dictOf(pdf, item)
        if (!annot) continue
        const subtype = nameOf(get(pdf, annot, 'Subtype'))
        if (subtype === 'Popup') continue
        const structParent = get(pdf, annot, 'StructParent')
        if (!(structParent instanceof PDFNumber)) {
          checked.fail('annot-tagged', `${subtype} annotation without /StructParent (Matterhorn 28-002)`, number)
        }
        if (subtype === 'Link' && !textOf(get(pdf, annot, 'Contents'))?.trim()) {
          checked.fail('link-contents', 'Link annotation without /Contents (Matterhorn 28-008)', number)
        }
      }
    }
  }
}

function walkStructure(checked: Checked, root: PDFDict, roleMap: PDFDict | undefined): StructNode[] {
  const {pdf} = checked
  const seen = new Set<PDFObject>()
  const standardOf = (role: string): string => {
    let current = role
    for (let hop = 0; hop < 10 && !standardTypes.has(current); hop++) {
      const next = nameOf(get(pdf, roleMap, current))
      if (!next) break
      current = next
    }
    return current
  }
  const pageNumber = (value: PDFObject | undefined): number | undefined =>
    value instanceof PDFRef ? checked.pageOf.get(value.toString()) : undefined
  const visit = (value: PDFObject | undefined, inheritedPage: number | undefined): StructNode | undefined => {
    const dict = dictOf(pdf, value)
    if (!dict || seen.has(dict)) return undefined
    seen.add(dict)
    const role = nameOf(get(pdf, dict, 'S')) ?? ''
    const page = pageNumber(dict.get(PDFName.of('Pg'))) ?? inheritedPage
    const node: StructNode = {role, standard: standardOf(role), dict, children: []}
    if (page !== undefined) node.page = page
    const kids = lookup(pdf, dict.get(PDFName.of('K')))
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []
    for (const kid of list) {
      const resolved = lookup(pdf, kid)
      if (resolved instanceof PDFNumber) {
        node.children.push(page === undefined ? {mcid: resolved.asNumber()} : {mcid: resolved.asNumber(), page})
        continue
      }
      const kidDict = dictOf(pdf, kid)
      if (!kidDict) continue
      const type = nameOf(get(pdf, kidDict, 'Type'))
      const kidPage = pageNumber(kidDict.get(PDFName.of('Pg'))) ?? page
      if (type === 'MCR') {
        const mcid = get(pdf, kidDict, 'MCID')
        if (mcid instanceof PDFNumber) {
          node.children.push(kidPage === undefined ? {mcid: mcid.asNumber()} : {mcid: mcid.asNumber(), page: kidPage})
        }
      } else if (type === 'OBJR') {
        const annotation = dictOf(pdf, kidDict.get(PDFName.of('Obj')))
        if (annotation) node.children.push(kidPage === undefined ? {annotation} : {annotation, page: kidPage})
      } else {
        const child = visit(kid, page)
        if (child) node.children.push(child)
      }
    }
    return node
  }
  const top = lookup(pdf, root.get(PDFName.of('K')))
  const list = top instanceof PDFArray ? top.asArray() : top ? [top] : []
  return list.map((kid) => visit(kid, undefined)).filter((node): node is StructNode => node !== undefined)
}

function* nodes(list: readonly StructNode[]): Generator<StructNode> {
  for (const node of list) {
    yield node
    yield* nodes(node.children.filter((child): child is StructNode => 'role' in child))
  }
}

function checkStructure(checked: Checked): void {
  const {pdf} = checked
  let previousLevel = 0
  let firstHeading = true
  let plainH = false
  let numberedH = false
  for (const node of nodes(checked.roots)) {
    const kinds = node.children.filter((child): child is StructNode => 'role' in child).map((child) => child.standard)
    if (!standardTypes.has(node.standard)) {
      checked.fail(
        'struct-type',
        `Structure type /${node.role} is neither standard nor role-mapped to one (Matterhorn 02-001)`,
        node.page,
      )
    }
    const heading = /^H([1-6])$/.exec(node.standard)
    if (node.standard === 'H') plainH = true
    if (heading) {
      numberedH = true
      const level = Number(heading[1])
      if (firstHeading && level !== 1)
        checked.fail('heading-first', `First heading is H${level}, not H1 (Matterhorn 14-002)`, node.page)
      if (level > previousLevel + 1 && !firstHeading) {
        checked.fail(
          'heading-skip',
          `Heading H${level} follows H${previousLevel}, skipping a level (Matterhorn 14-003)`,
          node.page,
        )
      }
      firstHeading = false
      previousLevel = level
    }
    if (node.standard === 'L' && kinds.some((kind) => !['LI', 'L', 'Caption'].includes(kind))) {
      checked.fail(
        'list-structure',
        `L contains ${kinds.join(', ')}, expected LI (Matterhorn 15-xxx, ISO 32000-1 14.8.4.3.3)`,
        node.page,
      )
    }
    if (node.standard === 'LI' && kinds.some((kind) => !['Lbl', 'LBody'].includes(kind))) {
      checked.fail('list-structure', `LI contains ${kinds.join(', ')}, expected Lbl and LBody`, node.page)
    }
    if (node.standard === 'TR' && kinds.some((kind) => !['TH', 'TD'].includes(kind))) {
      checked.fail(
        'table-structure',
        `TR contains ${kinds.join(', ')}, expected TH and TD (Matterhorn 15-001)`,
        node.page,
      )
    }
    if (node.standard === 'Figure') {
      const alt = textOf(get(pdf, node.dict, 'Alt')) ?? textOf(get(pdf, node.dict, 'ActualText'))
      if (!alt?.trim()) checked.fail('figure-alt', 'Figure without /Alt (Matterhorn 13-004)', node.page)
    }
    if (node.standard === 'Note' && !textOf(get(pdf, node.dict, 'ID'))) {
      checked.fail('note-id', 'Note without /ID (Matterhorn 19-003)', node.page)
    }
    for (const child of node.children) {
      if (!('annotation' in child)) continue
      const onPage = checked.annotationPage.get(child.annotation)
      if (child.page !== undefined && onPage !== undefined && onPage !== child.page) {
        checked.fail(
          'objr-page',
          `Annotation reference names page ${child.page}, but the annotation is on page ${onPage}`,
          onPage,
        )
      }
      const subtype = nameOf(get(pdf, child.annotation, 'Subtype'))
      if (subtype === 'Link' && node.standard !== 'Link') {
        checked.fail(
          'link-tag',
          `Link annotation inside /${node.role}, expected a Link element (Matterhorn 28-011)`,
          child.page,
        )
      }
    }
  }
  if (plainH && numberedH) checked.fail('heading-mixed', 'Both H and H1–H6 are used (Matterhorn 14-007)')
}

/** Content-stream tokens: enough of the syntax to follow marked content and painting operators. */
function* tokens(bytes: Uint8Array): Generator<{type: 'op' | 'operand'; value: string}> {
  const text = new TextDecoder('latin1').decode(bytes)
  let index = 0
  const length = text.length
  const isWhite = (char: string) => /[\s\0]/.test(char)
  const isDelimiter = (char: string) => '()<>[]{}/%'.includes(char)
  while (index < length) {
    const char = text[index] ?? ''
    if (isWhite(char)) {
      index++
    } else if (char === '%') {
      while (index < length && text[index] !== '\n' && text[index] !== '\r') index++
    } else if (char === '(') {
      let depth = 0
      const start = index
      for (; index < length; index++) {
        const c = text[index]
        if (c === '\\') index++
        else if (c === '(') depth++
        else if (c === ')' && --depth === 0) break
      }
      index++
      yield {type: 'operand', value: text.slice(start, index)}
    } else if (char === '<' && text[index + 1] === '<') {
      index += 2
      yield {type: 'operand', value: '<<'}
    } else if (char === '>' && text[index + 1] === '>') {
      index += 2
      yield {type: 'operand', value: '>>'}
    } else if (char === '<') {
      const end = text.indexOf('>', index)
      yield {type: 'operand', value: text.slice(index, end + 1)}
      index = end + 1
    } else if ('[]{}'.includes(char)) {
      index++
      yield {type: 'operand', value: char}
    } else if (char === '/') {
      const start = index++
      while (index < length && !isWhite(text[index] ?? '') && !isDelimiter(text[index] ?? '')) index++
      yield {type: 'operand', value: text.slice(start, index)}
    } else {
      const start = index
      while (index < length && !isWhite(text[index] ?? '') && !isDelimiter(text[index] ?? '')) index++
      if (index === start) index++
      const word = text.slice(start, index)
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null') {
        yield {type: 'operand', value: word}
      } else if (word === 'ID') {
        // Inline image data: skip to EI.
        const end = text.indexOf('EI', index)
        index = end < 0 ? length : end + 2
        yield {type: 'op', value: 'EI'}
      } else {
        yield {type: 'op', value: word}
      }
    }
  }
}

const painting = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'EI'])

function contentBytes(pdf: PDFDocument, value: PDFObject | undefined): Uint8Array[] {
  const resolved = lookup(pdf, value)
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((item) => contentBytes(pdf, item))
  const bytes = streamBytes(resolved)
  return bytes ? [bytes] : []
}

/** Painting operators outside marked content that is structure (MCID) or an artifact. */
function checkContent(
  checked: Checked,
  node: PDFDict,
  resources: PDFDict | undefined,
  page: number,
  form = false,
): void {
  const {pdf} = checked
  const streams = form ? [] : contentBytes(pdf, node.get(PDFName.of('Contents')))
  let untagged = 0
  // A page's content streams are one stream: marked content may open in one and close in the next.
  const stack: boolean[] = []
  for (const bytes of streams) {
    let operands: string[] = []
    for (const token of tokens(bytes)) {
      if (token.type === 'operand') {
        operands.push(token.value)
        continue
      }
      const op = token.value
      if (op === 'BMC' || op === 'BDC') {
        const tag = operands[0] ?? ''
        const covered = tag === '/Artifact' || (op === 'BDC' && operands.includes('/MCID'))
        stack.push(covered || stack.some(Boolean))
      } else if (op === 'EMC') {
        stack.pop()
      } else if (painting.has(op) && !stack.some(Boolean)) {
        untagged++
      }
      operands = []
    }
  }
  if (untagged > 0) {
    checked.fail(
      'content-marked',
      `${untagged} painting operators outside tagged content or artifacts (Matterhorn 01-005)`,
      page,
    )
  }
  void resources
}

function checkFonts(
  checked: Checked,
  resources: PDFDict | undefined,
  page: number,
  seen: Set<string>,
  forms: Set<PDFObject>,
): void {
  const {pdf} = checked
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
    const descendant =
      subtype === 'Type0' ? dictOf(pdf, (get(pdf, font, 'DescendantFonts') as PDFArray | undefined)?.get(0)) : font
    const descriptor = dictOf(pdf, descendant?.get(PDFName.of('FontDescriptor')))
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((entry) => get(pdf, descriptor, entry))
    if (!embedded) checked.fail('font-embedded', `Font ${name} is not embedded (Matterhorn 31-001)`, page)
    const toUnicode = get(pdf, font, 'ToUnicode')
    if (!toUnicode && !mapsToUnicode(pdf, font, subtype, descendant, descriptor)) {
      checked.fail('font-tounicode', `Font ${name} has no /ToUnicode map (Matterhorn 31-006)`, page)
    }
  }
  const xobjects = dictOf(pdf, resources?.get(PDFName.of('XObject')))
  for (const [, value] of xobjects?.entries() ?? []) {
    const xobject = dictOf(pdf, value)
    if (!xobject || forms.has(xobject) || nameOf(get(pdf, xobject, 'Subtype')) !== 'Form') continue
    forms.add(xobject)
    checkFonts(checked, dictOf(pdf, xobject.get(PDFName.of('Resources'))), page, seen, forms)
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
  if (encoding instanceof PDFDict) return true
  return subtype === 'Type1' && !symbolic
}

/** Format failures one per line: `rule (page N): message`. */
export function formatFailures(failures: readonly Failure[]): string {
  return failures
    .map((failure) => `${failure.rule}${failure.page ? ` (page ${failure.page})` : ''}: ${failure.message}`)
    .join('\n')
}
