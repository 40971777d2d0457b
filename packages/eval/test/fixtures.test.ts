import {spawnSync} from 'node:child_process'
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Content, Root} from '@folio/ast'
import {fromJson} from '@folio/ast'
import {listReports, reportsDir} from '@folio/fixtures'
import {describe, expect, it} from 'vitest'
import type {EvalReport} from '../src/index.js'
import {
  artifactLeaks,
  brokenWords,
  collect,
  corpusGoldDir,
  defaultCorpus,
  headingScore,
  listCorpusGold,
  listItemScore,
  overJoins,
  score,
  textScore,
  words,
} from '../src/index.js'

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const fixtureGolds = listReports().filter((report) => report.gold !== undefined)
/** Gold trees of real PDFs: checked here as trees; their PDFs need not be on the machine. */
const corpusGolds = listCorpusGold(corpusGoldDir, defaultCorpus).map((entry) => ({
  name: `corpus/${entry.name}`,
  gold: entry.gold as string | undefined,
  artifacts: entry.artifacts,
}))
const golds = [...fixtureGolds, ...corpusGolds]

async function readArtifacts(path: string | undefined): Promise<string[]> {
  if (path === undefined) return []
  const parsed = JSON.parse(await readFile(path, 'utf8')) as string[] | {lines: string[]}
  return Array.isArray(parsed) ? parsed : parsed.lines
}

/** A copy of a tree with every heading turned into a paragraph (its number kept), sections dissolved. */
function withoutHeadings(tree: Root): Root {
  const flatten = (nodes: Content[]): Content[] =>
    nodes.flatMap((node) => {
      if (node.type === 'section') return flatten(node.children)
      if (node.type === 'heading') {
        const number = node.numbering === undefined ? [] : [{type: 'text', value: `${node.numbering} `}]
        return [{type: 'paragraph', children: [...number, ...node.children]} as Content]
      }
      return [node]
    })
  return {...tree, children: flatten(tree.children) as Root['children']}
}

describe('the gold fixtures', () => {
  it('exist', () => {
    expect(golds.length, `fixture reports with a gold.json under ${reportsDir}`).toBeGreaterThan(0)
  })

  it('include gold trees of real PDFs', () => {
    expect(corpusGolds.length, `gold trees under ${corpusGoldDir}`).toBeGreaterThanOrEqual(4)
  })

  it.each(golds.map((report) => [report.name, report] as const))(
    '%s scores perfectly against itself',
    async (_, report) => {
      const gold = fromJson(await readFile(report.gold!, 'utf8'))
      const result = score(gold, structuredClone(gold), {artifacts: await readArtifacts(report.artifacts)})
      expect(result.headings.recall ?? 1).toBe(1)
      expect(result.headings.precision ?? 1).toBe(1)
      expect(result.headings.levelAgreement ?? 1).toBe(1)
      expect(result.listItems.recall ?? 1).toBe(1)
      expect(result.text.similarity).toBe(1)
      expect(result.text.goldWords).toBeGreaterThan(100)
      expect([result.brokenWords.count, result.overJoins.count, result.artifactLeaks.count]).toEqual([0, 0, 0])
      expect([result.tables.recall, result.tables.precision, result.tables.cellAccuracy]).toEqual(
        result.tables.gold === 0 ? [null, null, null] : [1, 1, 1],
      )
      expect([result.asides.recall, result.asides.precision]).toEqual(result.asides.gold === 0 ? [null, null] : [1, 1])
    },
  )

  it.each(golds.map((report) => [report.name, report] as const))(
    '%s without headings loses heading recall only',
    async (_, report) => {
      const gold = fromJson(await readFile(report.gold!, 'utf8'))
      const flat = withoutHeadings(gold)
      const headings = headingScore(gold, flat)
      if (headings.gold === 0) return
      expect(headings.recall).toBe(0)
      expect(listItemScore(gold, flat).recall ?? 1).toBe(1)
      expect(textScore(gold, flat).similarity).toBe(1)
    },
  )
})

/** A copy of a tree with every list turned into one paragraph of its items' text. */
function withoutLists(tree: Root): Root {
  const text = (node: Content): string =>
    node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join(' ') : ''
  const flatten = (nodes: Content[]): Content[] =>
    nodes.map((node) => {
      if (node.type === 'list') return {type: 'paragraph', children: [{type: 'text', value: text(node)}]} as Content
      if ('children' in node) return {...node, children: flatten(node.children)} as Content
      return node
    })
  return {...tree, children: flatten(tree.children) as Root['children']}
}

/** A copy of a tree with the hyphen of every compound removed (`long-term` → `longterm`). */
function withoutCompoundHyphens(tree: Root): Root {
  const strip = (node: Content): Content => {
    if (node.type === 'text') return {...node, value: node.value.replace(/(\p{L})-(\p{L})/gu, '$1$2')}
    if ('children' in node) return {...node, children: node.children.map(strip)} as Content
    return node
  }
  return strip(tree) as Root
}

/** A copy of a tree with every table printed as paragraphs, one per row, and every aside dissolved into the body. */
function withoutTablesAndAsides(tree: Root): Root {
  const text = (node: Content): string =>
    node.type === 'text' ? node.value : 'children' in node ? node.children.map(text).join(' ') : ''
  const flatten = (nodes: Content[]): Content[] =>
    nodes.flatMap((node) => {
      if (node.type === 'table') {
        return node.children.map(
          (row) => ({type: 'paragraph', children: [{type: 'text', value: text(row)}]}) as Content,
        )
      }
      if (node.type === 'figure' || node.type === 'aside') {
        const title =
          node.type === 'aside' && node.title
            ? [{type: 'paragraph', children: [{type: 'text', value: node.title}]} as Content]
            : []
        return [
          ...title,
          ...flatten(node.children).map((child) =>
            child.type === 'caption' ? ({...child, type: 'paragraph'} as Content) : child,
          ),
        ]
      }
      if ('children' in node) return [{...node, children: flatten(node.children)} as Content]
      return [node]
    })
  return {...tree, children: flatten(tree.children) as Root['children']}
}

describe('known-bad versions of the gold fixtures', () => {
  it.each(golds.map((report) => [report.name, report] as const))(
    '%s: tables printed as paragraphs and asides dissolved into the body lose them, not text',
    async (_, report) => {
      const gold = fromJson(await readFile(report.gold!, 'utf8'))
      const flat = withoutTablesAndAsides(gold)
      const result = score(gold, flat, {artifacts: await readArtifacts(report.artifacts)})
      if (result.tables.gold + result.asides.gold === 0) return
      expect([result.tables.found, result.asides.found]).toEqual([0, 0])
      expect([result.tables.recall ?? 0, result.tables.cellAccuracy ?? 0, result.asides.recall ?? 0]).toEqual([0, 0, 0])
      expect(result.text.similarity).toBe(1)
      expect(result.artifactLeaks.count).toBe(0)
    },
  )

  it.each(golds.map((report) => [report.name, report] as const))(
    '%s: flattened lists lose list-item recall',
    async (_, report) => {
      const gold = fromJson(await readFile(report.gold!, 'utf8'))
      const flat = listItemScore(gold, withoutLists(gold))
      if (flat.gold === 0) return
      expect(flat.recall).toBe(0)
    },
  )

  it.each(golds.map((report) => [report.name, report] as const))(
    '%s: compounds without hyphens are over-joins',
    async (_, report) => {
      const gold = fromJson(await readFile(report.gold!, 'utf8'))
      const compounds = collect(gold)
        .blocks.flatMap(words)
        .filter((word) => /\p{L}-\p{L}/u.test(word))
      const result = overJoins(gold, withoutCompoundHyphens(gold))
      if (compounds.length === 0) return
      expect(result.count).toBeGreaterThan(0)
      expect(result.count).toBeLessThanOrEqual(compounds.length)
      expect(brokenWords(gold, withoutCompoundHyphens(gold)).count).toBe(0)
    },
  )

  it.each(golds.map((report) => [report.name, report] as const))(
    '%s: its page furniture left in the body leaks',
    async (_, report) => {
      const gold = fromJson(await readFile(report.gold!, 'utf8'))
      const artifacts = [...new Set(await readArtifacts(report.artifacts))]
      if (artifacts.length === 0) return
      const output = structuredClone(gold)
      for (const line of artifacts) output.children.push({type: 'paragraph', children: [{type: 'text', value: line}]})
      expect(artifactLeaks(gold, output, {artifacts}).count).toBe(artifacts.length)
    },
  )
})

describe('pnpm eval on the fixtures', () => {
  it('runs the pipeline on every gold fixture and prints a scored row for each', async () => {
    const json = join(await mkdtemp(join(tmpdir(), 'folio-eval-')), 'eval.json')
    const result = spawnSync(process.execPath, [bin, '--no-corpus', '--no-corpus-gold', '--json', json], {
      encoding: 'utf8',
    })
    expect(result.stderr).not.toMatch(/failed|crash/i)
    expect(result.status).toBe(0)
    const report = JSON.parse(await readFile(json, 'utf8')) as EvalReport
    expect(report.gold.documents.map((row) => row.name)).toEqual(fixtureGolds.map((report) => report.name))
    for (const row of report.gold.documents) {
      expect(row.error, row.name).toBeUndefined()
      expect(row.score, row.name).toBeDefined()
      expect(row.found.pages, row.name).toBeGreaterThan(0)
      expect(result.stdout).toMatch(new RegExp(`^\\| ${row.name} +\\| +(\\d\\.\\d\\d|–) +\\|`, 'm'))
    }
    expect(report.gold.total.documents).toBe(fixtureGolds.length)
    const similarity = report.gold.total.textSimilarity
    expect(similarity).not.toBeNull()
    expect(result.stdout).toMatch(
      new RegExp(
        `^\\| total \\(${fixtureGolds.length} scored\\) .*\\| +${similarity!.toFixed(2)} +\\| +${report.gold.total.brokenWords} +\\|`,
        'm',
      ),
    )
    // Table and aside ratios only where the gold has tables or asides.
    for (const row of report.gold.documents) {
      const line = result.stdout.split('\n').find((entry) => entry.startsWith(`| ${row.name} `))!
      const [tableRecall, , cellAccuracy, asideRecall] = line
        .split('|')
        .map((cell) => cell.trim())
        .slice(10, 15)
      expect([tableRecall === '–', cellAccuracy === '–'], row.name).toEqual(
        new Array(2).fill(row.score!.tables.gold === 0),
      )
      expect(asideRecall === '–', row.name).toBe(row.score!.asides.gold === 0)
    }
    expect(result.stdout).toContain('Corpus skipped: no corpus folder given.')
  }, 600_000)
})
