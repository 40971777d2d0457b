import type {Caption, Content, FootnoteDefinition, Root, Section} from '@folio/ast'
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {childrenOf} from './children.js'
import {diagnostic} from './diagnostic.js'
import {handlers as defaultHandlers} from './handlers/index.js'
import {captionId, sectionIds, slug} from './ids.js'
import {labelsFor} from './labels.js'
import type {Handler, ParentNode, State, ToHastOptions} from './types.js'
import {wholeWords} from './whole-words.js'

function collectDefinitions(node: Content, into: Map<string, FootnoteDefinition>): void {
  if (node.type === 'footnoteDefinition' && !into.has(node.identifier)) into.set(node.identifier, node)
  for (const child of childrenOf(node)) collectDefinitions(child, into)
}

/** The depth of the shallowest section at or under `node` (0 for a root). */
function topDepth(node: Content): number {
  if (node.type === 'root') return 0
  if (node.type === 'section') return node.depth
  return 1
}

const flowParents = new Set([
  'root',
  'section',
  'list',
  'listItem',
  'blockquote',
  'aside',
  'footnoteDefinition',
  'figure',
  'table',
  'tableRow',
])

/** A new state for rendering `node` (the whole tree or any part of it). */
export function createState(node: Root | Content, options: ToHastOptions = {}): State {
  const idPrefix = options.idPrefix ?? ''
  const ids = options.sectionIds ?? sectionIds(node, {idPrefix})
  const offset = options.headingOffset ?? 1
  if (!Number.isInteger(offset) || offset < 0 || offset > 5) {
    throw new RangeError(`Unexpected headingOffset \`${String(offset)}\`, expected an integer from 0 to 5`)
  }
  const docLang = options.lang ?? (node.type === 'root' ? node.meta?.lang : undefined) ?? 'en'
  const {labels, lang: labelsLang} = labelsFor(docLang, options.labels)
  const diagnostics = options.diagnostics ?? []
  const definitions = new Map<string, FootnoteDefinition>()
  collectDefinitions(node, definitions)
  const table = {...defaultHandlers, ...options.handlers} as Record<string, Handler<never> | undefined>
  const fallbackIds = new Map<Section, string>()
  const captionIds = new Map<Caption, string>()

  const state: State = {
    options,
    idPrefix,
    labels,
    labelsLang: labelsLang === docLang.toLowerCase().split('-')[0] ? undefined : labelsLang,
    diagnostics,
    definitions,
    footnoteOrder: [],
    footnoteCounts: new Map(),
    notesRank: topDepth(node) + offset + 1,
    notesHosts: [],
    landmarkNames: new Set(),
    sectionStack: [],
    rankShift: 0,
    one(child, parent) {
      const handler = (table[child.type] ?? options.unknownHandler ?? unknown) as Handler<Content>
      const result = handler(state, child, parent)
      if (result === undefined) return []
      return Array.isArray(result) ? result : [result]
    },
    all(parent) {
      const out: ElementContent[] = []
      // Blocks go on lines of their own, so the HTML reads (and diffs) well.
      const block = flowParents.has(parent.type)
      let markers: Element | undefined
      for (const child of wholeWords(childrenOf(parent))) {
        const rendered = state.one(child, parent)
        if (rendered.length === 0) continue
        // Page markers between blocks share one line: a run of pages with no
        // text of their own (a cover, a blank verso) reads as one row of labels.
        if (block && child.type === 'pageBreak' && state.options.handlers?.pageBreak === undefined) {
          if (markers) markers.children.push(...rendered)
          else {
            markers = h('div', {className: ['pagebreaks']}, rendered)
            out.push({type: 'text', value: '\n'}, markers)
          }
          continue
        }
        markers = undefined
        if (block) out.push({type: 'text', value: '\n'})
        out.push(...rendered)
      }
      if (block && out.length > 0) out.push({type: 'text', value: '\n'})
      return out
    },
    patch(from, to) {
      if (from.position) to.position = from.position
    },
    report(ruleId, severity, message, at) {
      diagnostics.push(diagnostic(ruleId, severity, message, at))
    },
    sectionId(section) {
      const known = ids.get(section)
      if (known !== undefined) return known
      // A section the id map has not seen (a caller's own handler made it):
      // give it an id that cannot collide with the mapped ones.
      let id = fallbackIds.get(section)
      if (id === undefined) {
        id = `${idPrefix}x-${slug(section.identifier ?? String(fallbackIds.size + 1))}-${fallbackIds.size + 1}`
        fallbackIds.set(section, id)
      }
      return id
    },
    headingRank(depth) {
      return Math.max(1, depth + offset - state.rankShift)
    },
    captionId(caption) {
      let id = captionIds.get(caption)
      if (id === undefined) {
        id = captionId(captionIds.size + 1, idPrefix)
        captionIds.set(caption, id)
      }
      return id
    },
  }
  return state
}

/** The default for a node type without a handler: report it, keep its content. */
const unknown: Handler<Content> = (state, node) => {
  state.report('unknown-node', 'warning', `Unexpected node \`${String(node.type)}\`, expected a Folio node type`, node)
  if (Array.isArray((node as {children?: unknown}).children)) return state.all(node as ParentNode)
  if ('value' in node && typeof node.value === 'string') return state.one({type: 'text', value: node.value}, undefined)
  return undefined
}
