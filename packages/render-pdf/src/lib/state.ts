import type {Content, Diagnostic, Source} from '@folio/ast'
import type PDFDocument from 'pdfkit'
import {type Face, type Family, face, isArabic, isNeutral, isRtl, type Style} from './fonts.js'
import {type Geometry, type Typography, typography} from './geometry.js'
import {memoizeShaping} from './shaping.js'

type Doc = InstanceType<typeof PDFDocument>
type StructElement = PDFKit.PDFStructureElement
type StructContent = PDFKit.PDFStructureContent

/** Options of a structure element. */
export interface TagOptions {
  lang?: string
  alt?: string
  actual?: string
  /** The element's `/ID`, required on `Note`. */
  id?: string
  scope?: 'Row' | 'Column' | 'Both'
  /** The element's `/T`: a title that names it without being a heading (a sidebar's). */
  title?: string
}

/**
 * A structure element to be. Its PDF object is made on its first content, so
 * elements that stay empty never enter the structure tree and every element's
 * kids come in reading order.
 */
export class Tag {
  element: StructElement | undefined
  private elementPage = -1
  /** Runs once, when the first content of the element is placed. */
  onFirstContent: (() => void) | undefined

  constructor(
    private readonly state: State,
    readonly type: string,
    readonly parent: Tag | undefined,
    readonly options: TagOptions = {},
  ) {}

  /** The pdfkit element, made (and attached to its parent) when needed. */
  ensure(): StructElement {
    // A link annotation's OBJR names the page it is on: keep each Link element to one page.
    if (this.element && this.type === 'Link' && this.elementPage !== this.state.pageNumber) this.element = undefined
    // An element ended with its Link (a span inside a link that goes on to the next page) starts anew.
    if ((this.element as {_ended?: boolean} | undefined)?._ended) this.element = undefined
    let element = this.element
    if (!element) {
      const {doc} = this.state
      const options: PDFKit.Mixins.StructureElementOptions = {}
      if (this.options.lang) options.lang = this.options.lang
      if (this.options.alt) options.alt = this.options.alt
      if (this.options.actual) options.actual = this.options.actual
      if (this.options.title) options.title = this.options.title
      element = doc.struct(this.type, options)
      const data = (element as unknown as {dictionary: {data: Record<string, unknown>}}).dictionary.data
      if (this.options.id) data.ID = new String(this.options.id)
      if (this.options.scope) data.A = {O: 'Table', Scope: this.options.scope}
      if (this.parent) this.parent.ensure().add(element)
      else doc.addStructure(element)
      this.element = element
      this.elementPage = this.state.pageNumber
      if (this.type === 'Link') this.state.pageBound.add(this)
      const first = this.onFirstContent
      this.onFirstContent = undefined
      first?.()
    }
    return element
  }

  /** Close the element once all of its content is placed. */
  end(): void {
    this.element?.end()
  }
}

/** A stretch of text in one face, size and structure element. */
export interface Piece {
  text: string
  face: Face
  size: number
  color: string
  tag: Tag
  /** Raise above the baseline, in points (superscripts). */
  rise: number
  underline: boolean
  rtl: boolean
  /** The link the text belongs to, with its Link element (the annotation's parent, whatever spans lie between). */
  link?: {url?: string; destination?: string; contents: string; tag: Tag}
  /** A space between words: a place to break, dropped at the end of a line. */
  space: boolean
  width: number
}

export interface Line {
  pieces: Piece[]
  width: number
}

/** Inline formatting while phrasing content is flattened into pieces. */
export interface InlineContext {
  style: Style
  family: Family
  size: number
  color: string
  tag: Tag
  rise: number
  underline: boolean
  link?: Piece['link']
  /** The language of the text, when a span sets one. */
  lang?: string
}

export interface BlockOptions {
  /** Left edge of the lines, from the text block's left edge. */
  indent: number
  width: number
  leading: number
  spaceBefore: number
  spaceAfter: number
  /** Keep with the next block: needs room for itself and a few lines after it. */
  keepWithNext?: boolean
  /** Room to keep, beyond the next lines, for headings that follow this one. */
  keepExtra?: number
  /** Right-to-left paragraphs set flush right. */
  align?: 'left' | 'right'
  /** Lines kept together at the foot and the head of a page. */
  orphans?: number
  widows?: number
}

export type Handler<T extends Content = Content> = (node: T, state: State, parent: Tag) => void

export type Handlers = {[K in Content['type']]?: Handler<Extract<Content, {type: K}>>}

export type PhrasingHandler<T extends Content = Content> = (node: T, state: State, context: InlineContext) => Piece[]

export type PhrasingHandlers = {[K in Content['type']]?: PhrasingHandler<Extract<Content, {type: K}>>}

interface PendingLabel {
  pieces: Piece[]
  /** Right edge of the label, from the text block's left edge. */
  right: number
}

/**
 * What handlers share: the pdfkit document, the page cursor, the structure
 * being built, the diagnostics, and `one`/`all` to render children.
 */
export class State {
  pageNumber = 0
  /** Top of the free space on the page, in points from the top edge. */
  y = 0
  readonly diagnostics: Diagnostic[] = []
  readonly pageBound = new Set<Tag>()
  readonly type: Typography
  /** Labels (bullets, numbers, note marks) waiting for the first line of their item. */
  pendingLabel: PendingLabel | undefined
  /** Outline items by depth, for nesting bookmarks. */
  readonly outline: Array<PDFKit.PDFOutline | undefined> = []
  private openContent: {tag: Tag; page: number} | undefined
  private readonly missing = new Set<string>()
  private readonly widths = new Map<string, number>()
  /** The source place of the block being rendered, for diagnostics. */
  place: Source | undefined
  /** The label of the next list item, with its right edge. */
  listLabel: {text: string; right: number} | undefined
  /** The caption of the figure being set, a stand-in for missing alternative text. */
  figureCaption: string | undefined
  /** Room the next heading keeps for the sub-section headings that follow it. */
  keepExtra = 0
  /** The document is in a right-to-left language. */
  rtlDocument = false
  /** Room an image keeps below it for its caption. */
  figureReserve = 0
  /** Inside a footnote: smaller text. */
  noteStyle = false
  /** Inside a sidebar or call-out: text a size below the running text. */
  asideStyle = false
  /** Left edge and width of the current container (lists and quotes indent it). */
  indent = 0
  width: number

  constructor(
    readonly doc: Doc,
    readonly geometry: Geometry,
    readonly handlers: Handlers,
    readonly phrasing: PhrasingHandlers,
    readonly decoratePage: (state: State) => void,
  ) {
    this.type = typography
    this.width = geometry.measure
  }

  /** The inline context of running text in a structure element. */
  context(tag: Tag, overrides: Partial<InlineContext> = {}): InlineContext {
    return {
      style: 'regular',
      family: 'text',
      size: this.type.size,
      color: this.type.color,
      tag,
      rise: 0,
      underline: false,
      ...overrides,
    }
  }

  /** Render children with the container indented. */
  indented(left: number, right: number, run: () => void): void {
    const {indent, width} = this
    this.indent += left
    this.width -= left + right
    try {
      run()
    } finally {
      this.indent = indent
      this.width = width
    }
  }

  /** Render one node through the handler map. */
  one(node: Content, parent: Tag): void {
    const previous = this.place
    if (node.data?.source) this.place = node.data.source
    const handler = this.handlers[node.type] as Handler | undefined
    if (handler) handler(node, this, parent)
    else this.unknown(node, parent)
    this.place = previous
  }

  /** Render the children of a node. */
  all(node: Content, parent: Tag): void {
    if ('children' in node) for (const child of node.children) this.one(child, parent)
  }

  /** Unknown nodes: render their children, or report them. */
  unknown(node: Content, parent: Tag): void {
    if ('children' in node && node.children.length > 0) {
      this.all(node, parent)
      return
    }
    this.report('warning', 'node-unknown', `Unexpected node \`${node.type}\`, expected a known block or inline type`)
  }

  report(severity: Diagnostic['severity'], ruleId: string, message: string): void {
    const diagnostic: Diagnostic = {ruleId, source: 'folio-render-pdf', severity, message}
    if (this.place) diagnostic.place = this.place
    this.diagnostics.push(diagnostic)
  }

  tag(type: string, parent: Tag | undefined, options: TagOptions = {}): Tag {
    return new Tag(this, type, parent, options)
  }

  /** Flatten phrasing content into pieces. */
  inline(nodes: readonly Content[], context: InlineContext): Piece[] {
    const pieces: Piece[] = []
    for (const node of nodes) {
      const previous = this.place
      if (node.data?.source) this.place = node.data.source
      const handler = this.phrasing[node.type] as PhrasingHandler | undefined
      if (handler) pieces.push(...handler(node, this, context))
      else if ('children' in node) pieces.push(...this.inline(node.children, context))
      else this.report('warning', 'node-unknown', `Unexpected inline node \`${node.type}\`, expected phrasing content`)
      this.place = previous
    }
    return pieces
  }

  /**
   * Pieces for a string: split into words and spaces, each word in the first
   * face that has its glyphs (the text face, then Arabic, then the wide
   * fallback); right-to-left script marked so its words stay in one run.
   */
  text(value: string, context: InlineContext): Piece[] {
    const pieces: Piece[] = []
    const parts = value.replace(/[\t\n\r\f\v]+/g, ' ').split(/( +)/)
    for (const part of parts) {
      if (part === '') continue
      if (/^ +$/.test(part)) {
        pieces.push(this.piece(' ', this.faceFor(' ', context), context, true, false))
        continue
      }
      // Split a word where its face changes (a glyph missing from the text face).
      let run = ''
      let runFace: Face | undefined
      let runRtl = false
      const flush = () => {
        if (run && runFace) pieces.push(this.piece(run, runFace, context, false, runRtl))
        run = ''
      }
      for (const char of part) {
        const neutral = isNeutral(char)
        const charFace =
          neutral && runFace?.font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)
            ? runFace
            : this.faceFor(char, context)
        const rtl: boolean = neutral ? runRtl : isRtl(char)
        if (runFace && (charFace !== runFace || rtl !== runRtl)) flush()
        runFace = charFace
        runRtl = rtl
        run += char
      }
      flush()
    }
    return pieces
  }

  private faceFor(char: string, context: InlineContext): Face {
    const code = char.codePointAt(0) ?? 0
    const primary = face(context.family, context.style)
    if (primary.font.hasGlyphForCodePoint(code) || char === ' ') return primary
    if (isArabic(char)) {
      const arabic = face('arabic', context.style)
      if (arabic.font.hasGlyphForCodePoint(code)) return arabic
    }
    const fallback = face('fallback', context.style)
    if (fallback.font.hasGlyphForCodePoint(code)) return fallback
    const emoji = face('emoji', context.style)
    if (emoji.font.hasGlyphForCodePoint(code)) return emoji
    const key = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    if (!this.missing.has(key)) {
      this.missing.add(key)
      this.report(
        'warning',
        'glyph-missing',
        `Unexpected character ${key} without a glyph in the embedded fonts, expected a character the fonts cover`,
      )
    }
    return primary
  }

  piece(text: string, pieceFace: Face, context: InlineContext, space: boolean, rtl: boolean): Piece {
    const piece: Piece = {
      text,
      face: pieceFace,
      size: context.size,
      color: context.color,
      tag: context.tag,
      rise: context.rise,
      underline: context.underline,
      rtl,
      space,
      width: this.measure(text, pieceFace, context.size, rtl),
    }
    if (context.link) piece.link = context.link
    return piece
  }

  measure(text: string, pieceFace: Face, size: number, rtl = false): number {
    // Widths scale with the size: shape each string once per face.
    const key = `${pieceFace.path}\u0000${rtl ? 'r' : 'l'}\u0000${text}`
    let unit = this.widths.get(key)
    if (unit === undefined) {
      this.useFace(pieceFace, 1000)
      unit = this.doc.widthOfString(text, {features: rtl ? rtlFeatures : ltrFeatures}) / 1000
      this.widths.set(key, unit)
    }
    return unit * size
  }

  useFace(pieceFace: Face, size: number): void {
    // pdfkit caches a font by the key it was first opened with: always the file's path.
    this.doc.font(pieceFace.path).fontSize(size)
    memoizeShaping((this.doc as unknown as {_font: unknown})._font)
  }

  /**
   * Break pieces into lines no wider than `width` (ragged right, no inserted
   * hyphens): at spaces, and inside a word longer than a line after a slash
   * or hyphen it already has, else between characters.
   */
  breakLines(pieces: readonly Piece[], width: number, firstWidth = width): Line[] {
    // Words: runs of non-space pieces; spaces between them.
    const words: Array<{pieces: Piece[]; width: number; spaceBefore: Piece[]}> = []
    let spaces: Piece[] = []
    let current: {pieces: Piece[]; width: number; spaceBefore: Piece[]} | undefined
    for (const piece of pieces) {
      if (piece.space) {
        current = undefined
        spaces.push(piece)
        continue
      }
      if (!current) {
        current = {pieces: [], width: 0, spaceBefore: spaces}
        spaces = []
        words.push(current)
      }
      current.pieces.push(piece)
      current.width += piece.width
    }
    const lines: Line[] = []
    let line: Line = {pieces: [], width: 0}
    const limit = () => (lines.length === 0 ? firstWidth : width)
    const push = () => {
      lines.push(line)
      line = {pieces: [], width: 0}
    }
    for (const word of words) {
      const spaceWidth = line.pieces.length > 0 ? word.spaceBefore.reduce((sum, piece) => sum + piece.width, 0) : 0
      if (line.width + spaceWidth + word.width <= limit() + 0.01) {
        if (line.pieces.length > 0) line.pieces.push(...word.spaceBefore)
        line.pieces.push(...word.pieces)
        line.width += spaceWidth + word.width
        continue
      }
      if (line.pieces.length > 0) push()
      if (word.width <= limit() + 0.01) {
        line.pieces.push(...word.pieces)
        line.width = word.width
        continue
      }
      // A word longer than the line (a URL): cut it.
      for (const piece of this.splitLong(word.pieces, limit)) {
        if (line.width + piece.width > limit() + 0.01 && line.pieces.length > 0) push()
        line.pieces.push(piece)
        line.width += piece.width
      }
    }
    if (line.pieces.length > 0 || lines.length === 0) push()
    return lines
  }

  private splitLong(pieces: readonly Piece[], limit: () => number): Piece[] {
    const out: Piece[] = []
    for (const piece of pieces) {
      const chars = [...piece.text]
      let start = 0
      while (start < chars.length) {
        // The longest prefix that fits (at least one character), found by halves: a prefix
        // is never narrower than a shorter one, so this is the first prefix that overflows,
        // less one, without shaping every prefix in turn.
        const fits = (count: number) =>
          this.measure(chars.slice(start, start + count).join(''), piece.face, piece.size) <= limit()
        let low = 1
        let high = chars.length - start
        if (!fits(high)) {
          while (high - low > 1) {
            const middle = (low + high) >>> 1
            if (fits(middle)) low = middle
            else high = middle
          }
          high = low
        }
        let end = start + high
        let lastBreak = -1
        for (let at = start; at < end; at++) if (/[/\-–—_.?&=]/.test(chars[at] ?? '')) lastBreak = at + 1
        if (end < chars.length && lastBreak > start) end = lastBreak
        const text = chars.slice(start, end).join('')
        const width = this.measure(text, piece.face, piece.size)
        out.push({...piece, text, width})
        start = end
      }
    }
    return out
  }

  /** Free space left on the page, in points. */
  get room(): number {
    return this.geometry.height - this.geometry.bottom - this.y
  }

  /** Start a new page: close open content, end page-bound elements, draw the page's artifacts. */
  newPage(): void {
    this.closeContent()
    this.endLinks()
    this.doc.addPage({size: [this.geometry.width, this.geometry.height], margin: 0})
    this.pageNumber++
    this.y = this.geometry.top
    this.decoratePage(this)
  }

  /**
   * Place a block's lines on the page: a page break first when a heading
   * would be left without its next lines, fewer than `orphans` lines would
   * stay at the foot, or fewer than `widows` would go to the next page.
   */
  placeLines(lines: readonly Line[], options: BlockOptions): void {
    const orphans = options.orphans ?? 2
    const widows = options.widows ?? 2
    const leading = options.leading
    const spaceBefore = this.y === this.geometry.top ? 0 : options.spaceBefore
    const needed = (count: number) => spaceBefore + count * leading
    if (options.keepWithNext) {
      const keep =
        needed(lines.length) + options.spaceAfter + (options.keepExtra ?? 0) + this.type.keepLines * this.type.leading
      if (keep > this.room && this.y > this.geometry.top) this.newPage()
    }
    let index = 0
    let first = true
    while (index < lines.length) {
      const before = first && this.y !== this.geometry.top ? options.spaceBefore : 0
      const fits = Math.floor((this.room - before + 0.01) / leading)
      const left = lines.length - index
      let take: number
      if (left <= fits) take = left
      else {
        take = fits
        if (left - take < widows) take = left - widows
        if (take < orphans || take < 1) take = 0
        if (options.keepWithNext) take = 0
      }
      if (take === 0) {
        if (this.y === this.geometry.top)
          take = Math.max(1, Math.min(left, fits)) // a block taller than a page
        else {
          this.newPage()
          continue
        }
      }
      this.y += before
      for (let n = 0; n < take; n++) {
        const line = lines[index + n]
        const shift = options.align === 'right' && line ? Math.max(0, options.width - line.width) : 0
        if (line)
          this.drawLine(line, options.indent + shift, this.y + this.type.ascent(leading), options.align === 'right')
        this.y += leading
      }
      index += take
      first = false
      if (index < lines.length) this.newPage()
    }
    this.y += options.spaceAfter
    this.endLinks()
  }

  /** Show a label still waiting for a line (an item or note with no text) on an empty line of its own. */
  placePendingLabel(leading: number): void {
    if (!this.pendingLabel) return
    this.placeLines([{pieces: [], width: 0}], {
      indent: this.indent,
      width: this.width,
      leading,
      spaceBefore: 0,
      spaceAfter: 0,
    })
  }

  /** Links end with their block: each Link element is written while its page is current. */
  endLinks(): void {
    for (const tag of this.pageBound) tag.end()
    this.pageBound.clear()
  }

  /** Draw one line with its baseline at `baseline` (points from the top). */
  drawLine(line: Line, indent: number, baseline: number, rtl = false): void {
    const left = this.geometry.left
    if (this.pendingLabel) {
      const label = this.pendingLabel
      this.pendingLabel = undefined
      const width = label.pieces.reduce((sum, piece) => sum + piece.width, 0)
      let x = left + label.right - width
      for (const piece of label.pieces) x += this.drawPiece(piece, x, baseline)
    }
    let x = left + indent
    for (const segment of this.segments(line, rtl)) x += this.drawPiece(segment, x, baseline)
  }

  /**
   * The pieces of a line joined into runs drawn as one string each (trailing
   * spaces dropped), in visual order: runs of right-to-left script read from
   * the right, and in a right-to-left paragraph every run does.
   */
  segments(line: Line, rtl = false): Piece[] {
    const pieces = [...line.pieces]
    while (pieces.at(-1)?.space) pieces.pop()
    const segments: Piece[] = []
    for (const [index, piece] of pieces.entries()) {
      const last = segments.at(-1)
      const next = pieces[index + 1]
      // A space between right-to-left words joins them, so the shaper orders the whole run.
      const joinsRtl = piece.space && last?.rtl && next?.rtl && next.face === last.face && next.tag === last.tag
      if (last && (joinsRtl || this.sameRun(last, piece))) {
        segments[segments.length - 1] = {...last, text: last.text + piece.text, width: last.width + piece.width}
      } else segments.push({...piece})
    }
    if (rtl) return segments.reverse()
    // Within left-to-right text, each stretch of right-to-left runs (and the spaces between them) turns around.
    const ordered: Piece[] = []
    let stretch: Piece[] = []
    const flush = () => {
      while (stretch.length > 0 && stretch.at(-1)?.space) stretch.pop()
      ordered.push(...stretch.reverse())
      stretch = []
    }
    for (const [index, segment] of segments.entries()) {
      const neutral = segment.space && stretch.length > 0 && segments.slice(index + 1).find((next) => !next.space)?.rtl
      if (segment.rtl || neutral) stretch.push(segment)
      else {
        const trailing: Piece[] = []
        while (stretch.at(-1)?.space) trailing.unshift(stretch.pop() as Piece)
        flush()
        ordered.push(...trailing, segment)
      }
    }
    flush()
    return ordered
  }

  private sameRun(a: Piece, b: Piece): boolean {
    if (a.face !== b.face || a.size !== b.size || a.tag !== b.tag || a.color !== b.color || a.rise !== b.rise)
      return false
    if (a.underline !== b.underline || a.link !== b.link) return false
    return a.rtl === b.rtl || (a.rtl && b.space)
  }

  /** Draw a piece; returns its width. */
  drawPiece(piece: Piece, x: number, baseline: number): number {
    this.openFor(piece.tag)
    return this.paint(piece, x, baseline)
  }

  /** Paint a piece in whatever marked content is open (structure or artifact); returns its width. */
  paint(piece: Piece, x: number, baseline: number): number {
    const {doc} = this
    const width = this.measure(piece.text, piece.face, piece.size, piece.rtl)
    this.useFace(piece.face, piece.size)
    doc.fillColor(piece.color)
    // The width is known: pdfkit's own fragment drawing, without measuring the string again.
    // With features set, pdfkit shapes the run whole instead of word by word, so right-to-left words come out in order.
    const fragment = (doc as unknown as {_fragment: (text: string, x: number, y: number, options: object) => void})
      ._fragment
    fragment.call(doc, piece.text, x, baseline - piece.rise, {
      baseline: 'alphabetic',
      features: piece.rtl ? rtlFeatures : ltrFeatures,
      textWidth: width,
      wordCount: 1,
    })
    if (piece.underline) {
      const thickness = Math.max(0.4, piece.size / 20)
      doc
        .save()
        .lineWidth(thickness)
        .strokeColor(piece.color)
        .moveTo(x, baseline + piece.size * 0.12)
        .lineTo(x + width, baseline + piece.size * 0.12)
        .stroke()
        .restore()
    }
    if (piece.link) {
      const top = baseline - piece.rise - piece.size * 0.9
      const height = piece.size * 1.2
      const options = {structParent: piece.link.tag.ensure(), Contents: new String(piece.link.contents)}
      if (piece.link.url) doc.link(x, top, width, height, piece.link.url, options as never)
      else if (piece.link.destination) doc.goTo(x, top, width, height, piece.link.destination, options as never)
    }
    return width
  }

  /** Open marked content for a structure element, unless it is already open on this page. */
  openFor(tag: Tag): void {
    const open = this.openContent
    if (open && open.tag === tag && open.page === this.pageNumber) return
    this.closeContent()
    const element = tag.ensure()
    const options: PDFKit.Mixins.MarkingOptions = {}
    if (tag.type === 'Span' && tag.options.lang) options.lang = tag.options.lang
    const content: StructContent = this.doc.markStructureContent(tag.type, options)
    element.add(content)
    this.openContent = {tag, page: this.pageNumber}
  }

  closeContent(): void {
    if (this.openContent) {
      this.doc.endMarkedContent()
      this.openContent = undefined
    }
  }

  /** Draw decoration (rules, running heads, page numbers) as an artifact. */
  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.closeContent()
    this.doc.markContent('Artifact', {type} as PDFKit.Mixins.MarkingOptions)
    draw()
    this.doc.endMarkedContent()
  }
}

const rtlFeatures: PDFKit.Mixins.OpenTypeFeatures[] = ['kern']
/**
 * No kerning in left-to-right text: a positive kern (the Source Serif pair
 * "(j" opens 0.1 em) reads as a space to text extraction, breaking the word.
 */
const ltrFeatures = {kern: false} as unknown as PDFKit.Mixins.OpenTypeFeatures[]
