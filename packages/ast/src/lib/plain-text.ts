import type {Content} from './types.js'

const blocks = new Set([
  'root',
  'section',
  'heading',
  'paragraph',
  'list',
  'listItem',
  'blockquote',
  'aside',
  'code',
  'figure',
  'caption',
  'table',
  'tableRow',
  'tableCell',
  'footnoteDefinition',
  'toc',
])

/** The plain text of a node: text values in order, blocks separated by a blank line. */
export function plainText(node: Content): string {
  if (node.type === 'text' || node.type === 'code') return node.value
  if (node.type === 'tocEntry') return node.title
  if (!('children' in node)) return ''
  const parts: string[] = []
  let inline = ''
  for (const child of node.children) {
    if (blocks.has(child.type)) {
      if (inline.trim()) parts.push(inline.trim())
      inline = ''
      const text = plainText(child)
      if (text) parts.push(text)
    } else {
      inline += plainText(child)
    }
  }
  if (inline.trim()) parts.push(blocks.has(node.type) ? inline.trim() : inline)
  return parts.join(blocks.has(node.type) ? '\n\n' : '')
}
