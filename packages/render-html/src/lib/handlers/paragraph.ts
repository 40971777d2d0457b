import type {Paragraph} from '@folio/ast'
import {h} from 'hastscript'
import {childrenOf} from '../children.js'
import type {Handler} from '../types.js'
import {soleSpan} from './block-language.js'

export const paragraph: Handler<Paragraph> = (state, node) => {
  const content = state.all(node)
  if (content.length === 0) return undefined
  const span = soleSpan(childrenOf(node))
  const only = content.length === 1 ? content[0] : undefined
  // A paragraph that is one span in another language takes the span's language
  // and direction itself (the span's own handler has vetted them).
  if (span && only?.type === 'element' && only.tagName === 'span') {
    const element = h(
      'p',
      {lang: only.properties['lang'] as string, dir: only.properties['dir'] as string},
      only.children,
    )
    state.patch(node, element)
    return element
  }
  const element = h('p', content)
  state.patch(node, element)
  return element
}
