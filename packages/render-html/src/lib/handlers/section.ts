import type {Section} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Handler} from '../types.js'

/** A section that holds nothing but notes (and page breaks): the report's own "Notes". */
export function isNotesSection(node: Section): boolean {
  const rest = node.children.slice(1)
  return (
    rest.some((c) => c.type === 'footnoteDefinition') &&
    rest.every((c) => c.type === 'footnoteDefinition' || c.type === 'pageBreak')
  )
}

// The section is named by its heading, which carries the section's id. The
// report's own notes section becomes the endnotes (filled once every reference
// is known), so the page has one list of notes under the report's heading.
export const section: Handler<Section> = (state, node) => {
  if (state.options.handlers?.footnoteDefinition === undefined && isNotesSection(node)) {
    const [heading, ...rest] = node.children
    const list = h('ol')
    state.notesHosts.push({
      list,
      identifiers: rest.flatMap((c) => (c.type === 'footnoteDefinition' ? [c.identifier] : [])),
    })
    const nl: ElementContent = {type: 'text', value: '\n'}
    const content: ElementContent[] = heading ? [nl, ...state.one(heading, node)] : []
    // The pages the notes ran over stay citable, just before the list.
    const markers = rest.flatMap((c) => (c.type === 'pageBreak' ? state.one(c, node) : []))
    if (markers.length > 0) content.push(nl, h('div', {className: ['pagebreaks']}, markers))
    content.push(nl, list, nl)
    const element = h(
      'section',
      {className: ['endnotes'], role: 'doc-endnotes', ariaLabelledBy: state.sectionId(node)},
      content,
    )
    state.patch(node, element)
    return element
  }
  // A section without a heading (a tree that breaks the spec) is written unnamed, never named by a missing id.
  const named = node.children[0]?.type === 'heading'
  const element = h('section', {ariaLabelledBy: named ? state.sectionId(node) : undefined}, state.all(node))
  state.patch(node, element)
  return element
}
