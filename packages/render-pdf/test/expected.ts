/** What a Folio tree's edition should read back as: its blocks in order, with their text and links. */
import type {Content, List, Root} from '@folio/ast'

export interface ExpectedBlock {
  role: string
  text: string
  links?: string[]
}

/** Lower-case roman numerals 1–20, written out by hand. */
const romanNumerals = 'i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx'.split(' ')

function roman(value: number): string {
  const numeral = romanNumerals[value - 1]
  if (numeral === undefined) throw new Error(`No expected roman numeral written out for item ${value}`)
  return numeral
}

/** The printed label of each item, for the markers the fixtures use. */
export function expectedLabels(list: List): string[] {
  return list.children.map((_, index) => {
    const value = (list.start ?? 1) + index
    const marker = list.marker ?? ''
    if (!list.ordered) return [...marker].length === 1 ? marker : '•'
    if (marker === '(i)') return `(${roman(value)})`
    if (marker === 'a)') return `${String.fromCharCode(96 + value)})`
    if (marker === '1)') return `${value})`
    return `${value}.`
  })
}

/**
 * The blocks of a tree's edition in reading order: headings, paragraphs, list
 * and note labels; a sidebar's title as a paragraph (never a heading); a
 * table's caption first, then its cells row by row (TH or TD); an image's
 * caption after it.
 */
export function expectedBlocks(tree: Root): ExpectedBlock[] {
  const out: ExpectedBlock[] = []
  const inline = (nodes: readonly Content[], links: string[]): string =>
    nodes
      .map((node) => {
        if (node.type === 'text') return node.value
        if (node.type === 'footnoteReference') return node.label ?? node.identifier
        if (node.type === 'link' && /^(https?|mailto):/.test(node.url)) links.push(node.url)
        return 'children' in node ? inline(node.children, links) : ''
      })
      .join('')
  const clean = (text: string) => text.replace(/\s+/g, ' ').trim()
  const visit = (node: Content) => {
    if (node.type === 'heading') {
      out.push({
        role: `H${node.depth}`,
        text: clean([node.numbering, inline(node.children, [])].filter(Boolean).join(' ')),
      })
    } else if (node.type === 'paragraph') {
      const links: string[] = []
      out.push({role: 'P', text: clean(inline(node.children, links)), links})
    } else if (node.type === 'list') {
      const marks = expectedLabels(node)
      node.children.forEach((item, index) => {
        out.push({role: 'Lbl', text: marks[index] ?? ''})
        for (const child of item.children) visit(child)
      })
    } else if (node.type === 'caption') {
      const links: string[] = []
      out.push({role: 'Caption', text: clean(inline(node.children, links)), links})
    } else if (node.type === 'figure' && node.children[0]?.type === 'table') {
      const caption = node.children.find((child) => child.type === 'caption')
      if (caption) visit(caption)
      for (const child of node.children) if (child !== caption) visit(child)
    } else if (node.type === 'table') {
      for (const row of node.children) {
        for (const cell of row.children) {
          const links: string[] = []
          out.push({role: cell.header ? 'TH' : 'TD', text: clean(inline(cell.children, links)), links})
        }
      }
    } else if (node.type === 'aside') {
      if (node.title?.trim()) out.push({role: 'P', text: clean(node.title)})
      for (const child of node.children) visit(child)
    } else if (node.type === 'footnoteDefinition') {
      out.push({role: 'Lbl', text: node.label ?? node.identifier})
      for (const child of node.children) visit(child)
    } else if ('children' in node && node.type !== 'toc') {
      for (const child of node.children) visit(child)
    }
  }
  for (const child of tree.children) visit(child)
  return out
}

/**
 * The tables of a tree's edition: a Table holds its caption first (when its
 * figure has one), then its rows; a header cell in the first row scopes its
 * column, one in a later row its row.
 */
export function expectedTables(
  tree: Root,
): Array<{kids: string[]; rows: Array<Array<{role: string; scope?: string}>>}> {
  const out: ReturnType<typeof expectedTables> = []
  const visit = (node: Content, captioned: boolean) => {
    if (node.type === 'table') {
      const rows = node.children.map((row, index) =>
        row.children.map((cell) => (cell.header ? {role: 'TH', scope: index === 0 ? 'Column' : 'Row'} : {role: 'TD'})),
      )
      out.push({kids: [...(captioned ? ['Caption'] : []), ...rows.map(() => 'TR')], rows})
      return
    }
    if (node.type === 'figure') {
      const captioned = node.children[0]?.type === 'table' && node.children.some((child) => child.type === 'caption')
      for (const child of node.children) visit(child, captioned)
      return
    }
    if ('children' in node && node.type !== 'toc') for (const child of node.children) visit(child, false)
  }
  for (const child of tree.children) visit(child, false)
  return out
}
