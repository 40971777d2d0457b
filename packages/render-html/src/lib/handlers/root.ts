import type {Root} from '@folio/ast'
import type {Handler} from '../types.js'

// The document shell (header, nav, main) is `toHtml`'s job; a root's hast is its body content.
export const root: Handler<Root> = (state, node) => state.all(node)
