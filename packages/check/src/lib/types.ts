/** One requirement a file does not meet. */
export interface Failure {
  /** Rule id (kebab-case), one of `rules`. */
  rule: string
  /** 1-based page the failure is on, when it belongs to a page. */
  page?: number
  message: string
}

/** A marked-content sequence a structure element owns. */
export interface MarkedContentRef {
  mcid: number
  page?: number
}

/** An annotation a structure element owns (an OBJR). */
export interface AnnotationRef {
  annotation: {
    subtype?: string
    /** The annotation's `/Contents`. */
    contents?: string
    /** The target of a `/URI` action. */
    uri?: string
  }
  page?: number
}

/** An element of the structure tree, as the file states it. */
export interface StructElement {
  /** The structure type as written (`/S`). */
  role: string
  /** The structure type after the role map. */
  standard: string
  page?: number
  lang?: string
  alt?: string
  actualText?: string
  children: StructChild[]
}

export type StructChild = StructElement | MarkedContentRef | AnnotationRef

export interface CheckOptions {
  /** Name of the file, echoed in the result. */
  file?: string
}

export interface CheckResult {
  file?: string
  /** True when no rule fails. */
  passed: boolean
  /** Number of pages (0 when the file cannot be read). */
  pages: number
  failures: Failure[]
  /** The structure tree's top-level elements (empty without one). */
  structure: StructElement[]
}
