import type {Diagnostic} from '@folio/ast'
import type {Element, ElementContent, Root as HastRoot} from 'hast'

/** Turns a Folio node into hast; `toHast` of `@folio/render-html` by default. */
export type RenderToHast = (node: import('@folio/ast').Root, options: {diagnostics: Diagnostic[]}) => HastRoot

export interface EpubOptions {
  /**
   * The edition's unique identifier (`dc:identifier`). Default: a `urn:uuid:` derived from a hash of the tree,
   * so one source always gives one identifier. A caller that hashes the source PDF may pass its own.
   */
  identifier?: string
  /**
   * `dcterms:modified`, an ISO 8601 date or date-time. Default: the document's own dates
   * (`meta.source.modified`, then `meta.source.created`, then `meta.date`), never the clock.
   */
  modified?: string
  /**
   * Claim conformance to EPUB Accessibility 1.1 / WCAG 2.1 AA when the edition's own checks pass (default: `true`).
   * `false` never claims it.
   */
  conformance?: boolean
}

export interface EpubResult {
  /** The EPUB file. */
  value: Uint8Array
  /** Problems in the content, as data. */
  diagnostics: Diagnostic[]
}

/** One XHTML file of the edition. */
export interface ContentDocument {
  /** Manifest id. */
  id: string
  /** File name, relative to the package document. */
  href: string
  /** Plain-text title for `<title>` and the navigation. */
  title: string
  /** `epub:type` of the body. */
  bodyType: string
  body: ElementContent[]
}

/** A binary resource (an image) carried in the edition. */
export interface Resource {
  id: string
  href: string
  mediaType: string
  data: Uint8Array
}

/** An entry of the nested table of contents. */
export interface TocItem {
  title: string
  href: string
  children: TocItem[]
}

/** A print page, for the page-list. */
export interface PageTarget {
  label: string
  href: string
}

export interface Landmark {
  type: string
  title: string
  href: string
}

export type {Element}
