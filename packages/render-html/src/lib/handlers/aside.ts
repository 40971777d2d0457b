import type {Aside} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Handler} from '../types.js'
import {safeText} from './text.js'

// The title is a visible lead, not a heading: a sidebar sits beside the outline, not in it.
// `role="note"` (which ARIA in HTML allows on <aside>) keeps a sidebar out of the
// landmarks: a report with several untitled boxes would otherwise have several
// unnamed complementary landmarks. The colophon is the one landmark, in `toHtml`.
export const aside: Handler<Aside> = (state, node) => {
  const content: ElementContent[] = []
  if (node.title) {
    content.push({type: 'text', value: '\n'}, h('p', {className: ['aside-title']}, safeText(state, node.title, node)))
  }
  content.push(...state.all(node))
  const element = h('aside', {className: ['aside', `aside-${node.kind}`], role: 'note'}, content)
  state.patch(node, element)
  return element
}
