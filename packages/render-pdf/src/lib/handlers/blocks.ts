import type {Aside, Blockquote, Code, FootnoteDefinition} from '@folio/ast'
import type {State, Tag} from '../state.js'
import {noteDestination} from './inline.js'
import {setText} from './text-block.js'

export function blockquote(node: Blockquote, state: State, parent: Tag): void {
  const tag = state.tag('BlockQuote', parent)
  const em = state.type.size
  state.indented(1.6 * em, 1.6 * em, () => state.all(node, tag))
}

/**
 * Sidebars, call-outs and colophons: a section of their own, set off by a rule.
 * A title names the Sect (`/T`) and is set as a bold paragraph, never a
 * heading: a box stands beside the outline, and an H inside it would break
 * the nesting of the headings around it.
 */
export function aside(node: Aside, state: State, parent: Tag): void {
  const title = node.title?.replace(/\s+/g, ' ').trim()
  const tag = state.tag('Sect', parent, title ? {title} : {})
  const em = state.type.size
  const top = state.y
  const page = state.pageNumber
  const saved = state.asideStyle
  // Colophons keep the size of the text; boxes set apart are set a size smaller, as print sets them.
  state.asideStyle = node.kind !== 'colophon'
  state.indented(1.2 * em, 0, () => {
    if (title) {
      setText(state, state.tag('P', tag), [{type: 'text', value: title}], {style: 'bold'}, {keepWithNext: true})
    }
    state.all(node, tag)
  })
  state.asideStyle = saved
  if (state.pageNumber === page) {
    const x = state.geometry.left + state.indent + 0.4 * em
    const bottom = state.y - state.type.leading * 0.5
    state.artifact('Layout', () => {
      state.doc.save().lineWidth(1.5).strokeColor('#9a9a9a').moveTo(x, top).lineTo(x, bottom).stroke().restore()
    })
  }
  // The running text resumes a little below the box.
  state.y += state.type.leading * 0.3
}

/** Code: monospace lines, broken only where a line is longer than the measure. */
export function code(node: Code, state: State, parent: Tag): void {
  const paragraph = state.tag('P', parent)
  const tag = state.tag('Code', paragraph)
  const size = state.type.size * 0.86
  const leading = size * 1.4
  const lines = node.value.split('\n').flatMap((line) => {
    const pieces = state.text(line.replace(/ /g, '\u00a0'), state.context(tag, {family: 'mono', size}))
    return state.breakLines(pieces, state.width - 1.2 * state.type.size)
  })
  state.placeLines(lines, {
    indent: state.indent + 1.2 * state.type.size,
    width: state.width,
    leading,
    spaceBefore: 0,
    spaceAfter: state.type.leading * 0.55,
  })
}

/** A footnote: a Note with an ID, its label hanging in the margin, set small. */
export function footnoteDefinition(node: FootnoteDefinition, state: State, parent: Tag): void {
  const id = noteDestination(node.identifier)
  const tag = state.tag('Note', parent, {id})
  tag.onFirstContent = () => {
    state.doc.addNamedDestination(id, 'XYZ', null, state.y, null)
  }
  const size = state.type.noteSize
  const label = state.tag('Lbl', tag)
  const indent = 1.6 * size
  state.indented(indent, 0, () => {
    state.pendingLabel = {
      pieces: state.text(node.label ?? node.identifier, state.context(label, {size})),
      right: state.indent - 0.5 * size,
    }
    const saved = state.noteStyle
    state.noteStyle = true
    state.all(node, tag)
    state.noteStyle = saved
    // A note with no text still shows its label.
    state.placePendingLabel(state.type.noteLeading)
  })
}
