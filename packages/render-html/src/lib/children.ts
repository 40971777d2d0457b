import type {Content} from '@folio/ast'

/**
 * The children of a node, or none: a tree that breaks the spec (a parent
 * without an array of children) renders what it can instead of crashing.
 */
export function childrenOf<T extends Content = Content>(node: unknown): T[] {
  const children = (node as {children?: unknown} | undefined)?.children
  return Array.isArray(children)
    ? (children.filter((c) => c && typeof c === 'object' && typeof c.type === 'string') as T[])
    : []
}
