import type {ListItem} from '@folio/ast'
import {h} from 'hastscript'
import {childrenOf} from '../children.js'
import type {Handler} from '../types.js'

// An item of one paragraph is written tight (`<li>text</li>`), as a reader of the PDF saw it.
export const listItem: Handler<ListItem> = (state, node) => {
  const children = childrenOf(node)
  const only = children.length === 1 ? children[0] : undefined
  const content = only?.type === 'paragraph' ? state.all(only) : state.all(node)
  const element = h('li', content)
  state.patch(node, element)
  return element
}
