import type {Blockquote} from '@folio/ast'
import {h} from 'hastscript'
import type {Handler} from '../types.js'

export const blockquote: Handler<Blockquote> = (state, node) => {
  const element = h('blockquote', state.all(node))
  state.patch(node, element)
  return element
}
