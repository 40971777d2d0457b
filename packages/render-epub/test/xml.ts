import type {Element as XastElement, Nodes as XastNodes, Root as XastRoot} from 'xast'
import {fromXml} from 'xast-util-from-xml'

export function parseXml(text: string): XastRoot {
  return fromXml(text)
}

/** Every element under `node`, in document order. */
export function elements(node: XastNodes): XastElement[] {
  const found: XastElement[] = []
  const visit = (current: XastNodes) => {
    if (current.type === 'element') found.push(current)
    if ('children' in current) for (const child of current.children) visit(child)
  }
  visit(node)
  return found
}

/** The text of a node (text and CDATA in order). */
export function textOf(node: XastNodes): string {
  if (node.type === 'text' || node.type === 'cdata') return node.value
  if ('children' in node) return node.children.map((child) => textOf(child)).join('')
  return ''
}

export function byName(node: XastNodes, name: string): XastElement[] {
  return elements(node).filter((element) => element.name === name)
}
