import type {Section} from '@folio/ast'
import {h} from 'hastscript'
import type {Handler} from '../types.js'

// The section is named by its heading, which carries the section's id.
export const section: Handler<Section> = (state, node) => {
  const element = h('section', {ariaLabelledBy: state.sectionId(node)}, state.all(node))
  state.patch(node, element)
  return element
}
