import type {Paragraph} from '@folio/ast'
import {h} from 'hastscript'
import type {Handler} from '../types.js'

export const paragraph: Handler<Paragraph> = (state, node) => {
  const content = state.all(node)
  if (content.length === 0) return undefined
  const element = h('p', content)
  state.patch(node, element)
  return element
}
