import type {Content, Text} from '@folio/ast'
import type {Text as HastText} from 'hast'
import {cleanText} from '../text.js'
import type {Handler, State} from '../types.js'

/** Text made safe for HTML (see `cleanText`), with a diagnostic for each change. */
export function safeText(state: State, value: string, node: Content | undefined): string {
  const clean = cleanText(value)
  if (clean.removed > 0) {
    state.report(
      'control-character-dropped',
      'info',
      `Unexpected ${clean.removed} control character${clean.removed === 1 ? '' : 's'} in text, expected printable text`,
      node,
    )
  }
  if (clean.balanced) {
    state.report(
      'bidi-control-balanced',
      'info',
      'Unexpected unbalanced bidi controls in text, expected each embedding or isolate to be closed',
      node,
    )
  }
  return clean.value
}

export const text: Handler<Text> = (state, node): HastText => ({type: 'text', value: safeText(state, node.value, node)})
