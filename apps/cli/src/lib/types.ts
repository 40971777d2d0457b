import type {Diagnostic} from '@folio/ast'

export const EDITIONS = ['html', 'epub', 'pdf', 'md', 'json'] as const
export type Edition = (typeof EDITIONS)[number]
export const DEFAULT_EDITIONS: Edition[] = ['html', 'epub', 'pdf']

/** Options that change what a conversion produces (they key the incremental cache). */
export interface ConvertOptions {
  to: Edition[]
  password?: string
  pageSize?: 'A4' | 'Letter'
  lang?: string
}

export interface Task {
  /** Absolute path of the input PDF. */
  input: string
  /** Path shown to the user (relative to the working directory). */
  display: string
  /** Absolute output path without extension: `<out>/<relative dir>/<basename>`. */
  outBase: string
  options: ConvertOptions
}

export interface OutputFile {
  edition: Edition
  path: string
  bytes: number
  sha256: string
}

export interface FileResult {
  input: string
  status: 'converted' | 'failed' | 'skipped'
  pages?: number
  /** Milliseconds per stage: extract, normalize, html, epub, pdf, md, json, write. */
  timings: Record<string, number>
  outputs: OutputFile[]
  diagnostics: Diagnostic[]
  /** What normalize found. */
  found?: {sections: number; headings: number; paragraphs: number; listItems: number; links: number; footnotes: number}
  error?: {code: string; message: string}
  /** Hash of the source bytes and the options, for incremental runs. */
  key?: string
}
