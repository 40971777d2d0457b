import type {Table} from '@folio/ast'
import type {Line, State, Tag} from '../state.js'

/**
 * A table: Table > TR > TH | TD, columns of equal width, rows kept whole
 * on a page, header cells scoped to their column (first row) or row.
 */
export function table(node: Table, state: State, parent: Tag): void {
  const tag = state.tag('Table', parent)
  const columns = Math.max(1, ...node.children.map((row) => row.children.length))
  const padding = 3
  const columnWidth = state.width / columns
  const size = state.type.size * 0.9
  const leading = size * 1.35
  const {doc, geometry} = state
  state.y += state.type.leading * 0.3
  for (const [rowIndex, row] of node.children.entries()) {
    const rowTag = state.tag('TR', tag)
    const cells = row.children.map((cell, cellIndex) => {
      const type = cell.header ? 'TH' : 'TD'
      const cellTag = state.tag(type, rowTag, cell.header ? {scope: rowIndex === 0 ? 'Column' : 'Row'} : {})
      const style = cell.header ? 'bold' : 'regular'
      const pieces = state.inline(cell.children, state.context(cellTag, {size, style}))
      const lines: Line[] = state.breakLines(pieces, columnWidth - 2 * padding)
      return {lines, x: cellIndex * columnWidth, tag: cellTag}
    })
    const height = Math.max(1, ...cells.map((cell) => cell.lines.length)) * leading + 2 * padding
    if (height > state.room && state.y > geometry.top) state.newPage()
    const top = state.y
    for (const cell of cells) {
      let baseline = top + padding + state.type.ascent(leading)
      for (const line of cell.lines) {
        state.drawLine(line, state.indent + cell.x + padding, baseline)
        baseline += leading
      }
    }
    state.artifact('Layout', () => {
      const left = geometry.left + state.indent
      doc
        .save()
        .lineWidth(rowIndex === 0 ? 0.8 : 0.4)
        .strokeColor('#8a8a8a')
        .moveTo(left, top + height)
        .lineTo(left + state.width, top + height)
        .stroke()
        .restore()
    })
    state.y = top + height
    state.endLinks()
  }
  state.y += state.type.leading * 0.6
}
