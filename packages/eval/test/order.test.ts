import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Root} from '@folio/ast'
import {u} from '@folio/ast'
import {extract} from '@folio/extract'
import {normalize} from '@folio/normalize'
import {describe, expect, it} from 'vitest'
import {defaultCorpus} from '../src/lib/corpus.js'
import {hasPdftotext, orderReport, referencePages, treeLetters} from '../src/lib/order.js'

const corpus = existsSync(defaultCorpus)
const tool = hasPdftotext()
if (!tool && process.env.CI) throw new Error('Unexpected missing `pdftotext` in CI, expected poppler-utils installed')
if (!corpus) console.warn(`skipping reading-order tests on the corpus: no corpus at ${defaultCorpus}`)
if (corpus && !tool) console.warn('skipping reading-order tests: `pdftotext` (poppler-utils) is not installed')

describe('orderReport', () => {
  const column = [
    'The first line of the left column runs on',
    'into the second line of that same column',
    'and ends the paragraph in a third line here',
  ]
  const other = ['A line of the right hand column stands apart', 'and goes on in the right hand column below']
  const reference = [[column.join('\n'), other.join('\n')].join('\n\n')]
  const tree = (...paragraphs: string[]): Root => u.root({lang: 'en'}, [u.paragraph([u.text(paragraphs.join(' '))])])

  it('counts nothing interleaved when the columns are read one after the other', () => {
    const report = orderReport(tree(...column, ...other), reference)
    expect(report.checked).toBe(3)
    expect(report.interleaved).toEqual([])
  })

  it('finds every pair broken when the columns are read across, row by row', () => {
    const report = orderReport(tree(column[0]!, other[0]!, column[1]!, other[1]!, column[2]!), reference)
    expect(report.checked).toBe(3)
    expect(report.interleaved.map((pair) => pair.first)).toEqual([column[0], column[1], other[0]])
  })

  it('takes a table or box set between two lines of a column for no interleaving', () => {
    const table = u.figure([u.table([u.tableRow([u.tableCell([u.text('A table cell of the float')])])])])
    const box = u.aside('callout', [u.paragraph([u.text('A call-out box set between the lines')])])
    const root = u.root({lang: 'en'}, [
      u.paragraph([u.text(`${column[0]} ${column[1]}`)]),
      table,
      box,
      u.paragraph([u.text(column[2]!)]),
      u.paragraph([u.text(other.join(' '))]),
    ])
    expect(orderReport(root, reference).interleaved).toEqual([])
    // A paragraph of the other column between them is still caught.
    const wrong = u.root({lang: 'en'}, [
      u.paragraph([u.text(`${column[0]} ${column[1]}`)]),
      table,
      u.paragraph([u.text(other[0]!)]),
      u.paragraph([u.text(column[2]!)]),
      u.paragraph([u.text(other[1]!)]),
    ])
    expect(orderReport(wrong, reference).interleaved.map((pair) => pair.first)).toEqual([column[1], other[0]])
  })

  it('leaves notes, captions and the contents page out of the running text', () => {
    const root = u.root({lang: 'en'}, [
      u.toc([u.tocEntry('Contents entry', 1, '3')]),
      u.paragraph([u.text('Body text')]),
      u.footnoteDefinition('1', [u.paragraph([u.text('A note')])]),
      u.figure([u.table([u.tableRow([u.tableCell([u.text('Cell')])])]), u.caption([u.text('Table 1. Caption')])]),
    ])
    expect(treeLetters(root)).toBe('bodytextcell')
  })
})

/**
 * The multi-column documents of the corpus and a sample of their pages: the
 * first pages (title blocks and headings over the columns), and pages deep in
 * the body with figures, tables, notes and call-out boxes. Every page of every
 * corpus PDF is counted by `pnpm eval` (column "interleaved").
 */
const samples: Array<{name: string; columns: number; pages: number[]}> = [
  {name: 'dense-passage-retrieval-two-column-latex-paper', columns: 2, pages: [1, 2, 3, 5, 7, 9]},
  {name: 'ieee-tifs-individual-differential-privacy-ligatures', columns: 2, pages: [1, 2, 3, 6, 9, 11]},
  {
    name: 'federal-register-2020-17221-boeing-737-max-airworthiness-directive',
    columns: 3,
    pages: [1, 2, 3, 5, 6, 9, 13],
  },
  {name: 'irs-instructions-form-1040nr-2007', columns: 3, pages: [2, 3, 5, 10, 14, 17, 25, 33]},
  {name: 'crs-if13200-treasury-exchange-stabilization-fund-in-focus', columns: 2, pages: [1, 2]},
  {name: 'gao-23-106826-national-cybersecurity-strategy-snapshot', columns: 3, pages: [1, 2]},
  // A tagged booklet whose boxes set their text in two narrow columns of small type.
  {name: 'cancer-council-understanding-breast-cancer-booklet', columns: 2, pages: [14, 16, 20, 30]},
]

describe.skipIf(!corpus || !tool)('columns read one after the other (against pdftotext)', {timeout: 120_000}, () => {
  for (const sample of samples) {
    it(`${sample.name} (${sample.columns} columns): no line of one column between two lines of another`, async () => {
      const pdf = join(defaultCorpus, `${sample.name}.pdf`)
      const {tree} = normalize(await extract(new Uint8Array(readFileSync(pdf)), {file: pdf}))
      const report = orderReport(tree, referencePages(pdf), sample.pages)
      console.info(
        `${sample.name}: ${report.checked} line pairs checked, ${report.interleaved.length} interleaved` +
          report.interleaved
            .slice(0, 8)
            .map((pair) => `\n  p${pair.page}: “${pair.first}” ⏎ “${pair.second}”`)
            .join(''),
      )
      // Enough pairs that the check means something on every sampled document.
      expect(report.checked).toBeGreaterThan(sample.pages.length * 10)
      expect(report.interleaved).toEqual([])
    })
  }
})
