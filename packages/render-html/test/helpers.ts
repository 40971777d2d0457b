import type {Content, Diagnostic, Root} from '@folio/ast'
import {toHtml as serialize} from 'hast-util-to-html'
import type {ToHastOptions} from '../src/index.js'
import {toHast} from '../src/index.js'

/** Render a node through `toHast` and serialize it, without the newlines between blocks. */
export function html(node: Root | Content, options: ToHastOptions = {}): string {
  return serialize(toHast(node, options)).replace(/\n/g, '')
}

/** Render and collect the diagnostics too. */
export function htmlWithDiagnostics(
  node: Root | Content,
  options: ToHastOptions = {},
): {value: string; diagnostics: Diagnostic[]} {
  const diagnostics: Diagnostic[] = []
  const value = html(node, {...options, diagnostics})
  return {value, diagnostics}
}
