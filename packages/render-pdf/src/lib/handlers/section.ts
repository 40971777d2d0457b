import type {Heading, Section} from '@folio/ast'
import {plainText} from '@folio/ast'
import type {State, Tag} from '../state.js'
import {keepHeight} from './figure.js'
import {setText} from './text-block.js'

export function section(node: Section, state: State, parent: Tag): void {
  const tag = state.tag('Sect', parent)
  // A heading directly followed by a sub-section's heading keeps room for that heading too.
  let extra = 0
  let next = node.children[1]
  while (next?.type === 'section') {
    const spec = state.type.headings[next.depth]
    extra += spec.before + spec.leading + spec.after
    next = next.children[1]
  }
  // And room for a figure that follows, whole.
  extra += keepHeight(next, state) - state.type.keepLines * state.type.leading
  const saved = state.keepExtra
  state.keepExtra = extra
  state.all(node, tag)
  state.keepExtra = saved
}

/** A heading: H1–H6 by depth, kept with what follows, with a bookmark to it. */
export function heading(node: Heading, state: State, parent: Tag): void {
  const depth = node.depth
  const spec = state.type.headings[depth]
  const tag = state.tag(`H${depth}`, parent)
  const title = [node.numbering, plainText(node).replace(/\s+/g, ' ').trim()].filter(Boolean).join(' ')
  tag.onFirstContent = () => {
    const {doc, outline} = state
    const holder = depth > 1 ? findParent(outline, depth) : undefined
    const item = (holder ?? doc.outline).addItem(title || `Section ${depth}`)
    // Point the bookmark at the heading itself, not at the top of its page.
    ;(item as unknown as {outlineData: Record<string, unknown>}).outlineData.Dest = [
      doc.page.dictionary,
      'XYZ',
      null,
      state.geometry.height - state.y + 4,
      null,
    ]
    outline[depth] = item
    outline.length = depth + 1
  }
  const children = node.numbering
    ? [{type: 'text' as const, value: `${node.numbering}\u2002`}, ...node.children]
    : node.children
  setText(
    state,
    tag,
    children,
    {style: depth >= 5 ? 'boldItalic' : 'bold', size: spec.size},
    {
      leading: spec.leading,
      spaceBefore: spec.before,
      spaceAfter: spec.after,
      keepWithNext: true,
      keepExtra: state.keepExtra,
    },
  )
  state.keepExtra = 0
}

function findParent(
  outline: ReadonlyArray<PDFKit.PDFOutline | undefined>,
  depth: number,
): PDFKit.PDFOutline | undefined {
  for (let level = depth - 1; level >= 1; level--) {
    const item = outline[level]
    if (item) return item
  }
  return undefined
}
