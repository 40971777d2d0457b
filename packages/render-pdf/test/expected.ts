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
