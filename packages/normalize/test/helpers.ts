import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Content, Root} from '@folio/ast'
import {extract, type Layout} from '@folio/extract'

const here = dirname(fileURLToPath(import.meta.url))

/** The shared corpus of real PDFs, beside the checkout. */
export const corpusDir = join(here, '../../../../shared/corpus')

export const corpusPresent = existsSync(corpusDir)

/**
 * Whether corpus tests run. The shared corpus lives beside the checkout and no
 * install step provides it, so where it is absent they skip with a reason.
 */
export function requireCorpus(): boolean {
  if (!corpusPresent) console.warn(`skipping corpus tests: no corpus at ${corpusDir}`)
  return corpusPresent
}

const layouts = new Map<string, Promise<Layout>>()

/** Extracts a PDF once per test run. */
export function layoutOf(path: string): Promise<Layout> {
  let layout = layouts.get(path)
  if (!layout) {
    layout = extract(new Uint8Array(readFileSync(path)), {file: path})
    layouts.set(path, layout)
  }
  return layout
}

type AnyNode = Content & {children?: AnyNode[]; value?: string}

/** Every node of a tree, depth first. */
export function nodes(tree: Root | AnyNode): AnyNode[] {
  const out: AnyNode[] = []
  const walk = (node: AnyNode) => {
    out.push(node)
    for (const child of node.children ?? []) walk(child)
  }
  walk(tree as AnyNode)
  return out
}

/** Plain text of a node's phrasing (no block separators). */
export function text(node: AnyNode): string {
  if (typeof node.value === 'string') return node.value
  return (node.children ?? []).map(text).join('')
}

/** The text of the body: every paragraph and heading outside toc, in order. */
export function bodyText(tree: Root): string {
  return nodes(tree)
    .filter((node) => node.type === 'paragraph' || node.type === 'heading')
    .map(text)
    .join('\n')
}
