import {join} from 'node:path'
import type {Root} from '@folio/ast'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {corpusDir, layoutOf, requireCorpus, text} from './helpers.js'

type AnyNode = Parameters<typeof text>[0]

/**
 * Reading order on multi-column pages is checked against pdftotext on every
 * page of the corpus by `pnpm eval` (column "interleaved"), and on a sample of
 * pages in packages/eval/test/order.test.ts.
 */

const corpus = requireCorpus()

/** Letters only, case and ligatures folded: immune to hyphen joins, spacing, note markers and punctuation. */
function letters(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '')
}

/** Every paragraph and heading of the tree in order (items and asides included, notes left out), as one letter string. */
function folioLetters(tree: Root): string {
  const out: string[] = []
  const walk = (node: AnyNode) => {
    if (node.type === 'footnoteDefinition') return
    if (node.type === 'paragraph' || node.type === 'heading') out.push(text(node))
    else for (const child of node.children ?? []) walk(child)
  }
  walk(tree as unknown as AnyNode)
  return letters(out.join('\n'))
}

describe.skipIf(!corpus)('text run up the side margin', () => {
  it('federal-register: a stamp printed up the margin of every page stays out of the columns', async () => {
    const layout = await layoutOf(
      join(corpusDir, 'federal-register-2020-17221-boeing-737-max-airworthiness-directive.pdf'),
    )
    const stamps = layout.pages.flatMap((page) => page.lines.filter((line) => line.angle !== undefined))
    expect(stamps.length).toBeGreaterThan(10)
    const {tree, diagnostics} = normalize(layout)
    const body = folioLetters(tree)
    for (const stamp of stamps) expect(body).not.toContain(letters(stamp.text))
    expect(diagnostics.filter((diagnostic) => /margin line/.test(diagnostic.message)).length).toBe(stamps.length)
  })
})
