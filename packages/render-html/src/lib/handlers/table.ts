import type {Table, TableCell, TableRow} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {childrenOf} from '../children.js'
import type {Handler} from '../types.js'

const isHeaderRow = (row: TableRow | undefined): boolean =>
  row !== undefined && childrenOf(row).length > 0 && childrenOf<TableCell>(row).every((cell) => cell.header === true)

export const table: Handler<Table> = (state, node, parent) => {
  const all = childrenOf<TableRow>(node)
  const [first, ...rest] = all
  const rows = (list: TableRow[]): ElementContent[] => list.flatMap((row) => [...state.one(row, node), nl()])
  const parts: ElementContent[] = [nl()]
  if (first && isHeaderRow(first)) {
    parts.push(h('thead', [nl(), ...rows([first])]), nl())
    if (rest.length > 0) parts.push(h('tbody', [nl(), ...rows(rest)]), nl())
  } else if (all.length > 0) {
    parts.push(h('tbody', [nl(), ...rows(all)]), nl())
  }
  const element = h('table', parts)
  state.patch(node, element)
  if (parent?.type === 'figure') return element
  // A wide table scrolls on its own on a narrow screen, and can take keyboard
  // focus so that it can be scrolled without a pointer.
  return h('div', {className: ['table-scroll'], tabIndex: 0}, [element])
}

export const tableRow: Handler<TableRow> = (state, node) => {
  const element = h('tr', state.all(node))
  state.patch(node, element)
  return element
}

export const tableCell: Handler<TableCell> = (state, node, parent) => {
  const inHeaderRow = parent?.type === 'tableRow' && isHeaderRow(parent)
  const element = node.header
    ? h('th', {scope: inHeaderRow ? 'col' : 'row'}, state.all(node))
    : h('td', state.all(node))
  state.patch(node, element)
  return element
}

function nl(): ElementContent {
  return {type: 'text', value: '\n'}
}
