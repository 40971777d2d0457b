/** Why a PDF could not be read at all. */
export type ExtractErrorCode = 'not-pdf' | 'encrypted' | 'damaged' | 'empty'

/**
 * A fatal problem with the input: the file is not a PDF, is encrypted without the right
 * password, is too damaged to open, or has no pages. Problems that still leave a usable
 * layout are diagnostics on the `Layout` instead.
 */
export class ExtractError extends Error {
  readonly code: ExtractErrorCode
  readonly file: string

  constructor(code: ExtractErrorCode, file: string, message: string, options?: {cause?: unknown}) {
    super(message, options?.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'ExtractError'
    this.code = code
    this.file = file
  }
}
