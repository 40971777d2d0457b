import {readFile} from 'node:fs/promises'
import type {Aside, Content, Figure, Root, Table} from '@folio/ast'
import {fromJson, u} from '@folio/ast'
import {listReports} from '@folio/fixtures'
import {beforeAll, describe, expect, it} from 'vitest'
import type {EvalReport, GoldDocument} from '../src/index.js'
import {artifactLeaks, asideScore, brokenWords, goldTable, score, tableScore, textScore, total} from '../src/index.js'

/** The fixture with tables, a sidebar and a call-out: the real input these metrics are for. */
const fixture = listReports().find((report) => report.name === 'ashbury-2025-rural-buses')
let gold: Root
let artifacts: string[]

beforeAll(async () => {
  expect(fixture?.gold, 'fixtures/reports/ashbury-2025-rural-buses/gold.json').toBeDefined()
  gold = fromJson(await readFile(fixture!.gold!, 'utf8'))
  artifacts = JSON.parse(await readFile(fixture!.artifacts!, 'utf8')) as string[]
})

/** A copy of `tree` with `change` applied to every node's children, bottom up. */
function rewrite(tree: Root, change: (node: Content) => Content[]): Root {
  const walk = (nodes: Content[]): Content[] =>
    nodes.flatMap((node) => change('children' in node ? ({...node, children: walk(node.children)} as Content) : node))
  return {...tree, children: walk(tree.children as Content[]) as Root['children']}
}

const cellText = (table: Table, row: number, column: number): string => {
  const cell = table.children[row]!.children[column]!
  return cell.children.map((node) => (node.type === 'text' ? node.value : '')).join('')
}
const rowTexts = (table: Table): string[][] =>
  table.children.map((row, index) => row.children.map((_, column) => cellText(table, index, column)))

/** Each table printed as lines of text: one paragraph per row, cells joined by spaces; the caption a paragraph. */
function tablesAsParagraphs(tree: Root): Root {
  return rewrite(tree, (node) => {
    if (node.type !== 'figure' || node.children[0]?.type !== 'table') return [node]
    const [table, caption] = node.children as [Table, ...Figure['children']]
    const rows = rowTexts(table).map((cells) => u.paragraph([u.text(cells.join(' '))]))
    return caption?.type === 'caption' ? [...rows, u.paragraph(caption.children)] : rows
  })
}

/** Each aside dissolved into the body: its title a paragraph, its blocks in the running text. */
function asidesDissolved(tree: Root): Root {
  return rewrite(tree, (node) => {
    if (node.type !== 'aside') return [node]
    return [...(node.title ? [u.paragraph([u.text(node.title)])] : []), ...node.children]
  })
}

const tables = (tree: Root): Table[] => {
  const found: Table[] = []
  rewrite(tree, (node) => {
    if (node.type === 'table') found.push(node)
    return [node]
  })
  return found
}

describe('tables and asides of the ashbury fixture, scored against its gold', () => {
  it('score 1 for the gold itself, with every other metric perfect too', () => {
    const result = score(gold, structuredClone(gold), {artifacts})
    expect(result.tables).toMatchObject({gold: 2, found: 2, matched: 2, recall: 1, precision: 1, cellAccuracy: 1})
    expect(result.tables.goldCells).toBe(6 * 6 + 4 * 4)
    expect(result.tables.headerCellsRight).toBe(result.tables.goldHeaderCells)
    expect(result.tables.goldHeaderCells).toBe(6 + 4)
    expect(result.asides).toMatchObject({gold: 2, found: 2, matched: 2, kindAgreed: 2, recall: 1, precision: 1})
    expect(result.text.similarity).toBe(1)
    expect([result.brokenWords.count, result.overJoins.count, result.artifactLeaks.count]).toEqual([0, 0, 0])
  })

  it('count the text of tables, captions and aside titles as document text', () => {
    const result = textScore(gold, structuredClone(gold))
    const withoutTables = rewrite(gold, (node) => (node.type === 'figure' ? [] : [node]))
    const titleless = rewrite(gold, (node) =>
      node.type === 'aside' ? [{...node, title: undefined} as unknown as Aside] : [node],
    )
    const dropped = textScore(gold, withoutTables)
    // Cells (56 and 106 words) and captions (11 and 9 words) of 2,209 words.
    expect(result.goldWords).toBe(2209)
    expect(result.goldWords - dropped.foundWords).toBe(56 + 106 + 11 + 9)
    expect(dropped.similarity).toBeLessThan(0.97)
    expect(textScore(gold, titleless).foundWords).toBe(
      result.goldWords - 'Booking a ride in Tarnford Vale'.split(' ').length,
    )
  })

  it('give a table flattened into paragraphs no table and no right cell, though its text is all there', () => {
    const flat = tablesAsParagraphs(gold)
    const result = tableScore(gold, flat)
    expect(result).toMatchObject({gold: 2, found: 0, matched: 0, recall: 0, cellsRight: 0, cellAccuracy: 0})
    expect(result.precision).toBeNull()
    expect(result.missing).toHaveLength(2)
    expect(result.missing[0]).toBe('pilot area | started | vehicles | registered users')
    // Row by row, the words are the gold's in the gold's order: text similarity cannot see the loss.
    expect(textScore(gold, flat).similarity).toBe(1)
    // A number cell that opens a flattened row is no page number: the words still align with the gold.
    expect(artifactLeaks(gold, flat, {artifacts}).count).toBe(0)
    expect(brokenWords(gold, flat).count).toBe(0)
  })

  it('give a table read one cell per paragraph no table either', () => {
    const lines = rewrite(gold, (node) =>
      node.type === 'table'
        ? rowTexts(node)
            .flat()
            .map((text) => u.paragraph([u.text(text)]))
        : [node],
    )
    expect(tableScore(gold, lines)).toMatchObject({found: 0, recall: 0, cellAccuracy: 0})
  })

  it('find a table read column by column, and count its misplaced cells wrong', () => {
    const transposed = rewrite(gold, (node) => {
      if (node.type !== 'table') return [node]
      const rows = rowTexts(node)
      const columns = rows[0]!.map((_, column) => rows.map((row) => row[column]!))
      return [u.table(columns.map((cells) => u.tableRow(cells.map((text) => u.tableCell([u.text(text)])))))]
    })
    const result = tableScore(gold, transposed)
    expect(result).toMatchObject({matched: 2, recall: 1, precision: 1})
    expect(result.cellAccuracy).toBeLessThan(0.3)
    expect(result.wrongCells.length).toBeGreaterThan(0)
    // The diagonals stay in place: cell (1,1) of each table.
    expect(result.cellsRight).toBeGreaterThanOrEqual(2)
  })

  it('count cells shifted by a merged or split column wrong, the rest of the table right', () => {
    const shifted = rewrite(gold, (node) => {
      if (node.type !== 'table' || node.children.length !== 6) return [node]
      // Table 1, second body row: "Upper Brenn" and "2022" read as one cell, the row one cell short.
      const rows = rowTexts(node)
      const row = rows[2]!
      rows[2] = [`${row[0]} ${row[1]}`, ...row.slice(2)]
      return [
        u.table(
          rows.map((cells, index) =>
            u.tableRow(cells.map((text) => u.tableCell([u.text(text)], {header: index === 0}))),
          ),
        ),
      ]
    })
    const result = tableScore(gold, shifted)
    expect(result).toMatchObject({matched: 2, goldCells: 52, cellsRight: 52 - 6})
    expect(result.wrongCells[0]).toBe('3:1 upper brenn')
  })

  it('pair rows by their cells, so a header row repeated in the body shifts nothing', () => {
    const repeated = rewrite(gold, (node) => {
      if (node.type !== 'table' || node.children.length !== 4) return [node]
      const [header, ...body] = node.children
      const again = u.tableRow(header!.children.map((cell) => u.tableCell(cell.children)))
      return [u.table([header!, body[0]!, again, ...body.slice(1)])]
    })
    const result = tableScore(gold, repeated)
    expect(result).toMatchObject({matched: 2, cellAccuracy: 1, headerCellsRight: 10})
  })

  it('count header cells not marked as such apart, not as wrong cells', () => {
    const unmarked = rewrite(gold, (node) => (node.type === 'tableCell' ? [{...node, header: false}] : [node]))
    const result = tableScore(gold, unmarked)
    expect(result).toMatchObject({cellAccuracy: 1, goldHeaderCells: 10, headerCellsRight: 0})
  })

  it('do not find a table that swallowed the paragraphs around it, and count a row too many as extra cells', () => {
    const paragraphs: string[] = []
    rewrite(gold, (node) => {
      if (node.type === 'paragraph')
        paragraphs.push(node.children.map((child) => (child.type === 'text' ? child.value : '')).join(''))
      return [node]
    })
    const grown = rewrite(gold, (node) => {
      if (node.type !== 'table' || node.children.length !== 6) return [node]
      const body = paragraphs.slice(0, 24).map((text) => u.tableRow([u.tableCell([u.text(text)])]))
      return [u.table([...node.children, ...body])]
    })
    // Table 1 has 36 cells: with 24 more, 72 / 96 = 0.75 of them agree, still a match with 24 extra cells.
    expect(tableScore(gold, grown)).toMatchObject({matched: 2, extraCells: 24, cellAccuracy: 1})
    // Table 2 has 16 cells: with the 39 paragraphs of the report, 32 / 71 agree, no match.
    const swallowed = rewrite(gold, (node) => {
      if (node.type !== 'table' || node.children.length !== 4) return [node]
      const body = paragraphs.map((text) => u.tableRow([u.tableCell([u.text(text)])]))
      return [u.table([...node.children, ...body])]
    })
    expect(paragraphs).toHaveLength(39)
    const result = tableScore(gold, swallowed)
    expect(result).toMatchObject({found: 2, matched: 1, recall: 0.5, precision: 0.5, cellsRight: 36})
    expect(result.missing).toEqual(['option | how it would work | annual cost (£m) | main risk'])
  })

  it('find two tables read as one only once', () => {
    const [first, second] = tables(gold)
    const merged = u.root({lang: 'en'}, [u.table([...first!.children, ...second!.children])])
    const result = tableScore(gold, merged)
    expect(result).toMatchObject({found: 1, matched: 1, recall: 0.5, precision: 1})
    expect(result.cellAccuracy).toBeCloseTo(36 / 52, 5)
  })

  it('give an aside dissolved into the body no aside, though its text is all there', () => {
    const dissolved = asidesDissolved(gold)
    const result = asideScore(gold, dissolved)
    expect(result).toMatchObject({gold: 2, found: 0, matched: 0, recall: 0})
    expect(result.precision).toBeNull()
    expect(result.missing.map((entry) => entry.split(' ')[0])).toEqual(['sidebar', 'callout'])
    expect(textScore(gold, dissolved).similarity).toBe(1)
  })

  it('do not find a sidebar that swallowed the body paragraph after it', () => {
    const swollen = rewrite(gold, (node) => {
      if (node.type !== 'section' || !node.children.some((child) => child.type === 'aside' && child.kind === 'sidebar'))
        return [node]
      const children = [...node.children]
      const at = children.findIndex((child) => child.type === 'aside')
      const aside = children[at] as Aside
      const next = children[at + 1]!
      children.splice(at, 2, {...aside, children: [...aside.children, next]} as Aside)
      return [{...node, children} as Content]
    })
    const result = asideScore(gold, swollen)
    expect(result).toMatchObject({found: 2, matched: 1, recall: 0.5, precision: 0.5})
    expect(textScore(gold, swollen).similarity).toBe(1)
  })

  it('find an aside of the wrong kind, and say so', () => {
    const wrongKind = rewrite(gold, (node) => (node.type === 'aside' ? [{...node, kind: 'callout'} as Aside] : [node]))
    expect(asideScore(gold, wrongKind)).toMatchObject({matched: 2, kindAgreed: 1, recall: 1})
  })

  it('find the sidebar whose title came out as its first paragraph', () => {
    const titleInside = rewrite(gold, (node) => {
      if (node.type !== 'aside' || node.title === undefined) return [node]
      return [u.aside('sidebar', [u.paragraph([u.text(node.title)]), ...node.children])]
    })
    expect(asideScore(gold, titleInside)).toMatchObject({matched: 2, recall: 1, precision: 1})
  })

  it('lose aside precision when every body paragraph is set apart', () => {
    let paragraphs = 0
    const everything = rewrite(gold, (node) => {
      if (node.type !== 'section') return [node]
      const children = node.children.map((child) => {
        if (child.type !== 'paragraph') return child
        paragraphs++
        return u.aside('sidebar', [child])
      })
      return [{...node, children} as Content]
    })
    const result = asideScore(gold, everything)
    expect(paragraphs).toBe(25)
    expect(result).toMatchObject({found: 27, matched: 2, recall: 1})
    expect(result.precision).toBeCloseTo(2 / 27, 5)
  })
})

describe('a fixture without tables or asides', () => {
  it('has no table or aside ratios, whatever the output holds', async () => {
    const meridian = listReports().find((report) => report.name === 'meridian-2025-urban-heat')
    const plain = fromJson(await readFile(meridian!.gold!, 'utf8'))
    const output = structuredClone(plain)
    output.children.push(u.table([u.tableRow([u.tableCell([u.text('invented')])])]))
    output.children.push(u.aside('callout', [u.paragraph([u.text('also invented')])]))
    const result = score(plain, output)
    expect(result.tables).toMatchObject({gold: 0, found: 1, recall: null, precision: null, cellAccuracy: null})
    expect(result.asides).toMatchObject({gold: 0, found: 1, recall: null, precision: null})
  })
})

describe('the gold table', () => {
  it('shows table and aside ratios only where the gold has them, and pools them in the total', () => {
    const perfect = score(gold, structuredClone(gold), {artifacts})
    const flat = score(gold, asidesDissolved(tablesAsParagraphs(gold)), {artifacts})
    const plain = score(u.root({lang: 'en'}, [u.paragraph([u.text('Body text.')])]), u.root({lang: 'en'}, []))
    const row = (name: string, value: GoldDocument['score']): GoldDocument => ({
      name,
      file: `${name}.pdf`,
      score: value!,
      found: {} as GoldDocument['found'],
    })
    const report = {
      gold: {
        dir: 'reports',
        documents: [row('perfect', perfect), row('flat', flat), row('plain', plain)],
        total: total([perfect, flat, plain]),
        failed: 0,
        skipped: 0,
      },
      survey: {documents: [], corpus: {dir: null}},
    } as unknown as EvalReport
    for (const document of report.gold.documents) document.found = {treeProblems: 0} as GoldDocument['found']
    report.gold.documents[0]!.found.order = {checked: 40, interleaved: 0, samples: []}
    report.gold.documents[1]!.found.order = {checked: 10, interleaved: 3, samples: []}
    const lines = goldTable(report).split('\n')
    const cells = (name: string) =>
      lines
        .find((line) => line.startsWith(`| ${name} `))!
        .split('|')
        .map((cell) => cell.trim())
        .slice(10, 15)
    expect(lines[0]).toMatch(/\| table R \| table P \| cell acc \| aside R \| aside P \| interleaved \| note +\|$/)
    // Lines read out of their column, of the pairs checked; "–" where the check did not run; summed in the total.
    const interleaved = (name: string) =>
      lines
        .find((line) => line.startsWith(`| ${name} `))!
        .split('|')
        .map((cell) => cell.trim())[15]
    expect(['perfect', 'flat', 'plain', 'total (3 scored)'].map(interleaved)).toEqual(['0/40', '3/10', '–', '3/50'])
    expect(cells('perfect')).toEqual(['1.00', '1.00', '1.00', '1.00', '1.00'])
    expect(cells('flat')).toEqual(['0.00', '–', '0.00', '0.00', '–'])
    expect(cells('plain')).toEqual(['–', '–', '–', '–', '–'])
    expect(cells('total (3 scored)')).toEqual(['0.50', '1.00', '0.50', '0.50', '1.00'])
  })
})

describe('page numbers and the numbers of tables', () => {
  const cells = (rows: string[][]) =>
    u.table(rows.map((row, index) => u.tableRow(row.map((text) => u.tableCell([u.text(text)], {header: index === 0})))))
  const rows = [
    ['Area', 'Vehicles', 'Trips'],
    ['Tarnford', '4', '640'],
    ['Brenn', '3', '410'],
  ]
  const goldTree = u.root({lang: 'en', source: {pages: 9, tagged: false, encrypted: false}}, [
    u.paragraph([u.text('The pilots are compared in Table 2.')]),
    u.figure([cells(rows), u.caption([u.text('Table 2. The pilots')])]),
    u.paragraph([u.text('Kelsey Moor is the busiest.')]),
  ])

  it('are not taken for page numbers when a reader puts the caption first and reads the table by columns', () => {
    const columns = rows[0]!.map((_, column) => rows.map((row) => row[column]!))
    const output = u.root({lang: 'en', source: {pages: 9, tagged: false, encrypted: false}}, [
      u.paragraph([u.text('Table 2. The pilots')]),
      u.paragraph([u.text('The pilots are compared in Table 2.')]),
      cells(columns),
      u.paragraph([u.text('Kelsey Moor is the busiest.')]),
    ])
    const result = score(goldTree, output)
    // The diff cannot align every word of a reordered table, yet nothing here is page furniture.
    expect(result.text.similarity).toBeLessThan(0.9)
    expect(result.artifactLeaks.count).toBe(0)
    expect(result.tables).toMatchObject({matched: 1, goldCells: 9})
    expect(result.tables.cellsRight).toBeLessThan(9)
  })

  it('still count a page number left in the body beside a table that prints the same number', () => {
    const output = structuredClone(goldTree)
    output.children.push(u.paragraph([u.text('4')]))
    const glued = structuredClone(goldTree)
    glued.children.push(u.paragraph([u.text('Two pilots began in 2023. 4')]))
    expect(artifactLeaks(goldTree, output)).toMatchObject({count: 1, pageNumbers: 1})
    expect(artifactLeaks(goldTree, glued)).toMatchObject({count: 1, pageNumbers: 1})
  })
})
