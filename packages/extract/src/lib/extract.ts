import {basename} from 'node:path'
import type {Diagnostic} from '@folio/ast'
import {destinationPage, readDocumentFacts} from './document.js'
import {ExtractError} from './errors.js'
import {fontStyle} from './fonts.js'
import {MAX_GRAPHICS} from './graphics.js'
import {type FontInfo, interpret, type Matrix, type OpCodes} from './interpret.js'
import {openPdf, type PdfJs} from './open.js'
import {readStructTree} from './struct.js'
import type {FontStyle, Graphic, ImageBox, Layout, LayoutPage, LinkAnnotation} from './types.js'
import {isUnmapped} from './unicode.js'
import {draftsToWords, dropOverprints, glyphBox, glyphsToDrafts, wordsToLines} from './words.js'

export interface ExtractOptions {
  /** Password of an encrypted PDF (the user or the owner password). */
  password?: string
  /** File name for messages and `Layout.file` (only its base name is kept). */
  file?: string
}

const SOURCE = 'folio-extract'
const CLEANUP_EVERY = 20

function diag(ruleId: string, severity: Diagnostic['severity'], message: string, page?: number): Diagnostic {
  const d: Diagnostic = {ruleId, source: SOURCE, severity, message}
  if (page !== undefined) d.place = {page}
  return d
}

/**
 * Read a PDF into a `Layout`: words and lines with fonts and boxes, links, images, labels,
 * outline, document facts and, for tagged PDFs, the structure tree. Pages are read one at a
 * time and released. Throws `ExtractError` when the PDF cannot be read at all.
 */
export async function extract(data: Uint8Array, options: ExtractOptions = {}): Promise<Layout> {
  if (!(data instanceof Uint8Array)) throw new TypeError('Expected `data` to be a Uint8Array')
  const file = options.file === undefined ? 'input' : basename(options.file)
  const name = `\`${file}\``
  const {pdfjs, doc, close} = await openPdf(data, file, options.password)

  try {
    const diagnostics: Diagnostic[] = []
    const pageCount = doc.numPages
    if (pageCount === 0)
      throw new ExtractError('empty', file, `Unexpected PDF without pages ${name}, expected at least one page`)
    const facts = await readDocumentFacts(doc, diagnostics)
    const OPS = pdfjs.OPS as unknown as OpCodes
    const pages: LayoutPage[] = []
    const styles = new Map<string, FontStyle>()
    const infos = new Map<string, FontInfo | undefined>()
    let pagesWithText = 0
    let hasStructTree = false
    for (let number = 1; number <= pageCount; number++) {
      let page: Awaited<ReturnType<typeof doc.getPage>> | undefined
      try {
        page = await doc.getPage(number)
        const viewport = page.getViewport({scale: 1})
        const ops = await page.getOperatorList({annotationMode: pdfjs.AnnotationMode.DISABLE})
        const currentPage = page
        const fontInfo = (id: string): FontInfo | undefined => {
          if (infos.has(id)) return infos.get(id)
          let info: FontInfo | undefined
          let style: FontStyle
          try {
            const f = currentPage.commonObjs.has(id)
              ? (currentPage.commonObjs.get(id) as Record<string, unknown>)
              : undefined
            if (f) {
              const fm = f['fontMatrix']
              info = {
                id,
                fontMatrix: (Array.isArray(fm) && fm.length === 6 ? fm : [0.001, 0, 0, 0.001, 0, 0]) as Matrix,
                vertical: f['vertical'] === true,
                ascent: typeof f['ascent'] === 'number' && f['ascent'] > 0 && f['ascent'] < 2 ? f['ascent'] : 0.8,
                descent:
                  typeof f['descent'] === 'number' && f['descent'] < 0 && f['descent'] > -1 ? f['descent'] : -0.2,
                isType3: f['isType3Font'] === true,
              }
              style = fontStyle(typeof f['name'] === 'string' ? f['name'] : undefined, {
                bold: f['bold'] === true,
                black: f['black'] === true,
                italic: f['italic'] === true,
              })
              // The font program itself is not needed once its facts are read.
              if (typeof f['clearData'] === 'function') (f['clearData'] as () => void).call(f)
            } else style = fontStyle(undefined)
          } catch {
            style = fontStyle(undefined)
          }
          infos.set(id, info)
          styles.set(id, style)
          return info
        }
        const painted = interpret(ops, OPS, viewport.transform as Matrix, fontInfo)
        // Only what is inside the page's visible box (the crop box): printers' slugs and
        // bleed-area marks lie outside it.
        const inside = (b: [number, number, number, number]): boolean =>
          b[2] > 0 && b[0] < viewport.width && b[3] > 0 && b[1] < viewport.height
        const glyphs = dropOverprints(painted.glyphs.filter((g) => inside(glyphBox(g))))
        const images = painted.images.filter((i) => inside(i.bbox))
        const graphics = painted.graphics.filter((g) => inside(g.bbox))
        if (painted.graphicsCapped) {
          diagnostics.push(
            diag(
              'graphics-capped',
              'info',
              `Unexpected more than ${MAX_GRAPHICS} drawn shapes on page ${number} in ${name}, expected fewer: the first ${MAX_GRAPHICS} were kept`,
              number,
            ),
          )
        }
        const fontOf = (id: string): FontStyle => styles.get(id) ?? fontStyle(undefined)
        const words = draftsToWords(glyphsToDrafts(glyphs), {fontOf})
        const lines = wordsToLines(words)
        const links = await readLinks(page, viewport, doc, diagnostics, number)
        const layoutPage: LayoutPage = {
          number,
          width: Math.round(viewport.width * 100) / 100,
          height: Math.round(viewport.height * 100) / 100,
          rotation: page.rotate,
          lines,
          links,
          images: images.map((i): ImageBox => {
            const box: ImageBox = {bbox: i.bbox.map((n) => Math.round(n * 100) / 100) as ImageBox['bbox']}
            if (i.mcid !== undefined) box.mcid = i.mcid
            return box
          }),
          graphics: graphics.map((g): Graphic => {
            const graphic: Graphic = {kind: g.kind, bbox: g.bbox}
            if (g.fill !== undefined) graphic.fill = g.fill
            if (g.stroke !== undefined) graphic.stroke = g.stroke
            if (g.lineWidth !== undefined) graphic.lineWidth = g.lineWidth
            if (g.mcid !== undefined) graphic.mcid = g.mcid
            if (g.artifact) graphic.artifact = true
            return graphic
          }),
        }
        const label = facts.labels?.[number - 1]
        if (label) layoutPage.label = label
        // Read the tree even when /MarkInfo does not say Marked: some producers omit it.
        const tree = await readStructTree(page, diagnostics, number)
        if (tree && tree.children.length > 0) {
          layoutPage.structTree = tree
          hasStructTree = true
        }
        const visible = glyphs.filter((g) => !g.space)
        const unmapped = visible.filter((g) => isUnmapped(g.text))
        if (unmapped.length >= 10 && unmapped.length > 0.02 * visible.length) {
          const fonts = [...new Set(unmapped.map((g) => fontOf(g.fontId).name))].sort().join(', ')
          diagnostics.push(
            diag(
              'unmapped-glyphs',
              'warning',
              `Unexpected ${unmapped.length} of ${visible.length} glyphs on page ${number} without Unicode text (font ${fonts}), expected a ToUnicode map; they were left out`,
              number,
            ),
          )
        }
        if (lines.length > 0) pagesWithText++
        else {
          diagnostics.push(
            diag(
              'page-without-text',
              'warning',
              `Unexpected page ${number} without a text layer in ${name}, expected text (OCR is not performed)`,
              number,
            ),
          )
        }
        pages.push(layoutPage)
      } catch (error) {
        if (error instanceof ExtractError) throw error
        diagnostics.push(
          diag(
            'damaged-page',
            'warning',
            `Unexpected damaged page ${number} in ${name}, expected readable content (${(error as Error)?.message ?? String(error)}); the page was skipped`,
            number,
          ),
        )
        let view: ReturnType<NonNullable<typeof page>['getViewport']> | undefined
        try {
          view = page?.getViewport({scale: 1})
        } catch {
          view = undefined
        }
        pages.push({
          number,
          width: view ? Math.round(view.width * 100) / 100 : 0,
          height: view ? Math.round(view.height * 100) / 100 : 0,
          rotation: page?.rotate ?? 0,
          lines: [],
          links: [],
          images: [],
          graphics: [],
        })
      } finally {
        page?.cleanup()
      }
      // Fonts and parsed resources are cached for the whole document; release them now and
      // then so that memory does not grow with the page count (they are re-read on demand).
      if (number % CLEANUP_EVERY === 0 && number < pageCount) {
        await doc.cleanup().catch(() => {})
        infos.clear()
        styles.clear()
      }
    }
    if (pagesWithText === 0) {
      diagnostics.push(
        diag(
          'document-without-text',
          'warning',
          `Unexpected PDF ${name} without any text layer, expected text (OCR is not performed)`,
        ),
      )
    }
    const layout: Layout = {
      pageCount,
      info: facts.info,
      tagged: facts.tagged || hasStructTree,
      encrypted: facts.encrypted,
      outline: facts.outline,
      pages,
      diagnostics,
    }
    if (options.file !== undefined) layout.file = file
    return layout
  } finally {
    await close()
  }
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>
type Viewport = ReturnType<PdfPage['getViewport']>

function toBox(viewport: Viewport, rect: unknown): LinkAnnotation['bbox'] | undefined {
  if (!Array.isArray(rect) || rect.length !== 4 || !rect.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return undefined
  const [x0, y0, x1, y1] = rect as [number, number, number, number]
  const [a, b] = viewport.convertToViewportPoint(x0, y0) as [number, number]
  const [c, d] = viewport.convertToViewportPoint(x1, y1) as [number, number]
  const round = (n: number) => Math.round(n * 100) / 100
  return [round(Math.min(a, c)), round(Math.min(b, d)), round(Math.max(a, c)), round(Math.max(b, d))]
}

async function readLinks(
  page: PdfPage,
  viewport: Viewport,
  doc: PdfDoc,
  diagnostics: Diagnostic[],
  number: number,
): Promise<LinkAnnotation[]> {
  const links: LinkAnnotation[] = []
  let annotations: Array<Record<string, unknown>>
  try {
    annotations = (await page.getAnnotations({intent: 'any'})) as Array<Record<string, unknown>>
  } catch (error) {
    diagnostics.push(
      diag(
        'damaged-annotations',
        'info',
        `Unexpected unreadable annotations on page ${number}, expected link annotations (${(error as Error)?.message}); links were skipped`,
        number,
      ),
    )
    return links
  }
  for (const a of annotations) {
    if (a['subtype'] !== 'Link') continue
    const bbox = toBox(viewport, a['rect'])
    if (!bbox) continue
    const link: LinkAnnotation = {bbox}
    // The target as written in the PDF (pdf.js' `url` is a normalized copy, and is absent
    // for schemes it does not open); consumers decide which schemes survive.
    const raw =
      typeof a['unsafeUrl'] === 'string' ? a['unsafeUrl'] : typeof a['url'] === 'string' ? a['url'] : undefined
    const url = raw?.trim()
    if (url) link.url = url
    else if (a['dest'] !== undefined && a['dest'] !== null) {
      const p = await destinationPage(doc, a['dest'])
      if (p !== undefined) link.destPage = p
    }
    if (link.url === undefined && link.destPage === undefined) continue
    links.push(link)
  }
  return links
}
