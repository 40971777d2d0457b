import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {assert as assertTree, type Diagnostic, type Root} from '@folio/ast'
import {listReports} from '@folio/fixtures'
import {afterAll, describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {readUnits} from '../src/lib/tagged.js'
import {bodyText, corpusDir, layoutOf, nodes, requireCorpus, text} from './helpers.js'

const run = requireCorpus()

/** The tagged PDFs of the shared corpus and the tagged fixtures, with what their trees are expected to do. */
const tagged: Array<{name: string; path: string; use: boolean}> = [
  ...[
    ['pdfua-reference-barrierefreie-pdf-chapter-de-tagged', true],
    ['pdfua-reference-textbook-chapter-physical-development-tagged', true],
    ['crs-if13200-treasury-exchange-stabilization-fund-in-focus', true],
    ['crs-lsb11421-esa-god-squad-legal-sidebar', true],
    ['crs-r46991-economic-development-administration-overview', true],
    ['crs-r47324-seabed-mining-beyond-national-jurisdiction', true],
    ['faa-amt-general-handbook-sample-page', true],
    // Custom roles the role map leaves unresolved: no heading anywhere in 76 pages.
    ['cancer-council-understanding-breast-cancer-booklet', false],
    // A third of the pages carry no tree.
    ['chelsea-plan-directeur-transport-actif-2021-fr', false],
  ].map(([name, use]) => ({name: name as string, path: join(corpusDir, `${name}.pdf`), use: use as boolean})),
]
const fixtures = listReports().filter((report) => /meridian-2025|cla-2025/.test(report.name))

function choice(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith('structure-tree-'))
}

function count(tree: Root, type: string): number {
  return nodes(tree).filter((node) => node.type === type).length
}

/** Text with the labels of note markers: either reading may resolve a marker the other leaves as text. */
function withMarkers(node: Parameters<typeof text>[0]): string {
  if (node.type === 'footnoteReference') return node.label ?? ''
  if (typeof node.value === 'string') return node.value
  return (node.children ?? []).map(withMarkers).join('')
}

/** Every word of the text, in tables and captions too: either reading may set some text as a table. */
function words(tree: Root): string[] {
  return nodes(tree)
    .filter((node) => ['paragraph', 'heading', 'tableCell', 'caption'].includes(node.type))
    .map(withMarkers)
    .join('\n')
    .split(/\s+/)
    .filter((word) => word !== '')
}

/**
 * Share of the letters of `a` found in `b`, counted with their repeats: text lost
 * or added shows, while words the layout split at a hyphen or across columns do not.
 */
function letterRecall(a: string[], b: string[]): number {
  const tally = (list: string[]) => {
    const bag = new Map<string, number>()
    for (const char of list.join('').replace(/[^\p{L}\p{N}]/gu, '')) bag.set(char, (bag.get(char) ?? 0) + 1)
    return bag
  }
  const left = tally(a)
  const right = tally(b)
  let total = 0
  let found = 0
  for (const [char, number] of left) {
    total += number
    found += Math.min(number, right.get(char) ?? 0)
  }
  return total === 0 ? 1 : found / total
}

/** Opening words of each paragraph and heading: how blocks of the two readings are matched. */
function blockKeys(tree: Root): string[] {
  return nodes(tree)
    .filter((node) => node.type === 'paragraph' || node.type === 'heading')
    .map((node) => text(node).toLowerCase().split(/\s+/).slice(0, 8).join(' '))
    .filter((key) => key.split(' ').length >= 5)
}

/**
 * Of the blocks both readings open with the same words, the share that come in
 * the same order (longest increasing run of positions over all matched).
 */
function orderAgreement(layoutTree: Root, structTree: Root): {matched: number; agreement: number} {
  const structKeys = blockKeys(structTree)
  const counts = new Map<string, number>()
  for (const key of [...structKeys, ...blockKeys(layoutTree)]) counts.set(key, (counts.get(key) ?? 0) + 1)
  const position = new Map<string, number>()
  structKeys.forEach((key, index) => {
    if (counts.get(key) === 2) position.set(key, index)
  })
  const sequence = blockKeys(layoutTree)
    .map((key) => position.get(key))
    .filter((value): value is number => value !== undefined)
  const tails: number[] = []
  for (const value of sequence) {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (tails[middle]! < value) low = middle + 1
      else high = middle
    }
    tails[low] = value
  }
  return {matched: sequence.length, agreement: sequence.length === 0 ? 1 : tails.length / sequence.length}
}

const rows: string[] = []
afterAll(() => {
  if (rows.length === 0) return
  console.info(
    [
      '| PDF | tree | headings layout/tree | list items layout/tree | paragraphs layout/tree | letters kept | order agrees |',
      '| :-- | :-- | --: | --: | --: | --: | --: |',
      ...rows,
    ].join('\n'),
  )
})

async function compare(name: string, path: string) {
  const layout = await layoutOf(path)
  const structure = normalize(layout)
  const plain = normalize(layout, {structure: false})
  assertTree(structure.tree)
  // Labels set in a drawing leave the text on purpose (each named in a diagnostic): they count as read.
  const labels = (diagnostics: Diagnostic[]) =>
    diagnostics
      .filter((diagnostic) => diagnostic.ruleId === 'figure-label-dropped')
      .flatMap((diagnostic) => (/“(.*)”/u.exec(diagnostic.message)?.[1] ?? '').split(/\s+/))
      .filter((word) => word !== '')
  const structWords = [...words(structure.tree), ...labels(structure.diagnostics)]
  const plainWords = [...words(plain.tree), ...labels(plain.diagnostics)]
  const order = orderAgreement(plain.tree, structure.tree)
  const decided = choice(structure.diagnostics)
  const pair = (type: string) => `${count(plain.tree, type)} / ${count(structure.tree, type)}`
  rows.push(
    `| ${name} | ${decided[0]?.ruleId === 'structure-tree-used' ? 'used' : 'ignored'} | ${pair('heading')} | ${pair('listItem')} | ${pair('paragraph')} | ${letterRecall(plainWords, structWords).toFixed(3)} | ${order.agreement.toFixed(2)} (${order.matched}) |`,
  )
  return {layout, structure, plain, structWords, plainWords, order, decided}
}

describe.skipIf(!run)('tagged PDFs: structure tree and layout compared (skipped: no ../shared/corpus)', () => {
  for (const file of tagged) {
    it(`${file.name}: the tree is ${file.use ? 'used' : 'ignored'}, and the text reads the same either way`, async () => {
      expect(existsSync(file.path)).toBe(true)
      const {layout, structure, plain, structWords, plainWords, order, decided} = await compare(file.name, file.path)
      expect(layout.tagged).toBe(true)
      expect(decided).toHaveLength(1)
      expect(decided[0]!.severity).toBe('info')
      expect(decided[0]!.source).toBe('folio-normalize')
      expect(decided[0]!.message).toMatch(/^Unexpected .+, expected .+/)
      expect(decided[0]!.ruleId).toBe(file.use ? 'structure-tree-used' : 'structure-tree-ignored')
      // Reading the layout only says nothing of the tree.
      expect(choice(plain.diagnostics)).toHaveLength(0)
      if (!file.use) {
        // An ignored tree leaves the layout's reading as it is.
        expect(structure.tree).toEqual(plain.tree)
        return
      }
      // No word is lost or added by reading the tree, and the blocks come in the same order.
      expect(letterRecall(plainWords, structWords)).toBeGreaterThan(0.995)
      expect(letterRecall(structWords, plainWords)).toBeGreaterThan(0.99)
      expect(order.matched).toBeGreaterThan(0)
      expect(order.agreement).toBeGreaterThan(0.95)
      // Headings and paragraphs: each reading finds them.
      expect(count(structure.tree, 'heading')).toBeGreaterThan(0)
      expect(count(structure.tree, 'paragraph')).toBeGreaterThan(0)
    })
  }

  it('cancer-council: the reason for ignoring the tree is named', async () => {
    const layout = await layoutOf(join(corpusDir, 'cancer-council-understanding-breast-cancer-booklet.pdf'))
    const [decided] = choice(normalize(layout).diagnostics)
    expect(decided?.message).toMatch(/the tree has no headings over \d+ pages/)
  })

  it('chelsea: a tree on two pages in three is not enough', async () => {
    const layout = await layoutOf(join(corpusDir, 'chelsea-plan-directeur-transport-actif-2021-fr.pdf'))
    const [decided] = choice(normalize(layout).diagnostics)
    expect(decided?.message).toMatch(/only \d+% of the pages carry a tree/)
  })

  it('crs-if13200: heading levels come from H1 tags, and the untagged disclaimer title is still a heading', async () => {
    const layout = await layoutOf(join(corpusDir, 'crs-if13200-treasury-exchange-stabilization-fund-in-focus.pdf'))
    const headings = nodes(normalize(layout).tree)
      .filter((node) => node.type === 'heading')
      .map((node) => `${'depth' in node ? node.depth : ''} ${text(node)}`)
    expect(headings).toEqual([
      '1 Background',
      '1 ESF Resources',
      '1 ESF Uses',
      '1 Policy Considerations for Congress',
      '1 Disclaimer',
    ])
  })

  it('crs-lsb11421: a closing H1 set like the H2 sections takes their rank; H2 and H3 become levels 1 and 2', async () => {
    const layout = await layoutOf(join(corpusDir, 'crs-lsb11421-esa-god-squad-legal-sidebar.pdf'))
    const headings = nodes(normalize(layout).tree)
      .filter((node) => node.type === 'heading')
      .map((node) => `${'depth' in node ? node.depth : ''} ${text(node)}`)
    expect(headings).toEqual([
      '1 Exemptions from ESA Section 7',
      '2 Section 7 Consultation',
      '2 Endangered Species Committee and the Section 7 Exemption Process',
      '1 Gulf Oil and Gas Leasing Consultation and NMFS Biological Opinion',
      '1 The National Security Exemption',
      '2 Preliminary Litigation',
      '2 Endangered Species Committee Meeting and Decision',
      '2 Subsequent Litigation and Likely Legal Issues',
      '1 Considerations for Congress',
      '1 Author Information',
      '1 Disclaimer',
    ])
  })

  it('crs-r46991: figure titles tagged as headings stay out of the headings; paragraphs run on across pages', async () => {
    const layout = await layoutOf(join(corpusDir, 'crs-r46991-economic-development-administration-overview.pdf'))
    const {tree} = normalize(layout)
    const headings = nodes(tree)
      .filter((node) => node.type === 'heading')
      .map(text)
    expect(headings).toContain('Introduction')
    expect(headings.some((heading) => /^Figure \d/.test(heading))).toBe(false)
    // A paragraph the page cuts is one paragraph with the page break inside it, joined where the sentence runs on
    // (or where the layout joins it too).
    const cutParagraphs = (root: Root) =>
      nodes(root).filter(
        (node) => node.type === 'paragraph' && (node.children ?? []).some((child) => child.type === 'pageBreak'),
      )
    const cut = cutParagraphs(tree)
    const layoutCut = new Set(cutParagraphs(normalize(layout, {structure: false}).tree).map(text))
    expect(cut.length).toBeGreaterThan(3)
    for (const paragraph of cut) {
      if (layoutCut.has(text(paragraph))) continue
      const children = paragraph.children ?? []
      const at = children.findIndex((child) => child.type === 'pageBreak')
      const before = children.slice(0, at).map(text).join('').trim()
      const after = children
        .slice(at + 1)
        .map(text)
        .join('')
        .trim()
      const runsOn = !/[.!?:;]["'”’)]*$/u.test(before) || /^\p{Ll}/u.test(after)
      expect(runsOn, `${before.slice(-40)} | ${after.slice(0, 40)}`).toBe(true)
    }
  })

  it('pdfua textbook: list items come from LI elements, labels become markers and stay out of the text', async () => {
    const layout = await layoutOf(join(corpusDir, 'pdfua-reference-textbook-chapter-physical-development-tagged.pdf'))
    const {tree} = normalize(layout)
    const plain = normalize(layout, {structure: false}).tree
    expect(count(tree, 'listItem')).toBeGreaterThanOrEqual(count(plain, 'listItem'))
    const lists = nodes(tree).filter((node) => node.type === 'list')
    expect(lists.length).toBeGreaterThan(10)
    for (const item of nodes(tree).filter((node) => node.type === 'listItem')) {
      expect(text(item)).not.toMatch(/^\s*[•●▪■]/u)
    }
  })

  it('every element kind of a real tree is read: headings with depth, items with labels, quotations', async () => {
    const layout = await layoutOf(join(corpusDir, 'pdfua-reference-textbook-chapter-physical-development-tagged.pdf'))
    const units = layout.pages.flatMap((page) => (page.structTree ? readUnits(page.structTree) : []))
    expect(units.some((unit) => unit.kind === 'heading' && unit.depth === 3)).toBe(true)
    expect(units.some((unit) => unit.kind === 'item' && (unit.label?.length ?? 0) > 0)).toBe(true)
    expect(units.some((unit) => unit.kind === 'quote')).toBe(true)
    // Artifacts never become elements.
    expect(units.every((unit) => unit.role !== 'Artifact')).toBe(true)
  })
})

describe.skipIf(!run)('tagged figures (skipped: no ../shared/corpus)', () => {
  it('pdfua textbook: a figure image carries the /Alt its author wrote', async () => {
    const layout = await layoutOf(join(corpusDir, 'pdfua-reference-textbook-chapter-physical-development-tagged.pdf'))
    const images = nodes(normalize(layout).tree).filter((node) => node.type === 'image')
    expect(images.length).toBeGreaterThan(0)
    expect(images.map((image) => ('alt' in image ? image.alt : undefined))).toContainEqual(
      expect.stringMatching(/^Photograph showing two boys playing ball/),
    )
    // Reading the layout only leaves the alt unknown.
    const plain = nodes(normalize(layout, {structure: false}).tree).filter((node) => node.type === 'image')
    expect(plain.every((image) => !('alt' in image) || image.alt === undefined)).toBe(true)
  })

  it('faa: an /Alt that only says "Figure" is no description', async () => {
    const layout = await layoutOf(join(corpusDir, 'faa-amt-general-handbook-sample-page.pdf'))
    const figures = layout.pages.flatMap((page) =>
      page.structTree
        ? nodes(page.structTree as never).filter((node) => (node as {role?: string}).role === 'Figure')
        : [],
    )
    expect(figures.length).toBeGreaterThan(0)
    const images = nodes(normalize(layout).tree).filter((node) => node.type === 'image')
    expect(images.length).toBeGreaterThan(0)
    for (const image of images) expect('alt' in image ? image.alt : undefined).toBeUndefined()
  })
})

describe('tagged fixtures: the tree gives the gold reading', () => {
  it('finds both tagged fixtures', () => {
    expect(fixtures.map((report) => report.name).sort()).toEqual([
      'cla-2025-language-access',
      'meridian-2025-urban-heat',
    ])
  })

  for (const report of fixtures) {
    it(`${report.name}: the tree is used and reads exactly as the layout does`, async () => {
      const {structure, plain, decided} = await compare(report.name, report.pdf)
      expect(decided.map((diagnostic) => diagnostic.ruleId)).toEqual(['structure-tree-used'])
      expect(decided[0]!.message).toMatch(/coverage 100%/)
      expect(structure.tree).toEqual(plain.tree)
    })
  }
})

describe('damaged structure trees', () => {
  it('a layout whose trees are broken still gives a valid tree and one choice, never a crash', async () => {
    const report = fixtures.find((item) => item.name.startsWith('meridian'))!
    const layout = structuredClone(await layoutOf(report.pdf))
    let deep: unknown = {role: 'P', mcids: [0], children: []}
    for (let index = 0; index < 500; index++) deep = {role: 'Div', children: [deep]}
    const broken: unknown[] = [
      {role: 5, children: 'x'},
      {role: 'P', mcids: ['a', 1.5, null], children: [null, 7, {role: 'Figure', alt: 3, children: []}]},
      deep,
      'Root',
    ]
    layout.pages.forEach((page, index) => {
      if (index < broken.length) (page as {structTree?: unknown}).structTree = broken[index]
    })
    const {tree, diagnostics} = normalize(layout)
    assertTree(tree)
    expect(choice(diagnostics)).toHaveLength(1)
    // The damaged pages hold no tree to speak of: the layout is read, with the reason named.
    expect(choice(diagnostics)[0]!.ruleId).toBe('structure-tree-ignored')
    expect(bodyText(tree)).toContain('heat')
  })
})

describe.skipIf(!run)('notes, tables and boxes from the tree (skipped: no ../shared/corpus)', () => {
  const read = async (name: string) => {
    const layout = await layoutOf(join(corpusDir, `${name}.pdf`))
    return {layout, ...normalize(layout)}
  }
  const elements = (layout: Awaited<ReturnType<typeof layoutOf>>, role: string, inside?: string) => {
    let found = 0
    const walk = (node: {role: string; children: unknown[]}, within: boolean) => {
      if (node.role === role && (inside === undefined || within)) found++
      for (const child of node.children) walk(child as typeof node, within || node.role === inside)
    }
    for (const page of layout.pages) if (page.structTree) walk(page.structTree, false)
    return found
  }

  for (const name of [
    'crs-r47324-seabed-mining-beyond-national-jurisdiction',
    'crs-r46991-economic-development-administration-overview',
  ]) {
    it(`${name}: each labelled paragraph of a Note element is a footnote, numbered 1 to N without a gap, each referred to`, async () => {
      const {layout, tree, diagnostics} = await read(name)
      const definitions = nodes(tree).filter((node) => node.type === 'footnoteDefinition')
      const labels = definitions.map((node) => Number('label' in node ? node.label : Number.NaN)).sort((a, b) => a - b)
      expect(labels).toEqual(labels.map((_, index) => index + 1))
      // Paragraphs inside Note elements: one per note, and a few that carry a note on.
      const paragraphs = elements(layout, 'P', 'Note')
      expect(definitions.length).toBeLessThanOrEqual(paragraphs)
      expect(definitions.length).toBeGreaterThan(paragraphs * 0.95)
      const referred = new Set(
        nodes(tree)
          .filter((node) => node.type === 'footnoteReference')
          .map((node) => ('identifier' in node ? node.identifier : '')),
      )
      for (const node of definitions) expect(referred.has('identifier' in node ? node.identifier : '')).toBe(true)
      const used = diagnostics.find((diagnostic) => diagnostic.ruleId === 'structure-notes-used')
      expect(used?.message).toContain(`${definitions.length} notes read from Note elements`)
    })
  }

  it('pdfua textbook: a numbered quiz set small at a page foot, tagged as a list, is a list and no notes', async () => {
    const {tree, diagnostics} = await read('pdfua-reference-textbook-chapter-physical-development-tagged')
    const question = /^The fact that a newborn’s head is 70 percent of its adult size/
    const items = nodes(tree).filter((node) => node.type === 'listItem')
    expect(items.some((node) => question.test(text(node)))).toBe(true)
    const notes = nodes(tree).filter((node) => node.type === 'footnoteDefinition')
    expect(notes.some((node) => question.test(text(node)))).toBe(false)
    expect(notes.length).toBeLessThanOrEqual(3)
    const listed = diagnostics.find((diagnostic) => diagnostic.ruleId === 'structure-notes-listed')
    expect(listed?.message).toMatch(/^Unexpected notes at the page foot that the structure tree tags as list items/)
  })

  it('crs-r46991: a box set small at a page foot is an aside of its own, not run into the text before it', async () => {
    const {tree} = await read('crs-r46991-economic-development-administration-overview')
    const box = nodes(tree).find(
      (node) => node.type === 'aside' && 'title' in node && node.title === 'Recovery and Resiliency',
    )
    expect(box).toBeDefined()
    expect(text(box!)).toMatch(/^EDA programs support state and local activities that facilitate long-term strategies/)
    const paragraphs = nodes(tree).filter((node) => node.type === 'paragraph' || node.type === 'heading')
    expect(paragraphs.filter((node) => /Recovery and Resiliency EDA programs/.test(text(node)))).toHaveLength(0)
  })

  it('pdfua textbook: TABLE 5.1 is a table of 15 rows by 3 cells, in a figure with the caption beside it in the tree', async () => {
    const {tree} = await read('pdfua-reference-textbook-chapter-physical-development-tagged')
    const figure = nodes(tree).find(
      (node) => node.type === 'figure' && (node.children ?? []).some((child) => child.type === 'table'),
    )
    expect(figure).toBeDefined()
    const [table, caption] = figure!.children ?? []
    expect(text(caption!)).toMatch(/^TABLE 5\.1 Age Norms \(in Months\) for Important Motor Developments/)
    const rows = (table!.children ?? []).map((row) => (row.children ?? []).map(text))
    expect(rows).toHaveLength(15)
    expect(rows.every((row) => row.length === 3)).toBe(true)
    expect(rows[0]).toEqual([
      'Skill',
      'Month when 50% of infants have mastered the skill',
      'Month when 90% of infants have mastered the skill',
    ])
    expect(rows[1]).toEqual(['Lifts head 90° while lying on stomach', '2.2', '3.2'])
    // TH cells (the header row and the first column) are headers, TD cells are not.
    const header = (table!.children ?? []).map((row) =>
      (row.children ?? []).map((cell) => ('header' in cell ? cell.header === true : false)),
    )
    expect(header[0]).toEqual([true, true, true])
    expect(header[1]).toEqual([true, false, false])
  })

  it('crs-r47324: Table 1 is a table of 4 rows by 4 cells, its title set just before it is its caption', async () => {
    const {tree} = await read('crs-r47324-seabed-mining-beyond-national-jurisdiction')
    const figure = nodes(tree).find(
      (node) =>
        node.type === 'figure' && /^Table 1\./.test(text((node.children ?? [])[1] ?? {type: 'text', value: ''})),
    )
    expect(figure).toBeDefined()
    const table = figure!.children![0]!
    expect(table.type).toBe('table')
    const rows = (table.children ?? []).map((row) => (row.children ?? []).map(text))
    expect(rows.map((row) => row.length)).toEqual([4, 4, 4, 4])
    expect(rows[0]).toEqual(['Marine Deposit Type', 'Deposit Description', 'Minerals', 'Occurrences'])
    expect(rows[1]![0]).toBe('Polymetallic Nodules')
    // The title is no longer a paragraph of its own.
    expect(nodes(tree).filter((node) => node.type === 'paragraph' && /^Table 1\. Types/.test(text(node)))).toHaveLength(
      0,
    )
  })

  it('crs-r46991: a table the page cuts is one table, its header row not repeated', async () => {
    const {tree} = await read('crs-r46991-economic-development-administration-overview')
    const figure = nodes(tree).find(
      (node) =>
        node.type === 'figure' && /^Table B-2\./.test(text((node.children ?? [])[1] ?? {type: 'text', value: ''})),
    )
    const rows = (figure?.children?.[0]?.children ?? []).map((row) => (row.children ?? []).map(text))
    const firsts = rows.map((row) => row[0])
    expect(firsts).toContain('Public Works')
    expect(firsts).toContain('Total (Supplemental + Annual)')
    expect(firsts.filter((cell) => cell === 'Program')).toHaveLength(1)
    expect(new Set(rows.map((row) => row.length)).size).toBe(1)
  })

  it('pdfua German chapter: a table with spanning cells is no table; its cells read one after another', async () => {
    const {tree} = await read('pdfua-reference-barrierefreie-pdf-chapter-de-tagged')
    expect(nodes(tree).filter((node) => node.type === 'table')).toHaveLength(0)
    const paragraphs = nodes(tree)
      .filter((node) => node.type === 'paragraph')
      .map(text)
    const start = paragraphs.indexOf('Was & Wer?')
    expect(start).toBeGreaterThanOrEqual(0)
    expect(paragraphs.slice(start, start + 6)).toEqual(['Was & Wer?', 'Was?', 'Ad hoc', 'Vorlage', 'Prozess', 'Wer?'])
  })

  it('crs-r46991: a table with lists in its cells reads cell after cell, never a line across the columns', async () => {
    const {tree} = await read('crs-r46991-economic-development-administration-overview')
    const items = nodes(tree)
      .filter((node) => node.type === 'listItem')
      .map(text)
    expect(items).toContain('Collaborative regional innovation')
    expect(items).toContain('Public private partnerships')
    expect(bodyText(tree)).toContain('Table 1. Comparison of EDA Investment Priorities')
  })

  it('crs-r47324: one-cell tables that frame text are asides with their title; a box the page cuts stays one', async () => {
    const {tree} = await read('crs-r47324-seabed-mining-beyond-national-jurisdiction')
    const asides = nodes(tree).filter((node) => node.type === 'aside')
    const titles = asides.map((node) => ('title' in node ? node.title : undefined))
    expect(titles).toContain('International Benefit-Sharing Mechanism for Seabed Resources')
    expect(titles).toContain('Calls for a Deep-Seabed Mining Moratorium')
    const benefit = asides.find((node) => 'title' in node && node.title?.startsWith('International Benefit'))!
    // The box runs on over the page: its last paragraphs (set on the next page) are in it.
    expect(text(benefit)).toContain('provide a joint report on the “feasibility of an international benefit')
    expect(bodyText(tree).split('provide a joint report on the “feasibility')).toHaveLength(2)
    // A frame round the byline holds no text set apart: it stays in place.
    expect(titles).not.toContain('April 15, 2026')
  })
})

describe.skipIf(!run)('figures from the tree (skipped: no ../shared/corpus)', () => {
  it('pdfua textbook: Figure elements become figures whose image carries the /Alt and whose caption is the Caption', async () => {
    const layout = await layoutOf(join(corpusDir, 'pdfua-reference-textbook-chapter-physical-development-tagged.pdf'))
    const {tree} = normalize(layout)
    const figures = nodes(tree).filter(
      (node) => node.type === 'figure' && (node.children ?? []).some((child) => child.type === 'image'),
    )
    expect(figures.length).toBeGreaterThanOrEqual(6)
    const growth = figures.find((node) => /^Figure 5\.1 Gain in height/.test(text(node.children![1]!)))
    expect(growth).toBeDefined()
    const image = growth!.children![0]!
    expect('alt' in image ? image.alt : undefined).toMatch(/^Line graph showing the Gain in height/)
    // The labels set in the drawing leave the running text.
    const body = bodyText(tree).split('\n')
    expect(body).not.toContain('Height gain, cm/yr')
    expect(body).not.toContain('Size attained as percentage of total postnatal growth')
    // The ornament before a caption is no text of it.
    for (const figure of figures) {
      const caption = figure.children?.[1]
      if (caption) expect(text(caption)).not.toMatch(/^•/u)
    }
  })
})

describe.skipIf(!run)('Aside elements (skipped: no ../shared/corpus)', () => {
  it('faa: a section tagged Aside (as PDF 2.0 names a sidebar) becomes an aside with its title', async () => {
    const layout = structuredClone(await layoutOf(join(corpusDir, 'faa-amt-general-handbook-sample-page.pdf')))
    // The corpus holds no PDF 2.0 file: the section on the stainless steel nut is retagged as one.
    let retagged = 0
    const walk = (node: {role: string; children: Array<{role: string; children: unknown[]}>}) => {
      for (const child of node.children) {
        const first = child.children[0] as {role: string; mcids?: number[]} | undefined
        const words = layout.pages[0]!.lines.flatMap((line) => line.words)
        const title = words.filter((word) => word.mcid !== undefined && first?.mcids?.includes(word.mcid))
        if (child.role === 'Sect' && title.map((word) => word.text).join(' ') === 'Stainless Steel Self-Locking Nut') {
          child.role = 'Aside'
          retagged++
        }
        walk(child as typeof node)
      }
    }
    walk(layout.pages[0]!.structTree as never)
    expect(retagged).toBe(1)
    const {tree} = normalize(layout)
    const asides = nodes(tree).filter((node) => node.type === 'aside')
    expect(asides).toHaveLength(1)
    expect('title' in asides[0]! ? asides[0].title : undefined).toBe('Stainless Steel Self-Locking Nut')
    expect(text(asides[0]!)).toMatch(/^The stainless steel self-locking nut may be spun on and off by hand/)
    expect(bodyText(tree)).not.toMatch(/Stainless Steel Self-Locking Nut\n/)
  })
})

describe.skipIf(!run)('paragraphs a page cuts before a float (skipped: no ../shared/corpus)', () => {
  /** Paragraphs, headings and captions in reading order, page breaks inside them marked. */
  const blocks = (tree: Root): string[] =>
    nodes(tree)
      .filter((node) => node.type === 'paragraph' || node.type === 'heading' || node.type === 'caption')
      .map((node) =>
        nodes(node)
          .map((part) => (part.type === 'pageBreak' ? '[break]' : typeof part.value === 'string' ? part.value : ''))
          .join(''),
      )

  it('pdfua textbook: a photo caption tagged after the paragraph the page cut waits for it to end on the next page', async () => {
    const layout = await layoutOf(join(corpusDir, 'pdfua-reference-textbook-chapter-physical-development-tagged.pdf'))
    const read = blocks(normalize(layout).tree)
    for (const [start, goesOn, caption] of [
      ['Throughout the 2nd year, infants', 'they can copy a[break] simple horizontal', 'The pincer grasp is a crucial'],
      [
        'Aside from the entertainment value',
        'allows her to approach[break] the dog',
        'As infants swing back and forth',
      ],
    ] as const) {
      const paragraph = read.findIndex((block) => block.startsWith(start))
      expect(read[paragraph]).toContain(goesOn)
      // The caption is whole, on its own, after the paragraph it stood beside.
      const float = read.findIndex((block) => block.startsWith(caption))
      expect(float).toBeGreaterThan(paragraph)
      expect(read[float]).not.toMatch(/\[break\]/)
      expect(read[float]!.endsWith('.')).toBe(true)
    }
  })

  it('pdfua textbook: TABLE 5.1, tagged between the two halves of a paragraph the page cut, comes after it whole', async () => {
    const layout = await layoutOf(join(corpusDir, 'pdfua-reference-textbook-chapter-physical-development-tagged.pdf'))
    const read = blocks(normalize(layout).tree)
    const paragraph = read.findIndex((block) => block.startsWith('The two fundamental “laws”'))
    expect(read[paragraph]).toContain('with activities involving the[break] head, neck, and upper extremities')
    expect(read.findIndex((block) => block.startsWith('TABLE 5.1 Age Norms'))).toBeGreaterThan(paragraph)
    // No paragraph is left holding the page break alone.
    expect(read).not.toContain('[break]')
  })

  it('pdfua textbook: margin glossary terms and a figure credit after the paragraph the page cut are passed over', async () => {
    const layout = await layoutOf(join(corpusDir, 'pdfua-reference-textbook-chapter-physical-development-tagged.pdf'))
    const read = blocks(normalize(layout).tree)
    const paragraph = read.findIndex((block) => block.startsWith('The highest brain center, the cerebrum'))
    expect(read[paragraph]).toContain('it contains centers for speech,[break] hearing, verbal memory')
    // The glossary term stays a term of its own, after the paragraph.
    expect(read.indexOf('cerebral cortex')).toBeGreaterThan(paragraph)
  })
})
