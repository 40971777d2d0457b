import type {Content, Root} from '@folio/ast'
import type {ElementContent, Element as HastElement, Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import {noteLabel} from './handlers/footnote.js'
import {footnoteId, footnoteReferenceId} from './ids.js'
import {createState} from './state.js'
import type {State, ToHastOptions} from './types.js'

function noteItem(state: State, identifier: string): HastElement | undefined {
  const definition = state.definitions.get(identifier)
  if (!definition) return undefined
  const label = noteLabel(state, identifier)
  const body = state.all(definition).filter((child) => !(child.type === 'text' && child.value === '\n'))
  const seen = state.footnoteCounts.get(identifier) ?? 0
  // A note rendered apart from its references (an EPUB notes file) still links
  // back to the first one when the caller says where references live.
  const count = seen === 0 && state.options.footnoteBackHref ? 1 : seen
  const backlinks: ElementContent[] = []
  for (let n = 1; n <= count; n++) {
    const href = state.options.footnoteBackHref
      ? state.options.footnoteBackHref(identifier, n)
      : `#${footnoteReferenceId(identifier, n, state.idPrefix)}`
    const name = state.labels.backToReference.replace('{label}', count > 1 ? `${label} (${n})` : label)
    backlinks.push(
      {type: 'text', value: ' '},
      h('a', {href, role: 'doc-backlink', ariaLabel: name, lang: state.labelsLang}, '\u21A9\uFE0E'),
    )
  }
  const last = body.at(-1)
  if (backlinks.length > 0) {
    if (last?.type === 'element' && last.tagName === 'p') last.children.push(...backlinks)
    else body.push(h('p', backlinks.slice(1)))
  }
  const item = h('li', {id: footnoteId(identifier, state.idPrefix)}, [
    h('span', {className: ['note-label']}, label),
    h('div', {className: ['note-body']}, body),
  ])
  state.patch(definition, item)
  return item
}

/**
 * Write the endnotes of everything rendered with `state` so far. Notes that
 * the report keeps in a notes section of its own fill that section's list, in
 * document order; the others go to a new endnotes section, returned, in the
 * order of first reference (then unreferenced ones in document order). Each
 * note links back to every reference. Undefined when no note is left over.
 */
export function endnotes(state: State): HastElement | undefined {
  const done = new Set<string>()
  for (const host of state.notesHosts) {
    for (const identifier of host.identifiers) {
      if (done.has(identifier)) continue
      done.add(identifier)
      const item = noteItem(state, identifier)
      if (item) host.list.children.push({type: 'text', value: '\n'}, item)
    }
    host.list.children.push({type: 'text', value: '\n'})
  }
  const order = state.footnoteOrder
  const unreferenced = [...state.definitions.keys()].filter((id) => !order.includes(id) && !done.has(id))
  const items: ElementContent[] = []
  for (let index = 0; index < order.length || unreferenced.length > 0; index++) {
    // Notes can cite notes: the order grows while it is walked.
    if (index >= order.length) order.push(unreferenced.shift() as string)
    const identifier = order[index] as string
    if (done.has(identifier)) continue
    done.add(identifier)
    const item = noteItem(state, identifier)
    if (item) items.push({type: 'text', value: '\n'}, item)
  }
  if (items.length === 0) return undefined
  items.push({type: 'text', value: '\n'})
  const titleId = `${state.idPrefix}endnotes-title`
  const rank = state.notesRank
  const title =
    rank <= 6
      ? h(`h${rank}`, {id: titleId, lang: state.labelsLang}, state.labels.notes)
      : h('p', {id: titleId, role: 'heading', ariaLevel: rank, lang: state.labelsLang}, state.labels.notes)
  // The report may have a section of that name already: one name, one landmark.
  const named = !state.landmarkNames.has(state.labels.notes)
  if (named) state.landmarkNames.add(state.labels.notes)
  return h('section', {className: ['endnotes'], role: 'doc-endnotes', ariaLabelledBy: named ? titleId : undefined}, [
    {type: 'text', value: '\n'},
    title,
    {type: 'text', value: '\n'},
    h('ol', items),
    {type: 'text', value: '\n'},
  ])
}

/**
 * Turn a Folio tree, or any node of one, into hast: the content only (no
 * document shell), followed by the endnotes of the footnotes it references or
 * holds. Handlers are looked up by node type; `options.handlers` replaces any
 * of them; nodes of an unknown type are reported and their children kept.
 */
export function toHast(node: Root | Content, options: ToHastOptions = {}): HastRoot {
  const state = createState(node, options)
  const children = state.one(node, undefined)
  const notes = endnotes(state)
  return {type: 'root', children: notes ? [...children, notes, {type: 'text', value: '\n'}] : children}
}
