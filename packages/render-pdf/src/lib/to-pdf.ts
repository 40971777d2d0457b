import {createHash} from 'node:crypto'
import type {Diagnostic, Meta, PhrasingContent, Root} from '@folio/ast'
import {check, plainText} from '@folio/ast'
import PDFDocument from 'pdfkit'
import {face} from './fonts.js'
import {type Geometry, geometryOf, type PageSize, pageSizes} from './geometry.js'
import {handlers as defaultHandlers} from './handlers/index.js'
import {phrasingHandlers as defaultPhrasing} from './handlers/inline.js'
import {setText} from './handlers/text-block.js'
import {formatDate, parseDate, xmpDescriptions} from './metadata.js'
import {repair} from './repair.js'
import {type Handlers, type PhrasingHandlers, type Piece, State, type Tag} from './state.js'

export interface Options {
  /** Paper: 'A4' (default) or 'Letter'. */
  pageSize?: PageSize
  /** Block handlers by node type, over the defaults. */
  handlers?: Handlers
  /** Phrasing handlers by node type, over the defaults. */
  phrasingHandlers?: PhrasingHandlers
}

export interface Result {
  value: Uint8Array
  diagnostics: Diagnostic[]
}

/** The name written as the PDF's producer. */
export const producer = 'Folio (@folio/render-pdf)'

type Doc = InstanceType<typeof PDFDocument>

interface Internals {
  _id: Uint8Array
  _root: {data: Record<string, unknown>}
  _addInfo: () => void
  info: Record<string, unknown>
  appendXML: (xml: string) => void
  getStructTreeRoot: () => {data: Record<string, unknown>}
}

/**
 * Render a Folio tree as a tagged PDF/UA-1 file: PDF 1.7, a structure tree
 * in reading order, embedded fonts with Unicode maps, bookmarks, page labels,
 * running heads and page numbers as artifacts. The same tree and options give
 * the same bytes.
 */
export async function toPdf(tree: Root, options: Options = {}): Promise<Result> {
  if (!tree || typeof tree !== 'object' || tree.type !== 'root' || !Array.isArray(tree.children)) {
    throw new TypeError('Unexpected value for `tree`, expected a Folio `root` node')
  }
  const pageSize = options.pageSize ?? 'A4'
  if (!(pageSize in pageSizes)) {
    throw new RangeError(`Unexpected page size \`${String(pageSize)}\`, expected \`A4\` or \`Letter\``)
  }
  const early: Diagnostic[] = []
  const report = (severity: Diagnostic['severity'], ruleId: string, message: string) =>
    early.push({ruleId, source: 'folio-render-pdf', severity, message})
  let repairs = 0
  tree = repair(tree, (path, problem) => {
    if (repairs++ < 20)
      report('warning', 'tree-invalid', `Unexpected ${problem} at ${path}, expected a valid Folio tree`)
  })
  if (repairs === 0) {
    for (const problem of check(tree).slice(0, 20)) {
      report(
        'warning',
        'tree-invalid',
        `Unexpected tree shape: ${problem.message} at ${problem.path}, expected a valid Folio tree`,
      )
    }
  }
  const meta: Meta = tree.meta
  const lang = typeof meta.lang === 'string' && meta.lang.trim() ? meta.lang.trim() : 'en'
  if (lang !== meta.lang)
    report('warning', 'lang-missing', 'Unexpected tree without `meta.lang`, expected a BCP 47 language tag')

  const title = meta.title?.replace(/\s+/g, ' ').trim() || fallbackTitle(tree)
  if (!meta.title?.trim()) {
    report('warning', 'title-missing', `Unexpected tree without \`meta.title\`, expected a title (used \`${title}\`)`)
  }
  const created = parseDate(meta.source?.created) ?? parseDate(meta.date)
  const modified = parseDate(meta.source?.modified) ?? created
  if (!created && meta.date) {
    report(
      'warning',
      'date-invalid',
      `Unexpected date \`${meta.date}\`, expected an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)`,
    )
  } else if (!created) {
    report(
      'info',
      'date-missing',
      'Unexpected tree without a document date, expected `meta.date` or `meta.source.created`',
    )
  }

  const info: PDFKit.DocumentInfo & Record<string, unknown> = {
    Title: title,
    Producer: producer,
    Creator: producer,
    // pdfkit derives the file ID from this date; the real entries are set below.
    CreationDate: created ?? new Date(0),
  }
  if (meta.authors.length > 0) info.Author = meta.authors.join('; ')
  if (meta.description) info.Subject = meta.description
  if (modified) info.ModDate = modified

  const doc: Doc = new PDFDocument({
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    lang,
    displayTitle: true,
    autoFirstPage: false,
    bufferPages: false,
    font: face('text', 'regular').path,
    info,
  })
  const internals = doc as unknown as Internals
  if (!created) delete internals.info.CreationDate
  // A file ID from the content, not the clock.
  internals._id = new Uint8Array(createHash('sha256').update(JSON.stringify({tree, pageSize})).digest().subarray(0, 16))
  internals._addInfo = () => internals.appendXML(xmpDescriptions({...meta, lang}, title, {created, modified}, producer))
  // The title page is front matter (i); the text is numbered from 1 on the page after it.
  internals._root.data.PageLabels = {Nums: [0, {S: 'r'}, 1, {S: 'D'}]}
  internals._root.data.PageMode = 'UseOutlines'
  internals.getStructTreeRoot().data.RoleMap = {Title: 'P'}

  const chunks: Uint8Array[] = []
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })

  const geometry = geometryOf(pageSize)
  const state = new State(
    doc,
    geometry,
    {...defaultHandlers, ...options.handlers},
    {...defaultPhrasing, ...options.phrasingHandlers},
    (current) => decorate(current, geometry, title),
  )
  state.diagnostics.push(...early)
  state.rtlDocument = meta.dir === 'rtl' || /^(ar|fa|he|ur|yi|ps|sd|ug|dv|ckb)(-|$)/i.test(lang)

  const document = state.tag('Document', undefined)
  state.newPage()
  titleBlock(state, document, {...meta, lang}, title)
  for (const child of tree.children) state.one(child, document)
  state.closeContent()
  state.endLinks()
  document.ensure().end()
  doc.end()
  await ended

  const length = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)
  const value = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    value.set(chunk, offset)
    offset += chunk.byteLength
  }
  return {value, diagnostics: state.diagnostics}
}

function fallbackTitle(tree: Root): string {
  const file = tree.meta?.source?.file?.replace(/\.pdf$/i, '')
  if (file) return file
  for (const child of tree.children) {
    if (child.type === 'section') {
      const heading = child.children[0]
      if (heading?.type === 'heading') return plainText(heading).trim() || 'Untitled document'
    }
  }
  return 'Untitled document'
}

/** The title page: title, subtitle, authors, publisher, date; the text starts on the next page. */
function titleBlock(state: State, document: Tag, meta: Meta, title: string): void {
  const translated = (field: 'title' | 'subtitle' | 'publisher') =>
    (meta.translations ?? []).filter((translation) => translation.field === field)
  const line = (
    type: string,
    children: PhrasingContent[],
    size: number,
    style: 'regular' | 'bold' | 'italic',
    after: number,
  ) => {
    setText(state, state.tag(type, document), children, {size, style}, {leading: size * 1.3, spaceAfter: after})
  }
  const other = (field: 'title' | 'subtitle' | 'publisher', size: number, style: 'regular' | 'bold' | 'italic') => {
    for (const translation of translated(field)) {
      const span: PhrasingContent = {
        type: 'span',
        lang: translation.lang,
        children: [{type: 'text', value: translation.value}],
      }
      if (translation.dir) span.dir = translation.dir
      line('P', [span], size, style, 6)
    }
  }
  state.y = state.geometry.top + (state.geometry.height - state.geometry.top - state.geometry.bottom) * 0.22
  line('Title', [{type: 'text', value: title}], 22, 'bold', 8)
  other('title', 18, 'bold')
  if (meta.subtitle) line('P', [{type: 'text', value: meta.subtitle}], 14, 'italic', 6)
  other('subtitle', 13, 'italic')
  state.y += 8
  if (meta.authors.length > 0) line('P', [{type: 'text', value: meta.authors.join(', ')}], 11.5, 'regular', 3)
  if (meta.publisher) line('P', [{type: 'text', value: meta.publisher}], 11.5, 'regular', 3)
  other('publisher', 11.5, 'regular')
  if (meta.date) line('P', [{type: 'text', value: formatDate(meta.date, meta.lang)}], 11.5, 'regular', 3)
  const y = state.y + 10
  state.artifact('Layout', () => {
    const {doc, geometry} = state
    doc
      .save()
      .lineWidth(0.6)
      .strokeColor('#8a8a8a')
      .moveTo(geometry.left, y)
      .lineTo(geometry.left + geometry.measure, y)
      .stroke()
      .restore()
  })
  state.newPage()
}

/** Running head and page number on every page after the title page, both artifacts. */
function decorate(state: State, geometry: Geometry, title: string): void {
  if (state.pageNumber === 1) return
  const small = 8.5
  // The running head in the faces its script needs, cut to the measure.
  const context = state.context(state.tag('Artifact', undefined), {
    style: 'italic',
    size: small,
    color: state.type.muted,
  })
  let pieces = state.text(title, context)
  const width = (list: readonly Piece[]) => list.reduce((sum, piece) => sum + piece.width, 0)
  if (width(pieces) > geometry.measure) {
    const ellipsis = state.text('…', context)
    while (pieces.length > 1 && width(pieces) + width(ellipsis) > geometry.measure) pieces = pieces.slice(0, -1)
    while (pieces.at(-1)?.space) pieces = pieces.slice(0, -1)
    pieces = [...pieces, ...ellipsis]
  }
  const rtl =
    pieces.some((piece) => piece.rtl) && pieces.every((piece) => piece.rtl || piece.space || !/\p{L}/u.test(piece.text))
  const number = state.text(
    String(state.pageNumber - 1),
    state.context(context.tag, {size: small + 0.5, color: state.type.muted}),
  )
  state.artifact('Pagination', () => {
    const line = {pieces, width: width(pieces)}
    let x = geometry.left + (rtl ? geometry.measure - line.width : 0)
    for (const segment of state.segments(line, rtl)) x += state.paint(segment, x, 46)
    // The page label: the title page is i, the text starts at 1.
    let right = geometry.left + (geometry.measure - width(number)) / 2
    for (const piece of number) right += state.paint(piece, right, geometry.height - 40)
  })
}
