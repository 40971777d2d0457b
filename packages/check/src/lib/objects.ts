/** Reading PDF objects with pdf-lib, within bounds. */
import {constants, inflateSync} from 'node:zlib'
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib'

/** Decoded bytes allowed per stream: a small file may inflate to gigabytes. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024

/** Work the checker refuses to do; reported as the `limit` rule. */
export class LimitError extends Error {
  override name = 'LimitError'
}

export function lookup(pdf: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
  return value instanceof PDFRef ? pdf.context.lookup(value) : value
}

export function dictOf(pdf: PDFDocument, value: PDFObject | undefined): PDFDict | undefined {
  const found = lookup(pdf, value)
  if (found instanceof PDFDict) return found
  if (found instanceof PDFStream) return found.dict
  return undefined
}

export function get(pdf: PDFDocument, dict: PDFDict | undefined, key: string): PDFObject | undefined {
  return dict ? lookup(pdf, dict.get(PDFName.of(key))) : undefined
}

export function textOf(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText()
  return undefined
}

export function nameOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFName ? value.decodeText() : undefined
}

export function listOf(pdf: PDFDocument, value: PDFObject | undefined): PDFObject[] {
  const found = lookup(pdf, value)
  if (found instanceof PDFArray) return found.asArray()
  return found ? [found] : []
}

/** The decoded bytes of a stream; Flate (the common case) is inflated with a cap on its output. */
export function streamBytes(pdf: PDFDocument, value: PDFObject | undefined): Uint8Array | undefined {
  const stream = lookup(pdf, value)
  if (!(stream instanceof PDFRawStream)) return undefined
  const filters = listOf(pdf, stream.dict.get(PDFName.of('Filter'))).map((filter) => nameOf(lookup(pdf, filter)))
  const parms = stream.dict.get(PDFName.of('DecodeParms'))
  if (filters.length === 0) return stream.contents
  let bytes: Uint8Array
  if (filters.length === 1 && (filters[0] === 'FlateDecode' || filters[0] === 'Fl') && !parms) {
    try {
      bytes = inflateSync(stream.contents, {maxOutputLength: MAX_STREAM_BYTES, finishFlush: constants.Z_SYNC_FLUSH})
    } catch (error) {
      if ((error as {code?: string}).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new LimitError(`Unexpected stream over ${MAX_STREAM_BYTES} bytes decoded, expected less`)
      }
      throw new Error(`Unexpected damaged Flate stream: ${(error as Error).message}`)
    }
  } else {
    if (stream.contents.length > MAX_STREAM_BYTES / 8) {
      throw new LimitError(`Unexpected ${filters.join('+')} stream of ${stream.contents.length} bytes, expected less`)
    }
    bytes = decodePDFRawStream(stream).decode()
  }
  if (bytes.length > MAX_STREAM_BYTES) {
    throw new LimitError(`Unexpected stream over ${MAX_STREAM_BYTES} bytes decoded, expected less`)
  }
  return bytes
}
