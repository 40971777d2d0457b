import type {Content, Root} from '@folio/ast'
import type {ElementContent, Element as HastElement, Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import {noteLabel} from './handlers/footnote.js'
import {footnoteId, footnoteReferenceId} from './ids.js'
import {createState} from './state.js'
import type {State, ToHastOptions} from './types.js'

/**
 * The endnotes of everything rendered with `state` so far: one entry per
 * footnote, in the order of first reference (then unreferenced ones in document
 * order), each with a link back to every reference. Undefined when there are none.
 */
export function endnotes(state: State): HastElement | undefined {
  const order = state.footnoteOrder
  const unreferenced = [...state.definitions.keys()].filter((id) => !order.includes(id))
  if (order.length === 0 && unreferenced.length === 0) return undefined
  const items: ElementContent[] = []
  const done = new Set<string>()
  for (let index = 0; index < order.length || unreferenced.length > 0; index++) {
    // Notes can cite notes: the order grows while it is walked.
    if (index >= order.length) order.push(unreferenced.shift() as string)
    const identifier = order[index] as string
    const definition = state.definitions.get(identifier)
    if (!definition || done.has(identifier)) continue
    done.add(identifier)
    const label = noteLabel(state, identifier)
    const body = state.all(definition).filter((child) => !(child.type === 'text' && child.value === '\n'))
    const count = state.footnoteCounts.get(identifier) ?? 0
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
    items.push({type: 'text', value: '\n'}, item)
  }
  if (items.length === 0) return undefined
  items.push({type: 'text', value: '\n'})
  const titleId = `${state.idPrefix}endnotes-title`
  const rank = state.notesRank
  const title =
    rank <= 6
      ? h(`h${rank}`, {id: titleId, lang: state.labelsLang}, state.labels.notes)
      : h('p', {id: titleId, role: 'heading', ariaLevel: rank, lang: state.labelsLang}, state.labels.notes)
  return h('section', {className: ['endnotes'], role: 'doc-endnotes', ariaLabelledBy: titleId}, [
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
