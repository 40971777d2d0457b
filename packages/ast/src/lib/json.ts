import type {Root} from './types.js'
import {AST_VERSION} from './version.js'

/** Serialize a tree with its version stamp. */
export function toJson(tree: Root, space: number | undefined = 2): string {
  return `${JSON.stringify({...tree, version: AST_VERSION}, null, space)}\n`
}

/** Parse a serialized tree; refuse another major version. */
export function fromJson(text: string): Root {
  const tree = JSON.parse(text) as Root
  if (tree?.type !== 'root') throw new Error(`Unexpected \`${String(tree?.type)}\`, expected a serialized \`root\``)
  const major = AST_VERSION.split('.')[0]
  if (typeof tree.version !== 'string' || tree.version.split('.')[0] !== major) {
    throw new Error(`Unexpected tree version \`${String(tree.version)}\`, expected ${major}.x`)
  }
  return tree
}
