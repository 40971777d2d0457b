import type {Caption, Figure, Image} from '@folio/ast'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {childrenOf} from '../children.js'
import {safeImageSource} from '../safe-url.js'
import type {Handler} from '../types.js'
import {safeText} from './text.js'

/** The caption that names a figure's table, if the figure holds a table and a caption. */
export function tableCaption(node: Figure): Caption | undefined {
  const children = childrenOf(node)
  if (!children.some((child) => child.type === 'table')) return undefined
  return children.find((child): child is Caption => child.type === 'caption')
}

// A table's caption comes first, as tables are captioned in print and read aloud:
// the reader hears what the table is before its rows. An image's caption follows it.
export const figure: Handler<Figure> = (state, node) => {
  const captioned = tableCaption(node)
  let content: ElementContent[]
  if (captioned) {
    const rest = childrenOf(node).filter((child) => child !== captioned)
    content = [{type: 'text', value: '\n'}, ...state.one(captioned, node)]
    for (const child of rest) content.push({type: 'text', value: '\n'}, ...state.one(child, node))
    content.push({type: 'text', value: '\n'})
  } else content = state.all(node)
  if (!content.some((child) => child.type === 'element')) return undefined
  const element = h('figure', content)
  state.patch(node, element)
  return element
}

export const image: Handler<Image> = (state, node) => {
  const src = node.url === undefined ? undefined : safeImageSource(node.url)
  if (src === undefined) {
    if (node.url === undefined) {
      state.report('image-not-embedded', 'info', 'Unexpected image without data, expected an embedded image', node)
    } else {
      state.report(
        'unsafe-image-dropped',
        'info',
        'Unexpected image source, expected a raster `data:` URI, an http(s) URL or a relative file name',
        node,
      )
    }
    return undefined
  }
  if (node.alt === undefined) {
    // Unknown alt text is not "decorative"; an empty alt is still better than a file name read aloud.
    state.report('image-alt-missing', 'warning', 'Unexpected image without alt text, expected a description', node)
  }
  const element = h('img', {src, alt: node.alt === undefined ? '' : safeText(state, node.alt, node)})
  state.patch(node, element)
  return element
}

export const caption: Handler<Caption> = (state, node, parent) => {
  const names = parent?.type === 'figure' && tableCaption(parent) === node
  const element = h('figcaption', {id: names ? state.captionId(node) : undefined}, state.all(node))
  state.patch(node, element)
  return element
}
