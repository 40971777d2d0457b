import type {Table, TableCell, TableRow} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {childrenOf} from '../children.js'
import type {Handler} from '../types.js'
import {tableCaption} from './figure.js'
import {hasText} from './link.js'

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
  const caption = parent?.type === 'figure' ? tableCaption(parent) : undefined
  const label = caption ? state.captionId(caption) : undefined
  const element = h('table', {ariaLabelledBy: label}, parts)
  state.patch(node, element)
  // A wide table scrolls on its own on a narrow screen (the page never does,
  // WCAG 1.4.10), and takes keyboard focus so that it can be scrolled without
  // a pointer. With a caption, the scroller is a region named by it (a
  // <section> with a name), so that a screen reader says what gets focus.
  return h(label ? 'section' : 'div', {className: ['table-scroll'], ariaLabelledBy: label, tabIndex: 0}, [element])
}

export const tableRow: Handler<TableRow> = (state, node) => {
  const element = h('tr', state.all(node))
  state.patch(node, element)
  return element
}

// A header cell with nothing to read (the corner over a column of row headers)
// heads nothing: it is written as a plain cell.
export const tableCell: Handler<TableCell> = (state, node, parent) => {
  const inHeaderRow = parent?.type === 'tableRow' && isHeaderRow(parent)
  const content = state.all(node)
  const element =
    node.header && content.some(hasText) ? h('th', {scope: inHeaderRow ? 'col' : 'row'}, content) : h('td', content)
  state.patch(node, element)
  return element
}

function nl(): ElementContent {
  return {type: 'text', value: '\n'}
}
