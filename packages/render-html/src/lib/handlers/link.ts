import type {Link} from '@folio/ast'
import {h} from 'hastscript'
import {safeUrl} from '../safe-url.js'
import type {Handler} from '../types.js'
import {safeText} from './text.js'

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
  const element = h('a', {href, title: node.title ? safeText(state, node.title, node) : undefined}, state.all(node))
  state.patch(node, element)
  return element
}
