import type {List} from '@folio/ast'
import {h} from 'hastscript'
import type {Handler} from '../types.js'

/** The `type` of an ordered list from the marker seen in the PDF: '1.', 'a)', '(iv)', 'A.'. */
export function orderedType(marker: string | undefined): '1' | 'a' | 'A' | 'i' | 'I' | undefined {
  if (!marker) return undefined
  const core = marker.replace(/^[([]|[.)\]:]$/g, '').replace(/[.)\]:]$/, '')
  if (/^[ivxlcdm]+$/.test(core) && core !== 'c' && core !== 'd' && core !== 'l' && core !== 'm') return 'i'
  if (/^[IVXLCDM]+$/.test(core) && core !== 'C' && core !== 'D' && core !== 'L' && core !== 'M') return 'I'
  if (/^[a-z]$/.test(core)) return 'a'
  if (/^[A-Z]$/.test(core)) return 'A'
  return undefined
}

export const list: Handler<List> = (state, node) => {
  const type = node.ordered ? orderedType(node.marker) : undefined
  const start = node.ordered && node.start !== undefined && node.start !== 1 ? node.start : undefined
  const element = h(node.ordered ? 'ol' : 'ul', {start, type: type === '1' ? undefined : type}, state.all(node))
  state.patch(node, element)
  return element
}
