import type {Heading} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Handler} from '../types.js'
import {safeText} from './text.js'

export const heading: Handler<Heading> = (state, node, parent) => {
  const rank = state.headingRank(node.depth)
  const id = parent?.type === 'section' && parent.children[0] === node ? state.sectionId(parent) : undefined
  const content: ElementContent[] = []
  if (node.numbering) {
    content.push(h('span', {className: ['numbering']}, safeText(state, node.numbering, node)), {
      type: 'text',
      value: ' ',
    })
  }
  content.push(...state.all(node))
  let element: ReturnType<typeof h>
  if (rank <= 6) {
    element = h(`h${rank}`, {id}, content)
  } else {
    // HTML stops at h6; ARIA does not, so the outline keeps its depth.
    state.report('heading-rank-above-six', 'info', `Unexpected heading rank ${rank}, expected 1 to 6`, node)
    element = h('p', {id, role: 'heading', ariaLevel: rank, className: ['heading-deep']}, content)
  }
  state.patch(node, element)
  return element
}
