import type {Caption, Content, Diagnostic, FootnoteDefinition, NodeByType, NodeType, Section} from '@folio/ast'
import type {ElementContent, Element as HastElement} from 'hast'
import type {Labels} from './labels.js'

/** What a handler returns: nothing, one hast node, or several. */
export type HandlerResult = ElementContent | ElementContent[] | undefined

/** Turns one Folio node into hast. `parent` is the node's parent in the Folio tree. */
export type Handler<T = Content> = (state: State, node: T, parent: Content | undefined) => HandlerResult

/** A node with children. */
export type ParentNode = Extract<Content, {children: unknown}>

/** A handler per node type. */
export type Handlers = {[T in NodeType]: Handler<NodeByType[T]>}

/** A caller's handlers: any node type of the tree, or a type the tree does not know. */
export type HandlerOverrides = Partial<Handlers> & Record<string, Handler<never> | undefined>

export interface ToHastOptions {
  /** Handlers that replace the defaults for their node types (or add unknown types). */
  handlers?: HandlerOverrides
  /** Called for a node whose type has no handler; the default reports `unknown-node` and renders its children. */
  unknownHandler?: Handler<Content>
  /** Prefixed to every id written (section, footnote, page, document ids). */
  idPrefix?: string
  /**
   * Section ids to use, usually `sectionIds(wholeTree)` so that ids stay the same
   * when the tree is rendered a part at a time. Computed from the node given when absent.
   */
  sectionIds?: Map<Section, string>
  /**
   * Added to a section's depth to give its heading rank. The default, 1, keeps
   * `h1` for the document title (as `toHtml` writes it): depth-1 sections are `h2`.
   * Use 0 when each depth-1 section is a page of its own (an EPUB chapter).
   */
  headingOffset?: number
  /** Where a footnote reference links; default `#` + `footnoteId(identifier)`. */
  footnoteHref?: (identifier: string) => string
  /** Where a footnote's backlink for its `n`th reference points; default `#` + `footnoteReferenceId(identifier, n)`. */
  footnoteBackHref?: (identifier: string, n: number) => string
  /** Language of the document (BCP 47), for the words the renderer adds; default the root's `meta.lang`, else 'en'. */
  lang?: string
  /** Replace any of the words the renderer adds. */
  labels?: Partial<Labels>
  /** Diagnostics are pushed here as well as returned by `toHtml`. */
  diagnostics?: Diagnostic[]
}

export interface State {
  /** Render one node (through its handler, or the unknown handler). */
  one(node: Content, parent: Content | undefined): ElementContent[]
  /** Render every child of `parent`, in order. */
  all(parent: ParentNode): ElementContent[]
  /** Copy `from`'s position onto `to`, so hast nodes point back into the tree (and the PDF). */
  patch(from: Content, to: HastElement): void
  /** Report a problem in the content. */
  report(ruleId: string, severity: Diagnostic['severity'], message: string, node?: Content): void
  /** The id of a section. */
  sectionId(section: Section): string
  /** The rank (1…) of a section's heading. */
  headingRank(depth: number): number
  /** The id of a caption that names a table (the same for every call with that caption). */
  captionId(caption: Caption): string
  readonly options: ToHastOptions
  readonly idPrefix: string
  readonly labels: Labels
  /** Language of `labels` when it differs from the document's, else undefined. */
  readonly labelsLang: string | undefined
  readonly diagnostics: Diagnostic[]
  /** Footnote definitions by identifier, in the rendered node. */
  readonly definitions: Map<string, FootnoteDefinition>
  /** Identifiers in the order of their first reference. */
  readonly footnoteOrder: string[]
  /** How many times each footnote was referenced so far. */
  readonly footnoteCounts: Map<string, number>
  /** The rank of the heading that holds the endnotes. */
  readonly notesRank: number
  /** Accessible names given to section landmarks so far, to keep them distinct. */
  readonly landmarkNames: Set<string>
  /** How many enclosing sections have no heading: their sub-sections' ranks move up by as many. */
  rankShift: number
  /** The named sections being rendered, outermost first. */
  readonly sectionStack: Array<{id: string; name: string}>
  /** Lists of the report's own notes sections, filled by `endnotes` once every reference is known. */
  readonly notesHosts: Array<{list: HastElement; identifiers: string[]}>
}
