import {basename} from 'node:path'
import {createCanvas} from '@napi-rs/canvas'
import {openPdf, type PdfDocument} from './open.js'

type RenderParameters = Parameters<Awaited<ReturnType<PdfDocument['getPage']>>['render']>[0]

export interface RenderPagesOptions {
  /** Pixels per PDF point (default 1.5). Capped so that no page exceeds `maxPixels`. */
  scale?: number
  /** Password of an encrypted PDF (the user or the owner password). */
  password?: string
  /** 1-based page numbers to draw, in the order given (default: every page). */
  pages?: number[]
  /** File name for messages (only its base name is kept). */
  file?: string
  /** Largest number of pixels of one page image (default 16 million). */
  maxPixels?: number
}

/** One drawn page. */
export interface RenderedPage {
  /** 1-based physical page number. */
  page: number
  /** Size of the image in pixels (0 when the page could not be drawn). */
  width: number
  height: number
  /** Pixels per PDF point actually used; page coordinates of the `Layout` times `scale` are pixels. */
  scale: number
  /** The page as a PNG (empty when the page could not be drawn). */
  png: Uint8Array
  /** Why the page could not be drawn. */
  error?: string
}

const DEFAULT_SCALE = 1.5
const DEFAULT_MAX_PIXELS = 16_000_000

/**
 * Draw the pages of a PDF as PNG images with pdf.js, one page at a time (each page is
 * released before the next is drawn). The image has the orientation and crop of the
 * `Layout` page, so a `bbox` of the Layout times `scale` lands on the image. A page that
 * cannot be drawn yields an entry with `error`; a PDF that cannot be opened throws
 * `ExtractError`, as `extract` does.
 */
export async function* renderPages(
  data: Uint8Array,
  options: RenderPagesOptions = {},
): AsyncGenerator<RenderedPage, void, undefined> {
  if (!(data instanceof Uint8Array)) throw new TypeError('Expected `data` to be a Uint8Array')
  const scale = options.scale ?? DEFAULT_SCALE
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 10)) {
    throw new TypeError('Unexpected `scale` option, expected a number above 0 and at most 10')
  }
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS
  const file = options.file === undefined ? 'input' : basename(options.file)
  const {pdfjs, doc, close} = await openPdf(data, file, options.password)
  try {
    const wanted = options.pages ?? Array.from({length: doc.numPages}, (_, index) => index + 1)
    for (const number of wanted) {
      if (!Number.isInteger(number) || number < 1 || number > doc.numPages) {
        throw new RangeError(`Unexpected page ${number}, expected a page from 1 to ${doc.numPages}`)
      }
      let page: Awaited<ReturnType<typeof doc.getPage>> | undefined
      let drawn: RenderedPage
      try {
        page = await doc.getPage(number)
        const size = page.getViewport({scale: 1})
        // A huge page is drawn smaller rather than exhausting memory.
        const fit = Math.sqrt(maxPixels / Math.max(1, size.width * size.height))
        const used = Math.min(scale, fit)
        const viewport = page.getViewport({scale: used})
        const width = Math.max(1, Math.floor(viewport.width))
        const height = Math.max(1, Math.floor(viewport.height))
        const canvas = createCanvas(width, height)
        const context = canvas.getContext('2d')
        await page.render({
          canvas: null,
          canvasContext: context as unknown as RenderParameters['canvasContext'],
          viewport,
          annotationMode: pdfjs.AnnotationMode.ENABLE,
        }).promise
        drawn = {page: number, width, height, scale: used, png: new Uint8Array(await canvas.encode('png'))}
      } catch (error) {
        if (error instanceof RangeError) throw error
        drawn = {
          page: number,
          width: 0,
          height: 0,
          scale,
          png: new Uint8Array(),
          error: `Unexpected damaged page ${number} in \`${file}\`, expected drawable content (${(error as Error)?.message ?? String(error)})`,
        }
      } finally {
        page?.cleanup()
      }
      yield drawn
    }
  } finally {
    await close()
  }
}
