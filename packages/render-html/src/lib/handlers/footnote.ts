import type {FootnoteDefinition, FootnoteReference} from '@folio/ast'
import {h} from 'hastscript'
import {footnoteId, footnoteReferenceId} from '../ids.js'
import type {Handler} from '../types.js'
import {safeText} from './text.js'

/** The label a note is shown with: as printed, else its place among the notes. */
export function noteLabel(
  state: {definitions: Map<string, FootnoteDefinition>; footnoteOrder: string[]},
  identifier: string,
  printed?: string,
): string {
  const label = printed ?? state.definitions.get(identifier)?.label
  if (label !== undefined && label !== '') return label
  const index = state.footnoteOrder.indexOf(identifier)
  return String(index === -1 ? state.footnoteOrder.length + 1 : index + 1)
}

// Definitions are gathered into the endnotes (see `endnotes`); in the flow they leave nothing.
export const footnoteDefinition: Handler<FootnoteDefinition> = () => undefined

export const footnoteReference: Handler<FootnoteReference> = (state, node) => {
  const identifier = String(node.identifier ?? '')
  const count = (state.footnoteCounts.get(identifier) ?? 0) + 1
  state.footnoteCounts.set(identifier, count)
  if (count === 1) state.footnoteOrder.push(identifier)
  const label = safeText(state, noteLabel(state, identifier, node.label), node)
  const local = state.definitions.has(identifier)
  const href = state.options.footnoteHref
    ? state.options.footnoteHref(identifier)
    : local
      ? `#${footnoteId(identifier, state.idPrefix)}`
      : undefined
  if (href === undefined) {
    state.report(
      'footnote-definition-missing',
      'warning',
      `Unexpected footnote reference \`${identifier}\` without a definition, expected a footnote definition`,
      node,
    )
    return h('sup', {className: ['noteref']}, label)
  }
  const element = h('a', {href, id: footnoteReferenceId(identifier, count, state.idPrefix), role: 'doc-noteref'}, label)
  state.patch(node, element)
  return h('sup', {className: ['noteref']}, [element])
}
