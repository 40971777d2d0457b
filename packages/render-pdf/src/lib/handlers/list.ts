import type {List, ListItem} from '@folio/ast'
import {listItemLabel} from '@folio/ast'
import {face} from '../fonts.js'
import type {State, Tag} from '../state.js'

/** Gap between a label and the item's text, in ems. */
const gap = 0.6

/**
 * A list: L > LI > Lbl + LBody. Labels hang in the indent, so every line of
 * an item starts at the same edge.
 */
export function list(node: List, state: State, parent: Tag): void {
  const tag = state.tag('L', parent)
  const labels = node.children.map((_, index) => labelOf(node, index))
  const size = state.type.size
  const labelFace = face('text', 'regular')
  const widest = Math.max(0, ...labels.map((label) => state.measure(label, labelFace, size)))
  const indent = Math.max(1.3 * size, widest + gap * size)
  const saved = state.listLabel
  state.indented(indent, 0, () => {
    for (const [index, item] of node.children.entries()) {
      state.listLabel = {text: labels[index] ?? '•', right: state.indent - gap * size}
      state.one(item, tag)
    }
  })
  state.listLabel = saved
  state.y += state.type.leading * 0.3
}

export function listItem(node: ListItem, state: State, parent: Tag): void {
  const tag = state.tag('LI', parent)
  const label = state.listLabel
  if (label) {
    const lbl = state.tag('Lbl', tag)
    const pieces = state.text(label.text, state.context(lbl))
    state.pendingLabel = {pieces, right: label.right}
  }
  const body = state.tag('LBody', tag)
  const saved = state.listLabel
  state.listLabel = undefined
  state.all(node, body)
  state.listLabel = saved
  // An item with no text still shows its label.
  state.placePendingLabel(state.type.leading)
}

/** The label of an item: the list's bullet, or its number in the style the marker shows ('1.', 'a)', '(iv)'). */
export function labelOf(node: List, index: number): string {
  const marker = node.marker?.trim()
  if (!node.ordered) {
    if (
      marker &&
      [...marker].length === 1 &&
      face('text', 'regular').font.hasGlyphForCodePoint(marker.codePointAt(0) ?? 0)
    ) {
      return marker
    }
    return '•'
  }
  return listItemLabel(node, index) ?? '•'
}
