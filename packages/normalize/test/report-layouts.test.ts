import {join} from 'node:path'
import type {Root} from '@folio/ast'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {corpusDir, layoutOf, nodes, requireCorpus, text} from './helpers.js'

const run = requireCorpus()
const gao = () => layoutOf(join(corpusDir, 'gao-23-106826-national-cybersecurity-strategy-snapshot.pdf'))

/** Text of the body blocks (paragraphs, headings, list items' paragraphs) in order. */
const blocks = (tree: Root) =>
  nodes(tree)
    .filter((node) => node.type === 'paragraph' || node.type === 'heading')
    .map(text)

describe.skipIf(!run)('InDesign-style reports in columns (gao-23, skipped: no corpus)', () => {
  it('reads a summary set over the header picture, first, before the columns', async () => {
    const {tree, diagnostics} = normalize(await gao())
    const first = blocks(tree)[0]
    expect(first).toMatch(/^In March 2023, the White House issued the National Cybersecurity Strategy to coordinate/)
    expect(first).toMatch(/implement the strategy\.$/)
    const labels = diagnostics
      .filter((diagnostic) => diagnostic.ruleId === 'figure-label-dropped')
      .map((diagnostic) => diagnostic.message)
    expect(labels.filter((message) => message.includes('In March 2023'))).toEqual([])
  })

  it('keeps the first section heading under the title a heading, not a subtitle', async () => {
    const {tree} = normalize(await gao())
    expect(tree.meta.title).toBe('Cybersecurity: Launching and Implementing the National Cybersecurity Strategy')
    expect(tree.meta.subtitle).toBeUndefined()
    // The publisher comes from the masthead set in capitals; the abbreviation keeps its own.
    expect(tree.meta.publisher).toBe('U.S. Government Accountability Office')
    const headings = nodes(tree).filter((node) => node.type === 'heading')
    expect(text(headings[0]!)).toBe('Threats Highlight the Importance of Establishing Leadership in Cybersecurity')
    expect(headings[0]!).toMatchObject({depth: 1})
  })

  it('ends the notes at the foot of a page where a block in another size follows them', async () => {
    const {tree} = normalize(await gao())
    const notes = nodes(tree).filter((node) => node.type === 'footnoteDefinition')
    expect(notes.map((note) => ('label' in note ? note.label : ''))).toEqual(['1', '2', '3', '4'])
    expect(text(notes[3]!)).toMatch(/Fully Address All Areas, GAO-23-106203 \(Washington, D\.C\.: Apr\. 20, 2023\)\.$/)
    const colophon = blocks(tree).filter((block) => block.includes('The Government Accountability Office, the audit'))
    expect(colophon).toHaveLength(1)
  })

  it('reads numbered banners and their numbered objectives as a nested list, not as headings', async () => {
    const {tree} = normalize(await gao())
    const headings = nodes(tree)
      .filter((node) => node.type === 'heading')
      .map(text)
    expect(headings.filter((heading) => /^\d|market forces|resilient future/.test(heading))).toEqual([])
    const pillars = nodes(tree).find(
      (node) => node.type === 'list' && node.children?.some((item) => text(item).startsWith('Defend critical')),
    )
    expect(pillars).toMatchObject({ordered: true, start: 1})
    const items = pillars!.children!
    const own = (item: (typeof items)[number]) => text(item.children![0]!)
    expect(items.map(own)).toEqual([
      'Defend critical infrastructure',
      'Disrupt and dismantle threat actors',
      'Shape market forces to drive security and resilience',
      'Invest in a resilient future',
      'Forge international partnerships',
    ])
    const objectives = items.map((item) => item.children!.find((child) => child.type === 'list'))
    expect(objectives.map((list) => list?.children?.length)).toEqual([5, 5, 6, 6, 5])
    expect(objectives[0]).toMatchObject({ordered: true, marker: '1.1:'})
    expect(own(objectives[0]!.children![0]!)).toBe(
      'Establish cybersecurity requirements to support national security and public safety',
    )
    expect(own(objectives[4]!.children![4]!)).toBe(
      'Secure global supply chains for information, communications, and operational technology products and services',
    )
  })

  it('reads a figure that fills the column beside a paragraph running on to the next page before it, keeping the paragraph whole', async () => {
    const {tree} = normalize(await gao())
    const whole = nodes(tree).find((node) => node.type === 'paragraph' && text(node).startsWith('In April 2023'))
    expect(text(whole!)).toMatch(/a more comprehensive strategy\. However, not all of the desirable/)
    expect(whole!.children!.some((child) => child.type === 'pageBreak')).toBe(true)
    const order = blocks(tree)
    const sources = order.findIndex((block) => block.startsWith('Sources: GAO analysis'))
    const heading = order.indexOf(
      'The Administration Needs to Fully Develop and Implement the National Cybersecurity Strategy',
    )
    const pillar = order.indexOf('Defend critical infrastructure')
    expect(pillar).toBeGreaterThan(order.findIndex((block) => block.startsWith('The fiscal year 2021')))
    expect(sources).toBeGreaterThan(pillar)
    expect(heading).toBe(sources + 1)
  })

  it('reads pictograms in rows with their labels, under a caption, as a figure of a table: a row per pictogram', async () => {
    const {tree} = normalize(await gao())
    const figure = nodes(tree).find(
      (node) => node.type === 'figure' && node.children?.some((child) => text(child).startsWith('Figure 2')),
    )
    const table = figure?.children?.find((child) => child.type === 'table')
    const rows = table?.children?.map((row) => row.children!.map(text))
    expect(rows).toEqual([
      ['Purpose, scope, and methodology', 'Fully addressed'],
      ['Problem definition and risk assessment', 'Fully addressed'],
      ['Integration and implementation', 'Fully addressed'],
      ['Goals, subordinate objectives, activities, and performance measures', 'Partially addressed'],
      ['Resources, investments, and risk management', 'Partially addressed'],
      ['Organizational roles, responsibilities, and coordination', 'Partially addressed'],
    ])
    const caption = figure?.children?.find((child) => child.type === 'caption')
    expect(text(caption!)).toBe(
      'Figure 2: Extent to Which the National Cybersecurity Strategy Addresses the Desirable Characteristics of a National Strategy',
    )
    expect(blocks(tree).some((block) => /Fully addressed|Goals, subordinate Resources/.test(block))).toBe(false)
  })

  it('keeps an initial before a name as text, not as a list lettered A', async () => {
    const {tree} = normalize(await gao())
    expect(nodes(tree).some((node) => node.type === 'listItem' && text(node).startsWith('Nicole Clowers'))).toBe(false)
    expect(blocks(tree).some((block) => block.includes('A. Nicole Clowers, Managing Director'))).toBe(true)
  })
})
