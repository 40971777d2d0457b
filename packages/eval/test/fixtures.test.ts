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
import {headingScore, listItemScore, score, textScore} from '../src/index.js'

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const golds = listReports().filter((report) => report.gold !== undefined)

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

describe('pnpm eval on the fixtures', () => {
  it('runs the pipeline on every gold fixture and prints a scored row for each', async () => {
    const json = join(await mkdtemp(join(tmpdir(), 'folio-eval-')), 'eval.json')
    const result = spawnSync(process.execPath, [bin, '--no-corpus', '--json', json], {encoding: 'utf8'})
    expect(result.stderr).not.toMatch(/failed|crash/i)
    expect(result.status).toBe(0)
    const report = JSON.parse(await readFile(json, 'utf8')) as EvalReport
    expect(report.gold.documents.map((row) => row.name)).toEqual(golds.map((report) => report.name))
    for (const row of report.gold.documents) {
      expect(row.error, row.name).toBeUndefined()
      expect(row.score, row.name).toBeDefined()
      expect(row.found.pages, row.name).toBeGreaterThan(0)
      expect(result.stdout).toMatch(new RegExp(`^\\| ${row.name} +\\| +(\\d\\.\\d\\d|–) +\\|`, 'm'))
    }
    expect(report.gold.total.documents).toBe(golds.length)
    const similarity = report.gold.total.textSimilarity
    expect(similarity).not.toBeNull()
    expect(result.stdout).toMatch(
      new RegExp(
        `^\\| total \\(${golds.length} scored\\) .*\\| +${similarity!.toFixed(2)} +\\| +${report.gold.total.brokenWords} +\\|`,
        'm',
      ),
    )
    expect(result.stdout).toContain('Corpus skipped: no corpus folder given.')
  }, 600_000)
})
