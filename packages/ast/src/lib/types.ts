import type {Data as UnistData, Literal as UnistLiteral, Node as UnistNode, Parent as UnistParent} from 'unist'

/** Where in the PDF a node came from. */
export interface Source {
  /** 1-based physical page index. */
  page: number
  /** x0, y0, x1, y1 in PDF points, top-down. */
  bbox?: [number, number, number, number]
}

export interface Data extends UnistData {
  source?: Source
}

export interface Node extends UnistNode {
  data?: Data
}

export interface Parent extends UnistParent {
  data?: Data
  children: Content[]
}

export interface Literal extends UnistLiteral {
  data?: Data
  value: string
}

export type Direction = 'ltr' | 'rtl'

export interface Translation {
  field: 'title' | 'subtitle' | 'publisher'
  value: string
  lang: string
  dir?: Direction
}

export interface SourceFacts {
  file?: string
  pages: number
  producer?: string
  creator?: string
  tagged: boolean
  encrypted: boolean
  created?: string
  modified?: string
}

export interface Meta {
  title?: string
  subtitle?: string
  authors: string[]
  publisher?: string
  date?: string
  lang: string
  dir?: Direction
  description?: string
  translations?: Translation[]
  source?: SourceFacts
}

export interface Root extends Parent {
  type: 'root'
  version: string
  meta: Meta
  children: Array<FlowContent | Section | Toc>
}

export type Depth = 1 | 2 | 3 | 4 | 5 | 6

export interface Section extends Parent {
  type: 'section'
  depth: Depth
  identifier?: string
  children: Array<Heading | FlowContent | Section>
}

export interface Heading extends Parent {
  type: 'heading'
  depth: Depth
  numbering?: string
  children: PhrasingContent[]
}

export interface Paragraph extends Parent {
  type: 'paragraph'
  children: PhrasingContent[]
}

export interface List extends Parent {
  type: 'list'
  ordered: boolean
  start?: number
  marker?: string
  children: ListItem[]
}

export interface ListItem extends Parent {
  type: 'listItem'
  children: FlowContent[]
}

export interface Blockquote extends Parent {
  type: 'blockquote'
  children: FlowContent[]
}

export interface Aside extends Parent {
  type: 'aside'
  kind: 'sidebar' | 'callout' | 'colophon'
  title?: string
  children: FlowContent[]
}

export interface Code extends Literal {
  type: 'code'
}

export interface Figure extends Parent {
  type: 'figure'
  children: Array<Image | Table | Caption>
}

export interface Image extends Node {
  type: 'image'
  alt?: string
  url?: string
}

export interface Caption extends Parent {
  type: 'caption'
  children: PhrasingContent[]
}

export interface Table extends Parent {
  type: 'table'
  children: TableRow[]
}

export interface TableRow extends Parent {
  type: 'tableRow'
  children: TableCell[]
}

export interface TableCell extends Parent {
  type: 'tableCell'
  header?: boolean
  children: PhrasingContent[]
}

export interface FootnoteDefinition extends Parent {
  type: 'footnoteDefinition'
  identifier: string
  label?: string
  children: FlowContent[]
}

export interface PageBreak extends Node {
  type: 'pageBreak'
  page: number
  label: string
}

export interface Toc extends Parent {
  type: 'toc'
  children: TocEntry[]
}

export interface TocEntry extends Node {
  type: 'tocEntry'
  title: string
  depth: Depth
  page?: string
}

export interface Text extends Literal {
  type: 'text'
}

export interface Strong extends Parent {
  type: 'strong'
  children: PhrasingContent[]
}

export interface Emphasis extends Parent {
  type: 'emphasis'
  children: PhrasingContent[]
}

export interface Link extends Parent {
  type: 'link'
  url: string
  title?: string
  children: PhrasingContent[]
}

export interface FootnoteReference extends Node {
  type: 'footnoteReference'
  identifier: string
  label?: string
}

export interface Span extends Parent {
  type: 'span'
  lang?: string
  dir?: Direction
  children: PhrasingContent[]
}

export type FlowContent = Paragraph | List | Blockquote | Aside | Code | Figure | Table | FootnoteDefinition | PageBreak

export type PhrasingContent = Text | Strong | Emphasis | Link | FootnoteReference | Span | PageBreak

/** Every node type of the tree. */
export type Content =
  | Root
  | Section
  | Heading
  | Paragraph
  | List
  | ListItem
  | Blockquote
  | Aside
  | Code
  | Figure
  | Image
  | Caption
  | Table
  | TableRow
  | TableCell
  | FootnoteDefinition
  | PageBreak
  | Toc
  | TocEntry
  | Text
  | Strong
  | Emphasis
  | Link
  | FootnoteReference
  | Span

export type AnyNode = Content
export type NodeType = Content['type']

/** Map from node type to node interface, for handler maps. */
export type NodeByType = {[T in NodeType]: Extract<Content, {type: T}>}

export type Severity = 'info' | 'warning' | 'fatal'

/** A problem in the content, with a place (see README, Diagnostics). */
export interface Diagnostic {
  ruleId: string
  source: string
  severity: Severity
  message: string
  place?: Source
}
