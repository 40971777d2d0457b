import type {
  Aside,
  Blockquote,
  Caption,
  Code,
  Depth,
  Emphasis,
  Figure,
  FlowContent,
  FootnoteDefinition,
  FootnoteReference,
  Heading,
  Image,
  Link,
  List,
  ListItem,
  Meta,
  PageBreak,
  Paragraph,
  PhrasingContent,
  Root,
  Section,
  Span,
  Strong,
  Table,
  TableCell,
  TableRow,
  Text,
  Toc,
  TocEntry,
} from './types.js'
import {AST_VERSION} from './version.js'

type Options<T> = Partial<Omit<T, 'type' | 'children'>>

/** Builders, one per node type. Optional fields come last as an options object. */
export const u = {
  root(meta: Partial<Meta> & {lang: string}, children: Root['children'] = []): Root {
    return {type: 'root', version: AST_VERSION, meta: {authors: [], ...meta}, children}
  },
  section(depth: Depth, children: Section['children'], options: Options<Section> = {}): Section {
    return {type: 'section', depth, ...options, children}
  },
  heading(depth: Depth, children: PhrasingContent[], options: Options<Heading> = {}): Heading {
    return {type: 'heading', depth, ...options, children}
  },
  paragraph(children: PhrasingContent[]): Paragraph {
    return {type: 'paragraph', children}
  },
  list(ordered: boolean, children: ListItem[], options: Options<List> = {}): List {
    return {type: 'list', ordered, ...options, children}
  },
  listItem(children: FlowContent[]): ListItem {
    return {type: 'listItem', children}
  },
  blockquote(children: FlowContent[]): Blockquote {
    return {type: 'blockquote', children}
  },
  aside(kind: Aside['kind'], children: FlowContent[], options: Options<Aside> = {}): Aside {
    return {type: 'aside', kind, ...options, children}
  },
  code(value: string): Code {
    return {type: 'code', value}
  },
  figure(children: Figure['children']): Figure {
    return {type: 'figure', children}
  },
  image(options: Options<Image> = {}): Image {
    return {type: 'image', ...options}
  },
  caption(children: PhrasingContent[]): Caption {
    return {type: 'caption', children}
  },
  table(children: TableRow[]): Table {
    return {type: 'table', children}
  },
  tableRow(children: TableCell[]): TableRow {
    return {type: 'tableRow', children}
  },
  tableCell(children: PhrasingContent[], options: Options<TableCell> = {}): TableCell {
    return {type: 'tableCell', ...options, children}
  },
  footnoteDefinition(
    identifier: string,
    children: FlowContent[],
    options: Options<FootnoteDefinition> = {},
  ): FootnoteDefinition {
    return {type: 'footnoteDefinition', identifier, ...options, children}
  },
  pageBreak(page: number, label: string = String(page)): PageBreak {
    return {type: 'pageBreak', page, label}
  },
  toc(children: TocEntry[]): Toc {
    return {type: 'toc', children}
  },
  tocEntry(title: string, depth: Depth, page?: string): TocEntry {
    return page === undefined ? {type: 'tocEntry', title, depth} : {type: 'tocEntry', title, depth, page}
  },
  text(value: string): Text {
    return {type: 'text', value}
  },
  strong(children: PhrasingContent[]): Strong {
    return {type: 'strong', children}
  },
  emphasis(children: PhrasingContent[]): Emphasis {
    return {type: 'emphasis', children}
  },
  link(url: string, children: PhrasingContent[], options: Options<Link> = {}): Link {
    return {type: 'link', url, ...options, children}
  },
  footnoteReference(identifier: string, label?: string): FootnoteReference {
    return label === undefined
      ? {type: 'footnoteReference', identifier}
      : {type: 'footnoteReference', identifier, label}
  },
  span(children: PhrasingContent[], options: Options<Span> = {}): Span {
    return {type: 'span', ...options, children}
  },
}
