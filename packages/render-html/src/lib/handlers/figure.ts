import type {Caption, Figure, Image} from '@folio/ast'
import {h} from 'hastscript'
import {safeImageSource} from '../safe-url.js'
import type {Handler} from '../types.js'
import {safeText} from './text.js'

export const figure: Handler<Figure> = (state, node) => {
  const content = state.all(node)
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

export const caption: Handler<Caption> = (state, node) => {
  const element = h('figcaption', state.all(node))
  state.patch(node, element)
  return element
}
