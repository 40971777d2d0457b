import type {Diagnostic, Node, Severity} from '@folio/ast'

export const SOURCE = 'folio-render-html'

/** A diagnostic of this package, placed at the node's page and box when the tree knows them. */
export function diagnostic(ruleId: string, severity: Severity, message: string, node?: Node): Diagnostic {
  const place = node?.data?.source
  return place ? {ruleId, source: SOURCE, severity, message, place} : {ruleId, source: SOURCE, severity, message}
}
