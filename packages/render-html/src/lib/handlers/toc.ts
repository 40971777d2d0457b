import type {Toc, TocEntry} from '@folio/ast'
import type {Handler} from '../types.js'

// The report's own contents page is data: the navigation is built from the sections instead.
export const toc: Handler<Toc> = () => undefined
export const tocEntry: Handler<TocEntry> = () => undefined
