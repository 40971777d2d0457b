import type {Paragraph} from '@folio/ast'
import type {State, Tag} from '../state.js'
import {setText} from './text-block.js'

export function paragraph(node: Paragraph, state: State, parent: Tag): void {
  setText(state, state.tag('P', parent), node.children)
}
