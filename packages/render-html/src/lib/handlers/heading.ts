import type {Heading} from '@folio/ast'
import {plainText} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {childrenOf} from '../children.js'
import type {Handler} from '../types.js'
import {safeText} from './text.js'

/** What a heading says, numbering included: the name of its section. */
export function headingName(node: Heading): string {
  const text = childrenOf(node).length > 0 ? plainText(node).replace(/\s+/g, ' ').trim() : ''
  return [node.numbering?.trim() ?? '', text].filter((part) => part !== '').join(' ')
}

export const heading: Handler<Heading> = (state, node, parent) => {
  if (headingName(node) === '') {
    // An empty heading names nothing; the section carries the id instead.
    state.report('empty-heading', 'warning', 'Unexpected heading without text, expected a title', node)
    return undefined
  }
  const rank = state.headingRank(node.depth)
  const id = parent?.type === 'section' && childrenOf(parent)[0] === node ? state.sectionId(parent) : undefined
  const content: ElementContent[] = []
  if (node.numbering) {
    content.push(h('span', {className: ['numbering']}, safeText(state, node.numbering, node)), {
      type: 'text',
      value: ' ',
    })
  }
  content.push(...state.all(node))
  if (rank > 6) {
    // HTML stops at h6: deeper sections share it, which keeps the outline without a skip.
    state.report('heading-rank-above-six', 'info', `Unexpected heading rank ${rank}, expected 1 to 6`, node)
  }
  const element = h(`h${Math.min(rank, 6)}`, {id}, content)
  state.patch(node, element)
  return element
}
