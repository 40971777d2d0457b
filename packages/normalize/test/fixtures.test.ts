import {readFileSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {assert as assertTree, type Root} from '@folio/ast'
import {listReports} from '@folio/fixtures'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {layoutOf, nodes, text} from './helpers.js'

const here = dirname(fileURLToPath(import.meta.url))
const reports = listReports()
// Combining marks are set aside: Arabic tanween is written before or after its alef ("أحدًا", "أحداً").
const words = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+(?:[-’'][\p{L}\p{N}]+)*/gu) ?? []

/** What a careful reader checks: headings with their depth, list items, body words, page milestones. */
function facts(tree: Root) {
  const all = nodes(tree)
  const inToc = new Set(all.filter((node) => node.type === 'toc').flatMap((node) => nodes(node)))
  const body = all.filter((node) => !inToc.has(node))
  return {
    headings: body
      .filter((node) => node.type === 'heading')
      .map((node) => `${'depth' in node ? node.depth : 0} ${text(node)}`),
    items: body
      .filter((node) => node.type === 'listItem')
      .map((node) =>
        (node.children ?? [])
          .filter((child) => child.type === 'paragraph')
          .map(text)
          .join(' ')
          .replace(/\s+/g, ' '),
      ),
    words: words(
      body
        .filter((node) => node.type === 'paragraph' || node.type === 'heading')
        .map(text)
        .join(' '),
    ),
    pageBreaks: body.filter((node) => node.type === 'pageBreak').map((node) => ('page' in node ? node.page : 0)),
  }
}

describe('fixture reports: Layout in, tree out', () => {
  expect(reports.length).toBeGreaterThan(0)
  for (const report of reports) {
    it(`${report.name}: a valid tree that matches its expected snapshot`, async () => {
      const {tree, diagnostics} = normalize(await layoutOf(report.pdf))
      assertTree(tree)
      const expectedPath = join(here, 'expected', `${report.name}.json`)
      const actual = `${JSON.stringify({tree, diagnostics}, null, 1)}\n`
      if (process.env.UPDATE) writeFileSync(expectedPath, actual)
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'))
    })

    if (!report.gold) continue
    it(`${report.name}: reads as its gold tree`, async () => {
      const gold = JSON.parse(readFileSync(report.gold!, 'utf8')) as Root
      const {tree} = normalize(await layoutOf(report.pdf))
      const found = facts(tree)
      const expected = facts(gold)
      expect(found.headings).toEqual(expected.headings)
      expect(found.items).toEqual(expected.items)
      expect(found.words).toEqual(expected.words)
      expect(found.pageBreaks).toEqual(expected.pageBreaks)
      for (const field of ['title', 'subtitle', 'publisher', 'authors', 'lang', 'translations'] as const) {
        expect(tree.meta[field], field).toEqual(gold.meta[field])
      }
      // As precise as the document prints it: "June 2025" is 2025-06 even where the gold knows the day.
      expect(gold.meta.date?.startsWith(tree.meta.date ?? '-')).toBe(true)
      expect(tree.children.find((node) => node.type === 'toc')).toEqual(
        gold.children.find((node) => node.type === 'toc'),
      )
    })
  }
})
