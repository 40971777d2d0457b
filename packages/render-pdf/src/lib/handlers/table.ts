import type {Caption, Table, TableCell} from '@folio/ast'
import type {Line, Piece, State, Tag} from '../state.js'

/** Space between a cell's text and its column's edges, in points. */
const padding = 4

/** A number as tables print them: digits with separators, a sign, a unit or a percent sign. */
const numeric = /^[-+−–]?[£$€¥]?\d[\d,.\u00a0\u202f ]*%?$/u

/**
 * A table: Table > (Caption) TR > TH | TD, columns as wide as their content
 * asks (the longest word at least), rows kept whole on a page, header cells
 * scoped to their column (first row) or row. A caption is set above the
 * table, as tables are captioned in print, and is the Table's first child;
 * it stays on the page of the first rows. Columns of numbers are set flush
 * right, so that their digits line up.
 */
export function table(node: Table, state: State, parent: Tag, caption?: Caption): void {
  const tag = state.tag('Table', parent)
  const rows = node.children
  const columns = Math.max(1, ...rows.map((row) => row.children.length))
  const size = state.type.size * 0.9
  const leading = size * 1.35
  const {doc, geometry} = state
  // Elements are made on their first content, so the caption, set first, comes first in the Table.
  const rowTags = rows.map(() => state.tag('TR', tag))
  const contexts = rows.map((row, rowIndex) =>
    row.children.map((cell, cellIndex) => {
      const cellTag = state.tag(
        cell.header ? 'TH' : 'TD',
        rowTags[rowIndex],
        cell.header ? {scope: rowIndex === 0 ? 'Column' : 'Row'} : {},
      )
      const pieces = state.inline(
        cell.children,
        state.context(cellTag, {size, style: cell.header ? 'bold' : 'regular'}),
      )
      return {cell, cellIndex, pieces}
    }),
  )
  const widths = columnWidths(
    contexts.map((row) => row.map(({cellIndex, pieces}) => ({column: cellIndex, pieces}))),
    columns,
    state.width,
  )
  const starts = widths.map((_, index) => widths.slice(0, index).reduce((sum, width) => sum + width, 0))
  const flushRight = widths.map((_, column) => numericColumn(rows.map((row) => row.children[column])))
  const laid = contexts.map((row) =>
    row.map(({cell, cellIndex, pieces}) => ({
      lines: state.breakLines(pieces, (widths[cellIndex] ?? 0) - 2 * padding),
      column: cellIndex,
      header: cell.header === true,
    })),
  )
  const heightOf = (cells: Array<{lines: Line[]}>) =>
    Math.max(1, ...cells.map((cell) => cell.lines.length)) * leading + 2 * padding

  state.y += state.type.leading * 0.3
  if (caption) {
    const captionTag = state.tag('Caption', tag)
    const pieces = state.inline(
      caption.children,
      state.context(captionTag, {style: 'italic', size: state.type.size * 0.9}),
    )
    const lines = state.breakLines(pieces, state.width)
    // The caption keeps the header row and the first row of the body with it.
    const firstRows = laid.slice(0, 2).reduce((sum, row) => sum + heightOf(row), 0)
    state.placeLines(lines, {
      indent: state.indent,
      width: state.width,
      leading: state.type.leading,
      spaceBefore: 0,
      spaceAfter: state.type.leading * 0.3,
      keepWithNext: true,
      keepExtra: Math.max(0, firstRows - state.type.keepLines * state.type.leading),
    })
  }
  for (const [rowIndex, cells] of laid.entries()) {
    const height = heightOf(cells)
    if (height > state.room && state.y > geometry.top) state.newPage()
    const top = state.y
    const rowLines = Math.max(1, ...cells.map((cell) => cell.lines.length))
    for (const cell of cells) {
      // Header cells sit on the rule under them; other cells hang from the top of the row.
      const drop = cell.header ? (rowLines - cell.lines.length) * leading : 0
      let baseline = top + padding + drop + state.type.ascent(leading)
      const x = state.indent + (starts[cell.column] ?? 0)
      const width = widths[cell.column] ?? 0
      for (const line of cell.lines) {
        const shift = flushRight[cell.column] ? Math.max(0, width - 2 * padding - line.width) : 0
        state.drawLine(line, x + padding + shift, baseline)
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

/** Whether every body cell of a column that holds text is a number. */
function numericColumn(cells: ReadonlyArray<TableCell | undefined>): boolean {
  const body = cells.filter((cell): cell is TableCell => cell !== undefined && !cell.header)
  const texts = body.map((cell) => cellText(cell).trim()).filter((text) => text !== '')
  return texts.length > 0 && texts.every((text) => numeric.test(text))
}

function cellText(node: {children?: readonly unknown[]; value?: unknown}): string {
  if (typeof node.value === 'string') return node.value
  return (node.children ?? []).map((child) => cellText(child as typeof node)).join('')
}

/**
 * Column widths that fill the measure, in the manner of automatic table
 * layout: each column gets at least its longest word (so no word is cut
 * while the measure allows), and the room left goes to the columns whose
 * text would run longer, in proportion to how much longer.
 */
export function columnWidths(
  rows: ReadonlyArray<ReadonlyArray<{column: number; pieces: readonly Piece[]}>>,
  columns: number,
  measure: number,
): number[] {
  const least = new Array<number>(columns).fill(2 * padding)
  const most = new Array<number>(columns).fill(2 * padding)
  for (const row of rows) {
    for (const {column, pieces} of row) {
      let word = 0
      let longest = 0
      let whole = 0
      for (const piece of pieces) {
        whole += piece.width
        word = piece.space ? 0 : word + piece.width
        longest = Math.max(longest, word)
      }
      least[column] = Math.max(least[column] ?? 0, longest + 2 * padding + 0.5)
      most[column] = Math.max(most[column] ?? 0, whole + 2 * padding + 0.5)
    }
  }
  const sum = (list: number[]) => list.reduce((total, value) => total + value, 0)
  const leastTotal = sum(least)
  const mostTotal = sum(most)
  if (mostTotal <= measure) return most.map((width) => width + ((measure - mostTotal) * width) / mostTotal)
  if (leastTotal >= measure) return least.map((width) => (measure * width) / leastTotal)
  const slack = mostTotal - leastTotal
  return least.map((width, index) => width + ((measure - leastTotal) * ((most[index] ?? 0) - width)) / slack)
}
