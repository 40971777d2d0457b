import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {corpusDir, layoutOf, nodes, requireCorpus, text} from './helpers.js'

const run = requireCorpus()
const pdf = (name: string) => join(corpusDir, `${name}.pdf`)
/** The text of paragraphs and headings outside any aside. */
const runningText = (node: Parameters<typeof nodes>[0]): string[] => {
  if (node.type === 'aside') return []
  if (node.type === 'paragraph' || node.type === 'heading') return [text(node as Parameters<typeof text>[0])]
  return ((node as {children?: Array<Parameters<typeof nodes>[0]>}).children ?? []).flatMap(runningText)
}
const colophons = (tree: Parameters<typeof nodes>[0]) =>
  nodes(tree).filter((node) => node.type === 'aside' && 'kind' in node && node.kind === 'colophon')

describe.runIf(run)('end blocks and back covers (skipped: no ../shared/corpus beside the checkout)', () => {
  it('CRS In Focus (tagged): the authors under the rule closing the last column are a colophon, a paragraph each', async () => {
    const {tree} = normalize(await layoutOf(pdf('crs-if13200-treasury-exchange-stabilization-fund-in-focus')))
    const found = colophons(tree)
    expect(found).toHaveLength(1)
    const paragraphs = nodes(found[0]!).filter((node) => node.type === 'paragraph')
    expect(paragraphs.map(text)).toEqual([
      'Marc Labonte, Specialist in Macroeconomic Policy',
      'Rebecca M. Nelson, Specialist in International Trade and Finance',
    ])
    expect(nodes(paragraphs[0]!).some((node) => node.type === 'strong' && text(node) === 'Marc Labonte')).toBe(true)
    // Out of the running text: the last paragraph of the body ends as printed.
    const body = runningText(tree).join('\n')
    expect(body).not.toContain('Specialist in')
    expect(body).toContain('they could increase ESF resources.')
    // Where it is printed: at the end of page 2, before the break of page 3 and its disclaimer.
    const order = nodes(tree)
    const breakOf3 = order.findIndex((node) => node.type === 'pageBreak' && 'page' in node && node.page === 3)
    expect(order.indexOf(found[0]!)).toBeGreaterThan(0)
    expect(order.indexOf(found[0]!)).toBeLessThan(breakOf3)
  })

  it('GAO snapshot: the block under the dotted rule at the foot of the last page is a colophon, both columns', async () => {
    const {tree} = normalize(await layoutOf(pdf('gao-23-106826-national-cybersecurity-strategy-snapshot')))
    const found = colophons(tree)
    expect(found).toHaveLength(1)
    const content = text(found[0]!)
    expect(content.startsWith('About GAO')).toBe(true)
    expect(content).toContain('Chuck Young, Managing Director, Public Affairs, (202) 512-4800')
    expect(content).toContain('Cover photo source:')
    expect(content.indexOf('441 G Street')).toBeLessThan(content.indexOf('We conducted our work'))
    const body = runningText(tree).join('\n')
    expect(body).not.toContain('Connect with GAO')
  })

  it('Cancer Council booklet: the back cover, a sparse directory of offices and their web addresses, is a colophon', async () => {
    const {tree} = normalize(await layoutOf(pdf('cancer-council-understanding-breast-cancer-booklet')))
    const found = colophons(tree)
    expect(found).toHaveLength(1)
    const content = nodes(found[0]!)
      .filter((node) => node.type === 'paragraph')
      .map(text)
    expect(content).toContain('Cancer Council Tasmania')
    expect(content).toContain('cancerwa.asn.au')
    expect(runningText(tree).join('\n')).not.toContain('cancertas.org.au')
  })

  it('no end block is found where none is printed (notes under a rule, tables, last pages of running text)', async () => {
    const expected = new Map([
      ['cancer-council-understanding-breast-cancer-booklet.pdf', 1],
      ['crs-if13200-treasury-exchange-stabilization-fund-in-focus.pdf', 1],
      ['gao-23-106826-national-cybersecurity-strategy-snapshot.pdf', 1],
    ])
    const counts = new Map<string, number>()
    for (const file of readdirSync(corpusDir).filter((name) => name.endsWith('.pdf'))) {
      const {tree} = normalize(await layoutOf(join(corpusDir, file)))
      counts.set(file, colophons(tree).length)
    }
    for (const [file, count] of counts) expect([file, count]).toEqual([file, expected.get(file) ?? 0])
  }, 300_000)
})
