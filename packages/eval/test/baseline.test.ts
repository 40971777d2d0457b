import {readFile} from 'node:fs/promises'
import type {Root} from '@folio/ast'
import {fromJson, u} from '@folio/ast'
import {extract, type Layout} from '@folio/extract'
import {listReports} from '@folio/fixtures'
import {describe, expect, it} from 'vitest'
import {corpusGoldDir, defaultCorpus, listCorpusGold, score} from '../src/index.js'

/**
 * The tree a reader without any craft would make: every line of every page a
 * paragraph, in the PDF's order, with nothing joined and nothing dropped.
 */
function naiveTree(layout: Layout): Root {
  const lines = layout.pages.flatMap((page) => page.lines.map((line) => u.paragraph([u.text(line.text)])))
  return u.root({lang: 'en', source: {pages: layout.pageCount, tagged: false, encrypted: false}}, lines)
}

const golds = listReports().filter((report) => report.gold !== undefined && report.artifacts !== undefined)

describe('a naive reading of the real fixture PDFs', () => {
  it.each(golds.map((report) => [report.name, report] as const))(
    '%s scores badly where it is bad',
    async (_, report) => {
      const gold = fromJson(await readFile(report.gold!, 'utf8'))
      const artifacts = JSON.parse(await readFile(report.artifacts!, 'utf8')) as string[] | {lines: string[]}
      const layout = await extract(new Uint8Array(await readFile(report.pdf)), {file: report.pdf})
      const result = score(gold, naiveTree(layout), {artifacts: Array.isArray(artifacts) ? artifacts : artifacts.lines})
      expect(result.headings.recall ?? 0).toBe(0)
      expect(result.listItems.recall ?? 0).toBe(0)
      expect(result.artifactLeaks.count).toBeGreaterThan(0)
      expect(result.text.similarity).toBeLessThan(0.99)
      // Lines of text hold no table and no aside.
      expect([result.tables.recall ?? 0, result.tables.cellAccuracy ?? 0, result.asides.recall ?? 0]).toEqual([0, 0, 0])
    },
    120_000,
  )

  it('counts the words the Rasanah report splits at line and page ends', async () => {
    const report = listReports().find((entry) => entry.name === 'rasanah-2024-defense-alliance')
    expect(report?.gold).toBeDefined()
    const gold = fromJson(await readFile(report!.gold!, 'utf8'))
    const layout = await extract(new Uint8Array(await readFile(report!.pdf)), {file: report!.pdf})
    const result = score(gold, naiveTree(layout))
    // Justified and hyphenated: a naive reading leaves dozens of words split at line ends.
    expect(result.brokenWords.count).toBeGreaterThan(20)
    expect(result.brokenWords.examples.every((example) => /^\S+- \S+$/.test(example))).toBe(true)
    expect(result.overJoins.count).toBe(0)
    // Body pages 3–11 print their number; the contents lists four entries.
    expect(result.artifactLeaks.pageNumbers).toBeGreaterThanOrEqual(9)
    expect(result.artifactLeaks.contents).toBe(4)
  }, 120_000)
})

/** Gold trees of real PDFs; the PDFs live beside the checkout and may be absent (CI). */
const corpusGolds = listCorpusGold(corpusGoldDir, defaultCorpus)

describe('a naive reading of the real corpus PDFs with gold', () => {
  for (const entry of corpusGolds) {
    // The corpus is not part of the checkout: without the PDF the case is skipped, saying why.
    const title = entry.present
      ? `${entry.name} scores badly where it is bad`
      : `${entry.name} (skipped: source PDF not found at ${entry.pdf})`
    it.skipIf(!entry.present)(
      title,
      async () => {
        const gold = fromJson(await readFile(entry.gold, 'utf8'))
        const artifacts = JSON.parse(await readFile(entry.artifacts!, 'utf8')) as string[]
        const layout = await extract(new Uint8Array(await readFile(entry.pdf)), {file: entry.pdf})
        const result = score(gold, naiveTree(layout), {artifacts})
        // Every heading comes out as a paragraph line, every list as loose lines.
        expect(result.headings.recall).toBe(0)
        expect(result.listItems.recall ?? 0).toBe(0)
        // Running heads, footers and folios stay in the body.
        expect(result.artifactLeaks.count).toBeGreaterThan(0)
        expect(result.text.similarity).toBeLessThan(0.995)
      },
      120_000,
    )
  }
})
