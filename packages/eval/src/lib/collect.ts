import type {Content, Root} from '@folio/ast'
import {normalizeText, PAGE_MARK, words} from './text.js'

/** A heading as the metrics see it. */
export interface HeadingFact {
  /** Normalized words of the printed number and the heading text. */
  key: string
  depth: number
  /** The heading as printed (number and text), for reports. */
  text: string
}

/** What the metrics read from one tree: body content in reading order. */
export interface TreeFacts {
  headings: HeadingFact[]
  /** Text of each list item (nested lists and footnotes excluded), in order. */
  listItems: string[]
  /**
   * Text of each block (heading, paragraph, list item, table cell, caption,
   * code, aside title) in reading order, then the blocks of the footnotes in their order;
   * `PAGE_MARK` where a page began.
   */
  blocks: string[]
  /** Contents entries from `toc` nodes. */
  toc: Array<{title: string; page?: string}>
  /** Labels of footnote definitions, as printed. */
  footnoteLabels: string[]
  /** Tables in document order: the text of each cell, row by row. */
  tables: TableFact[]
  /** Asides in document order: kind and the text of their title and content. */
  asides: AsideFact[]
  pages?: number
}

/** A cell of a table as the metrics see it. */
export interface CellFact {
  /** The cell's text, as in `blocks`. */
  text: string
  header: boolean
}

/** A table: its rows of cells (footnote references and page breaks carry no text). */
export interface TableFact {
  rows: CellFact[][]
}

/** An aside: its kind, and its text (the title, then its blocks, footnotes left out). */
export interface AsideFact {
  kind: string
  text: string
}

const inlineTypes = new Set(['text', 'strong', 'emphasis', 'link', 'span', 'footnoteReference', 'pageBreak'])

/** Text of phrasing content; footnote reference labels carry no words, a page break leaves a mark. */
function inlineText(node: Content): string {
  if (node.type === 'text') return node.value
  if (node.type === 'pageBreak') return PAGE_MARK
  if (node.type === 'footnoteReference') return ''
  if ('children' in node) return node.children.map(inlineText).join('')
  return ''
}

/** Blocks inside a list item that are not part of the item's own text. */
const apart = new Set(['list', 'footnoteDefinition'])

/** Text of a list item without its nested lists and notes: its blocks joined by line breaks. */
function itemText(node: Content): string {
  if (!('children' in node)) return node.type === 'code' ? node.value : ''
  const parts: string[] = []
  let inline = ''
  for (const child of node.children as Content[]) {
    if (inlineTypes.has(child.type)) {
      inline += inlineText(child)
      continue
    }
    if (inline.trim()) parts.push(inline)
    inline = ''
    if (!apart.has(child.type)) parts.push(itemText(child))
  }
  if (inline.trim()) parts.push(inline)
  return parts.filter((part) => part.trim()).join('\n')
}

/**
 * Reads the body of a tree: everything but `toc` (the contents are data, not
 * body text) and `meta`. Blocks come in document order, which for a Folio
 * tree is reading order.
 */
export function collect(tree: Root): TreeFacts {
  const facts: TreeFacts = {
    headings: [],
    listItems: [],
    blocks: [],
    toc: [],
    footnoteLabels: [],
    tables: [],
    asides: [],
  }
  if (tree.meta?.source?.pages !== undefined) facts.pages = tree.meta.source.pages

  // Notes are read after the body, in their order: where a tree puts a note
  // does not count, whether it made it a note does.
  const notes: string[] = []
  let blocks = facts.blocks
  const visit = (node: Content): void => {
    if (node.type === 'footnoteDefinition') {
      facts.footnoteLabels.push(node.label ?? node.identifier)
      const outer = blocks
      blocks = notes
      for (const child of node.children) visit(child)
      blocks = outer
      return
    }
    switch (node.type) {
      case 'toc':
        for (const entry of node.children) {
          facts.toc.push(entry.page === undefined ? {title: entry.title} : {title: entry.title, page: entry.page})
        }
        return
      case 'heading': {
        const text = inlineText(node)
        const printed = node.numbering ? `${node.numbering} ${text}` : text
        facts.headings.push({key: words(printed).join(' '), depth: node.depth, text: normalizeText(printed)})
        blocks.push(printed)
        return
      }
      case 'listItem': {
        const text = itemText(node)
        facts.listItems.push(text)
        blocks.push(text)
        for (const child of node.children) if (apart.has(child.type)) visit(child)
        return
      }
      case 'table':
        facts.tables.push({
          rows: node.children.map((row) =>
            row.children.map((cell) => ({text: inlineText(cell), header: cell.header === true})),
          ),
        })
        for (const row of node.children) for (const cell of row.children) visit(cell)
        return
      case 'aside': {
        // The title is printed text of the aside: it opens the aside's blocks.
        const start = blocks.length
        if (node.title?.trim()) blocks.push(node.title)
        for (const child of node.children) visit(child)
        facts.asides.push({kind: node.kind, text: blocks.slice(start).join('\n')})
        return
      }
      case 'paragraph':
      case 'caption':
      case 'tableCell':
        blocks.push(inlineText(node))
        return
      case 'code':
        blocks.push(node.value)
        return
      default:
        if ('children' in node) {
          let inline = ''
          for (const child of node.children as Content[]) {
            if (inlineTypes.has(child.type)) {
              inline += inlineText(child)
              continue
            }
            if (inline.trim()) blocks.push(inline)
            inline = ''
            visit(child)
          }
          if (inline.trim()) blocks.push(inline)
        }
    }
  }

  visit(tree)
  facts.blocks.push(...notes)
  return facts
}
