import type {Span} from '@folio/ast'
import {h} from 'hastscript'
import type {Handler} from '../types.js'

const languageTag = /^[a-zA-Z]{2,8}(?:-[a-zA-Z0-9]{1,8})*$/

export const span: Handler<Span> = (state, node) => {
  const lang = node.lang !== undefined && languageTag.test(node.lang) ? node.lang : undefined
  if (node.lang !== undefined && lang === undefined) {
    state.report('invalid-language-tag', 'info', `Unexpected language \`${node.lang}\`, expected a BCP 47 tag`, node)
  }
  const dir = node.dir === 'rtl' || node.dir === 'ltr' ? node.dir : undefined
  if (lang === undefined && dir === undefined) return state.all(node)
  const element = h('span', {lang, dir}, state.all(node))
  state.patch(node, element)
  return element
}
