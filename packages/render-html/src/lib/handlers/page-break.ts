import type {PageBreak} from '@folio/ast'
import {h} from 'hastscript'
import {pageBreakId} from '../ids.js'
import type {Handler} from '../types.js'
import {safeText} from './text.js'

/**
 * A marker where a page of the original began, named by its printed label.
 *
 * The name is given with `title`, not `aria-label`: DPUB-ARIA lets
 * `doc-pagebreak` take a name from either, and Ace's page-break check accepts
 * both, but axe-core 4.11–4.14 reports `aria-label` on a `<span>` with this
 * role as `aria-prohibited-attr`. `title` satisfies all three, so no rule has
 * to be switched off. The marker is empty; the stylesheet shows its label.
 */
export const pageBreak: Handler<PageBreak> = (state, node) => {
  const label = typeof node.label === 'string' && node.label !== '' ? node.label : String(node.page)
  const element = h('span', {
    className: ['pagebreak'],
    id: pageBreakId(node, state.idPrefix),
    role: 'doc-pagebreak',
    title: safeText(state, label, node),
  })
  state.patch(node, element)
  return element
}
