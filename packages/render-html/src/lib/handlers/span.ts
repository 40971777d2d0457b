import type {Span} from '@folio/ast'
import {h} from 'hastscript'
import {validLanguage} from '../language.js'
import type {Handler} from '../types.js'

export const span: Handler<Span> = (state, node) => {
  const lang = node.lang === undefined ? undefined : validLanguage(node.lang)
  if (node.lang !== undefined && lang === undefined) {
    state.report(
      'invalid-language-tag',
      'info',
      `Unexpected language \`${node.lang}\`, expected a known BCP 47 language`,
      node,
    )
  }
  const dir = node.dir === 'rtl' || node.dir === 'ltr' ? node.dir : undefined
  if (lang === undefined && dir === undefined) return state.all(node)
  const element = h('span', {lang, dir}, state.all(node))
  state.patch(node, element)
  return element
}
