import type {Link} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {safeUrl} from '../safe-url.js'
import type {Handler} from '../types.js'
import {safeText} from './text.js'

/** Whether rendered content has something to read: text, or an image with alt text. */
export function hasText(node: ElementContent): boolean {
  if (node.type === 'text') return node.value.trim() !== ''
  if (node.type !== 'element') return false
  if (node.tagName === 'img') return typeof node.properties['alt'] === 'string' && node.properties['alt'] !== ''
  return node.children.some(hasText)
}

const shown = (url: string): string => (url.length > 60 ? `${url.slice(0, 57)}...` : url)

// Only http, https and mailto survive; anything else keeps its text and loses the link.
export const link: Handler<Link> = (state, node) => {
  const href = safeUrl(node.url)
  if (href === undefined) {
    state.report(
      'unsafe-link-dropped',
      'info',
      `Unexpected link to \`${shown(safeText(state, String(node.url), node))}\`, expected an http, https or mailto URL`,
      node,
    )
    return state.all(node)
  }
  const content = state.all(node)
  if (!content.some(hasText)) {
    // A link with nothing to read or click is dropped; a link with only a page marker keeps the marker.
    state.report('empty-link-dropped', 'info', 'Unexpected link without text, expected text to name it', node)
    return content
  }
  const element = h('a', {href, title: node.title ? safeText(state, node.title, node) : undefined}, content)
  state.patch(node, element)
  return element
}
