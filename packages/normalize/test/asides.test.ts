import {join} from 'node:path'
import {assert as assertTree, type Root} from '@folio/ast'
import {listReports} from '@folio/fixtures'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {bodyText, corpusDir, layoutOf, nodes, requireCorpus, text} from './helpers.js'

type AnyNode = ReturnType<typeof nodes>[number]

const ashbury = listReports().find((report) => report.name === 'ashbury-2025-rural-buses')

function asides(tree: Root): Array<{kind: string; title: string | undefined; paragraphs: string[]; page: number}> {
  return nodes(tree)
    .filter((node) => node.type === 'aside' && 'kind' in node && node.kind !== 'colophon')
    .map((node) => ({
      kind: 'kind' in node ? String(node.kind) : '',
      title: 'title' in node && typeof node.title === 'string' ? node.title : undefined,
      paragraphs: (node.children ?? []).filter((child) => child.type === 'paragraph').map(text),
      page: node.data?.source?.page ?? 0,
    }))
}

/** The paragraphs and asides of a tree in reading order. */
function flow(tree: Root): AnyNode[] {
  const inAside = new Set(
    nodes(tree)
      .filter((node) => node.type === 'aside')
      .flatMap((node) => nodes(node).slice(1)),
  )
  return nodes(tree).filter((node) => (node.type === 'paragraph' || node.type === 'aside') && !inAside.has(node))
}

describe.runIf(ashbury)('boxed sidebar and call-out of the fixture report (ashbury-2025-rural-buses)', () => {
  it('the shaded, framed box with a bold title is a sidebar of two paragraphs, out of the running text', async () => {
    const {tree} = normalize(await layoutOf(ashbury!.pdf))
    assertTree(tree)
    const [sidebar] = asides(tree)
    expect(sidebar).toMatchObject({kind: 'sidebar', title: 'Booking a ride in Tarnford Vale', page: 4})
    expect(sidebar!.paragraphs).toHaveLength(2)
    expect(sidebar!.paragraphs[0]).toMatch(/^A rider calls the booking line/)
    expect(sidebar!.paragraphs[1]).toMatch(/^The rider receives a text message/)
    expect(
      bodyText(tree)
        .split('\n')
        .filter((line) => line.includes('A rider calls the booking line')),
    ).toHaveLength(1)
  })

  it('the paragraph beside the sidebar stays one paragraph, and the sidebar follows it', async () => {
    const {tree} = normalize(await layoutOf(ashbury!.pdf))
    const order = flow(tree)
    const at = order.findIndex((node) => node.type === 'aside' && 'kind' in node && node.kind === 'sidebar')
    const before = text(order[at - 1]!)
    expect(before).toMatch(/^Every pilot uses routing software/)
    expect(before).toMatch(/telephone line opened\.$/)
    expect(text(order[at + 1]!)).toMatch(/^Booking ahead suits planned trips/)
  })

  it('the pull quote in a box is a call-out with its attribution, between the paragraphs it stands between', async () => {
    const {tree} = normalize(await layoutOf(ashbury!.pdf))
    const callout = asides(tree).find((aside) => aside.kind === 'callout')
    expect(callout).toMatchObject({title: undefined, page: 5})
    expect(callout!.paragraphs).toHaveLength(2)
    expect(callout!.paragraphs[0]).toMatch(/^“I used to plan my week around the two buses/)
    expect(callout!.paragraphs[1]).toMatch(/^Registered user, Coldharbour/)
    const order = flow(tree)
    const at = order.findIndex((node) => node.type === 'aside' && 'kind' in node && node.kind === 'callout')
    expect(order[at - 1]?.type).toBe('paragraph')
    expect(order[at + 1]?.type).toBe('paragraph')
  })

  it('table cells are no boxes: the shaded header cells of Table 2 make no aside', async () => {
    const {tree} = normalize(await layoutOf(ashbury!.pdf))
    expect(asides(tree).map((aside) => aside.kind)).toEqual(['sidebar', 'callout'])
  })
})

const run = requireCorpus()
const pdf = (name: string) => join(corpusDir, `${name}.pdf`)

describe.runIf(run)('boxes on the corpus (skipped: no ../shared/corpus beside the checkout)', () => {
  it('GAO snapshot: the shaded summary over the page edge is a call-out, first after the page milestone', async () => {
    const {tree} = normalize(await layoutOf(pdf('gao-23-106826-national-cybersecurity-strategy-snapshot')))
    assertTree(tree)
    const found = asides(tree)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({kind: 'callout', page: 1})
    expect(found[0]!.paragraphs[0]).toMatch(
      /^In March 2023, the White House issued the National Cybersecurity Strategy/,
    )
    const top = tree.children.filter((node) => node.type !== 'toc').slice(0, 2)
    expect(top.map((node) => node.type)).toEqual(['pageBreak', 'aside'])
  })

  it('CRS overview (layout path): the definition box is a titled sidebar; the paragraph around it stays whole', async () => {
    const {tree} = normalize(await layoutOf(pdf('crs-r46991-economic-development-administration-overview')), {
      structure: false,
    })
    const sidebar = asides(tree).find((aside) => aside.page === 5)
    expect(sidebar).toMatchObject({kind: 'sidebar', title: 'EDA’s Definition of Economic Development'})
    expect(sidebar!.paragraphs.join(' ')).toContain('the conditions for economic growth')
    const paragraph = flow(tree).find((node) => text(node).startsWith('The Economic Development Administration (EDA)'))
    expect(text(paragraph!)).toContain('programs, roles, and investment')
  })

  it('CRS seabed report (layout path): a sidebar run over a page break is one aside, its notes stay notes', async () => {
    const {tree} = normalize(await layoutOf(pdf('crs-r47324-seabed-mining-beyond-national-jurisdiction')), {
      structure: false,
    })
    assertTree(tree)
    const found = asides(tree).filter((aside) => aside.page === 15 || aside.page === 16)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      kind: 'sidebar',
      page: 15,
      title: 'International Benefit-Sharing Mechanism for Seabed Resources',
    })
    // The paragraph cut by the page break reads on, and the box's sources come last.
    expect(found[0]!.paragraphs.join('\n')).toContain(
      'along with other federal entities, to provide a joint report on the “feasibility',
    )
    expect(found[0]!.paragraphs[found[0]!.paragraphs.length - 1]).toMatch(/^Sources: Executive Office of the President/)
    // The notes under the box on page 15 are notes, not running text.
    const notes = nodes(tree).filter((node) => node.type === 'footnoteDefinition' && node.data?.source?.page === 15)
    expect(notes.map(text)).toContain(
      'TMC, “CEO Statement on ISA and USA,” March 2025, https://metals.co/ceo-statement-on-isa-and-usa/.',
    )
    expect(bodyText(tree)).not.toContain('61 Sachi Kitajima Mulkey')
  })

  it('Cancer Council booklet: the framed box is a sidebar; the rows of a shaded table are no call-outs', async () => {
    const {tree} = normalize(await layoutOf(pdf('cancer-council-understanding-breast-cancer-booklet')))
    const found = asides(tree)
    expect(found.find((aside) => aside.page === 11)).toMatchObject({
      kind: 'sidebar',
      title: 'Lobular carcinoma in situ',
    })
    expect(found.filter((aside) => aside.page === 24)).toEqual([])
    // A drawing's labels on a shaded panel (page 7) stay with the drawing.
    expect(found.filter((aside) => aside.page === 7)).toEqual([])
  })
})

describe.runIf(ashbury)('pages of many shapes', () => {
  it('a page hatched with thousands of rules and boxes (as many as extract keeps) gives no table and no aside', async () => {
    const layout = structuredClone(await layoutOf(ashbury!.pdf))
    const page = layout.pages[2]!
    const graphics: NonNullable<typeof page.graphics> = []
    for (let index = 0; index < 2500; index++) {
      const y = 60 + (index % 700)
      graphics.push({kind: 'rule', bbox: [60, y, 530, y + 0.5], stroke: '#000000', lineWidth: 0.5})
      graphics.push({kind: 'rect', bbox: [60 + (index % 40) * 10, y, 68 + (index % 40) * 10, y + 8], fill: '#cccccc'})
    }
    page.graphics = graphics
    const {tree} = normalize(layout)
    assertTree(tree)
    const onPage = nodes(tree).filter(
      (node) => (node.type === 'table' || node.type === 'aside') && node.data?.source?.page === page.number,
    )
    expect(onPage).toEqual([])
    // The text reads as without the shapes.
    expect(bodyText(tree)).toBe(bodyText(normalize(await layoutOf(ashbury!.pdf)).tree))
  })
})
