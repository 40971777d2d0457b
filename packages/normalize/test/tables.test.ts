import {join} from 'node:path'
import {assert as assertTree, type Root} from '@folio/ast'
import {listReports} from '@folio/fixtures'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {bodyText, corpusDir, layoutOf, nodes, requireCorpus, text} from './helpers.js'

type AnyNode = ReturnType<typeof nodes>[number]

const ashbury = listReports().find((report) => report.name === 'ashbury-2025-rural-buses')

/** Each table of a tree as rows of cell texts, with its caption. */
function tables(tree: Root): Array<{rows: string[][]; header: boolean[]; caption: string | undefined; page: number}> {
  return nodes(tree)
    .filter((node) => node.type === 'table')
    .map((table) => {
      const figure = nodes(tree).find(
        (node) => node.type === 'figure' && (node.children ?? []).includes(table as AnyNode),
      )
      const caption = figure?.children?.find((child) => child.type === 'caption')
      const rows = (table.children ?? []).map((row) => (row.children ?? []).map((cell) => text(cell)))
      const header = (table.children ?? []).map((row) =>
        (row.children ?? []).every((cell) => 'header' in cell && cell.header === true),
      )
      return {rows, header, caption: caption ? text(caption) : undefined, page: table.data?.source?.page ?? 0}
    })
}

describe.runIf(ashbury)('ruled tables of the fixture report (ashbury-2025-rural-buses)', () => {
  it('reads Table 1 (rules between rows) with its header row, right-aligned numbers and caption', async () => {
    const {tree} = normalize(await layoutOf(ashbury!.pdf))
    assertTree(tree)
    const found = tables(tree)
    expect(found).toHaveLength(2)
    const [first] = found
    expect(first!.caption).toBe('Table 1. The five pilots at a glance, 2024 operating year')
    expect(first!.rows).toEqual([
      ['Pilot area', 'Started', 'Vehicles', 'Registered users', 'Trips per week', 'Cost per trip (£)'],
      ['Tarnford Vale', '2021', '4', '1,180', '640', '11.20'],
      ['Upper Brenn', '2022', '3', '760', '410', '13.85'],
      ['Kelsey Moor', '2022', '6', '2,050', '1,120', '9.40'],
      ['Ludham Marshes', '2023', '2', '390', '180', '17.60'],
      ['Coldharbour Hills', '2023', '5', '1,420', '870', '10.75'],
    ])
    expect(first!.header).toEqual([true, false, false, false, false, false])
  })

  it('reads Table 2 (every cell boxed, shaded header): cells of several lines stay one cell', async () => {
    const {tree} = normalize(await layoutOf(ashbury!.pdf))
    const second = tables(tree)[1]!
    expect(second.caption).toBe('Table 2. Funding options assessed for a county-wide service')
    expect(second.header).toEqual([true, false, false, false])
    expect(second.rows[0]).toEqual(['Option', 'How it would work', 'Annual cost (£m)', 'Main risk'])
    expect(second.rows.map((row) => row.length)).toEqual([4, 4, 4, 4])
    expect(second.rows[1]![1]).toBe(
      'A five-year grant from the regional transport authority, paid per vehicle in service and reviewed each year against ridership targets',
    )
    expect(second.rows[3]![0]).toBe('Shared health budget')
  })

  it('keeps the tables out of the running text, in their place between paragraphs', async () => {
    const {tree} = normalize(await layoutOf(ashbury!.pdf))
    const body = bodyText(tree)
    expect(body).not.toContain('Tarnford Vale 2021')
    expect(body).not.toContain('Ring-fenced grant A five-year')
    const flow = nodes(tree).filter((node) => node.type === 'paragraph' || node.type === 'figure')
    const figure = flow.findIndex((node) => node.type === 'figure')
    expect(text(flow[figure - 1]!)).toMatch(/should be read with that in mind\.$/)
    expect(text(flow[figure + 1]!)).toMatch(/^The differences between the pilots/)
  })
})

const run = requireCorpus()
const pdf = (name: string) => join(corpusDir, `${name}.pdf`)

describe.runIf(run)('ruled tables on the corpus (skipped: no ../shared/corpus beside the checkout)', () => {
  it('CRS overview (layout path): historical tables in the appendix, a row a line, header row', async () => {
    const {tree} = normalize(await layoutOf(pdf('crs-r46991-economic-development-administration-overview')), {
      structure: false,
    })
    assertTree(tree)
    const found = tables(tree)
    // Table B-1: fiscal year, request, enacted, one year a row.
    const years = found.find((table) => table.rows[0]?.join('|') === 'Fiscal Year|Request|Enacted')
    expect(years).toBeDefined()
    expect(years!.header[0]).toBe(true)
    expect(years!.rows[1]).toEqual(['2012', '324.9', '457.5*'])
    expect(years!.rows.length).toBeGreaterThanOrEqual(16)
    // Table B-2 (a landscape page): programs down, fiscal years across.
    const programs = found.find((table) => table.rows.some((row) => row[0] === 'Public Works'))
    expect(programs).toBeDefined()
    expect(programs!.rows[0]!.slice(1, 4)).toEqual(['FY2012', 'FY2013a', 'FY2014'])
    expect(programs!.rows.find((row) => row[0] === 'Public Works')!.slice(1, 4)).toEqual(['111.6', '77.2', '96.0'])
  })

  it('CRS overview (layout path): tables set small at the page foot are tables, not notes (pages 12 and 16)', async () => {
    const {tree} = normalize(await layoutOf(pdf('crs-r46991-economic-development-administration-overview')), {
      structure: false,
    })
    assertTree(tree)
    const found = tables(tree)
    const priorities = found.find((table) => table.page === 12)
    expect(priorities?.caption).toBe('Table 1. Comparison of EDA Investment Priorities')
    expect(priorities!.rows[0]).toEqual([
      'FY2012-FY2016 (Administration priorities)',
      'FY2017-April 2021 (Administration priorities)',
      'April 2021-December 2024 (Administration priorities)',
      'January 2025-present (Statutory priorities)',
    ])
    // The bullets of the lists in the cells make no column of their own.
    expect(priorities!.rows[1]![0]).toMatch(/^• Collaborative regional innovation • Public private partnerships/)
    const goals = found.find((table) => table.page === 16)
    expect(goals?.caption).toBe('Table 2. EDA Performance Goals and Metrics')
    expect(goals!.rows[0]).toEqual(['Performance Goal', 'Examples of Metrics'])
    // No note carries a table's text, and the source line under Table 1 stays running text.
    const notes = nodes(tree)
      .filter((node) => node.type === 'footnoteDefinition')
      .map(text)
    expect(notes.filter((note) => /Collaborative regional|Performance Goal/.test(note))).toEqual([])
    expect(bodyText(tree)).toMatch(/Source: EDA, “Investment Priorities,”/)
  })

  it('LaTeX paper: booktabs tables become tables, one row a line, numbers in their columns', async () => {
    const {tree} = normalize(await layoutOf(pdf('dense-passage-retrieval-two-column-latex-paper')))
    assertTree(tree)
    const found = tables(tree)
    expect(found.length).toBeGreaterThanOrEqual(5)
    for (const table of found) {
      const width = table.rows[0]!.length
      expect(table.rows.every((row) => row.length === width)).toBe(true)
      expect(table.rows.length).toBeGreaterThanOrEqual(2)
    }
  })

  it('a table goes back where its column is read: after the column before it, before the column after it', async () => {
    const at = (tree: Root, test: (node: AnyNode) => boolean) => nodes(tree).findIndex(test)
    const opening = (prefix: string) => (node: AnyNode) => node.type === 'paragraph' && text(node).startsWith(prefix)
    // LaTeX paper, page 4: Table 1 heads the right column; the left column ends under the datasets.
    const paper = normalize(await layoutOf(pdf('dense-passage-retrieval-two-column-latex-paper'))).tree
    const table1 = at(paper, (node) => node.type === 'table' && text(node).includes('Natural Questions79,168'))
    expect(table1).toBeGreaterThan(at(paper, opening('CuratedTREC (TREC) (Baudiš and Šedivỳ, 2015) sources')))
    expect(table1).toBeLessThan(at(paper, opening('as well as various Web sources')))
    // Its caption runs on over three lines under it: none of them is left as running text.
    expect(bodyText(paper)).not.toContain('amples in the dataset and the actual questions')
    // IRS instructions, page 24: the sample check under the first two columns of three.
    const irs = normalize(await layoutOf(pdf('irs-instructions-form-1040nr-2007'))).tree
    const check = at(irs, (node) => node.type === 'table' && text(node).includes('RUFUS MAPLE'))
    expect(check).toBeGreaterThan(at(irs, opening('Ask your financial institution for the correct routing number')))
    expect(check).toBeLessThan(at(irs, opening('must check the correct box to ensure your deposit is accepted')))
  })

  it('charts ruled by grid lines are no tables (differential-privacy paper, page 10)', async () => {
    const {tree} = normalize(await layoutOf(pdf('ieee-tifs-individual-differential-privacy-ligatures')))
    expect(tables(tree).filter((table) => table.page === 10)).toEqual([])
  })
})
