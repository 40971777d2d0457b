import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {ExtractError} from './errors.js'

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

let pdfjsPromise: Promise<PdfJs> | undefined

export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjsPromise
}

/** Directory of the installed pdfjs-dist, for its offline font data and cMaps. */
function pdfjsDir(): string {
  const require = createRequire(import.meta.url)
  return dirname(require.resolve('pdfjs-dist/package.json'))
}

function dirUrl(path: string): string {
  // pdf.js in Node reads these with fs when given plain paths ending in a slash.
  return join(path, '/')
}

function looksLikePdf(data: Uint8Array): boolean {
  // The header may be preceded by junk (ISO 32000: within the first 1024 bytes).
  const head = Buffer.from(data.subarray(0, 1024)).toString('latin1')
  return head.includes('%PDF-')
}

export interface OpenedPdf {
  pdfjs: PdfJs
  doc: PdfDocument
  /** Release the document and its worker resources. */
  close: () => Promise<void>
}

/**
 * Open untrusted PDF bytes with pdf.js in its safe configuration (nothing evaluated, no
 * scripting, no network, offline font data). `file` is the base name used in messages.
 * Throws `ExtractError` when the bytes are no PDF, are encrypted without the right
 * password, or are too damaged to open.
 */
export async function openPdf(data: Uint8Array, file: string, password?: string): Promise<OpenedPdf> {
  const name = `\`${file}\``
  if (data.byteLength === 0) throw new ExtractError('empty', file, `Unexpected empty file ${name}, expected a PDF`)
  if (!looksLikePdf(data)) {
    throw new ExtractError('not-pdf', file, `Unexpected file ${name}, expected a PDF (no %PDF- header)`)
  }
  const pdfjs = await loadPdfJs()
  const dir = pdfjsDir()
  const params = {
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(data),
    standardFontDataUrl: dirUrl(join(dir, 'standard_fonts')),
    cMapUrl: dirUrl(join(dir, 'cmaps')),
    cMapPacked: true,
    iccUrl: dirUrl(join(dir, 'iccs')),
    wasmUrl: dirUrl(join(dir, 'wasm')),
    // Untrusted input: nothing evaluated, no scripting, no fonts handed to a renderer, no
    // system fonts, no network, no XFA. (`isEvalSupported` is gone from current pdf.js, which
    // no longer compiles font programs to functions; it is kept for older releases.)
    isEvalSupported: false,
    enableScripting: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    fontExtraProperties: true,
    stopAtErrors: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...(password === undefined ? {} : {password}),
  }
  const task = pdfjs.getDocument(params as Parameters<PdfJs['getDocument']>[0])
  const close = () => task.destroy().catch(() => {})
  try {
    const doc = await task.promise
    return {pdfjs, doc, close}
  } catch (error) {
    await close()
    const err = error as {name?: string; code?: number; message?: string}
    if (err?.name === 'PasswordException') {
      if (err.code === pdfjs.PasswordResponses.INCORRECT_PASSWORD) {
        throw new ExtractError(
          'encrypted',
          file,
          `Unexpected wrong password for encrypted PDF ${name}, expected the document's user or owner password (--password)`,
          {cause: error},
        )
      }
      throw new ExtractError('encrypted', file, `Unexpected encrypted PDF ${name}, expected a password (--password)`, {
        cause: error,
      })
    }
    throw new ExtractError(
      'damaged',
      file,
      `Unexpected damaged PDF ${name}, expected a readable document (${err?.message ?? (err?.name === 'InvalidPDFException' ? 'invalid structure' : String(error))})`,
      {cause: error},
    )
  }
}
