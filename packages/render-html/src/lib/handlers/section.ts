import type {Section} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {childrenOf} from '../children.js'
import type {Handler, State} from '../types.js'
import {headingName} from './heading.js'

/** A section that holds nothing but notes (and page breaks): the report's own "Notes". */
export function isNotesSection(node: Section): boolean {
  const rest = childrenOf(node).slice(1)
  return (
    rest.some((c) => c.type === 'footnoteDefinition') &&
    rest.every((c) => c.type === 'footnoteDefinition' || c.type === 'pageBreak')
  )
}

/**
 * The ids that name a section. Named sections are landmarks, and landmarks
 * need distinct names: a repeated title ("Recommendations" in every chapter)
 * is named with its parents' headings too, and left unnamed (a plain
 * section) if even that repeats. No name for a section without heading text.
 */
function labelOf(state: State, node: Section, name: string, id: string): string[] | undefined {
  if (name === '') return undefined
  const chain = [...state.sectionStack, {id, name}]
  for (const candidate of [chain.slice(-1), chain]) {
    const full = candidate.map((c) => c.name).join(' ')
    if (!state.landmarkNames.has(full)) {
      state.landmarkNames.add(full)
      return candidate.map((c) => c.id)
    }
  }
  state.report(
    'section-name-repeated',
    'info',
    `Unexpected repeated section title “${name}”, expected a distinct title`,
    node,
  )
  return undefined
}

// The section is named by its heading, which carries the section's id (the
// section carries it when there is no heading text). The report's own notes
// section becomes the endnotes, filled once every reference is known, so the
// page has one list of notes under the report's heading.
export const section: Handler<Section> = (state, node) => {
  const children = childrenOf<Section['children'][number]>(node)
  const first = children[0]
  const name = first?.type === 'heading' ? headingName(first) : ''
  const id = state.sectionId(node)
  const labelledBy = labelOf(state, node, name, id)
  const ownId = name === '' ? id : undefined

  if (state.options.handlers?.footnoteDefinition === undefined && isNotesSection(node)) {
    const rest = children.slice(1)
    const list = h('ol')
    state.notesHosts.push({
      list,
      identifiers: rest.flatMap((c) => (c.type === 'footnoteDefinition' ? [c.identifier] : [])),
    })
    const nl: ElementContent = {type: 'text', value: '\n'}
    const content: ElementContent[] = first ? [nl, ...state.one(first, node)] : []
    // The pages the notes ran over stay citable, just before the list.
    const markers = rest.flatMap((c) => (c.type === 'pageBreak' ? state.one(c, node) : []))
    if (markers.length > 0) content.push(nl, h('div', {className: ['pagebreaks']}, markers))
    content.push(nl, list, nl)
    const element = h(
      'section',
      {id: ownId, className: ['endnotes'], role: 'doc-endnotes', ariaLabelledBy: labelledBy},
      content,
    )
    state.patch(node, element)
    return element
  }

  // A section without a heading adds no rank: its sub-sections' headings move
  // up one, so the outline still skips none.
  if (name !== '') state.sectionStack.push({id, name})
  else state.rankShift++
  const content = state.all(node)
  if (name !== '') state.sectionStack.pop()
  else state.rankShift--
  const element = h('section', {id: ownId, ariaLabelledBy: labelledBy}, content)
  state.patch(node, element)
  return element
}
