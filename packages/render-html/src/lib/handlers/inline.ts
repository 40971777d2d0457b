import type {Emphasis, Strong} from '@folio/ast'
import {h} from 'hastscript'
import type {Handler} from '../types.js'

export const strong: Handler<Strong> = (state, node) => {
  const element = h('strong', state.all(node))
  state.patch(node, element)
  return element
}

export const emphasis: Handler<Emphasis> = (state, node) => {
  const element = h('em', state.all(node))
  state.patch(node, element)
  return element
}
