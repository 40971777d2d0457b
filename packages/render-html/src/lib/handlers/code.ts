import type {Code} from '@folio/ast'
import {h} from 'hastscript'
import type {Handler} from '../types.js'
import {safeText} from './text.js'

export const code: Handler<Code> = (state, node) => {
  const element = h('pre', [h('code', safeText(state, node.value, node))])
  state.patch(node, element)
  return element
}
