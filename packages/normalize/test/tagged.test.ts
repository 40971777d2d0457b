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

function words(tree: Root): string[] {
  return bodyText(tree)
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
  const structWords = words(structure.tree)
  const plainWords = words(plain.tree)
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
