import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {assert as assertTree} from '@folio/ast'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {bodyText, corpusDir, layoutOf, nodes, requireCorpus, text} from './helpers.js'

const run = requireCorpus()
const files = run ? readdirSync(corpusDir).filter((file) => file.endsWith('.pdf')) : []
const pdf = (name: string) => join(corpusDir, `${name}.pdf`)

describe.skipIf(!run)('the shared corpus (skipped: no ../shared/corpus beside the checkout)', () => {
  it('has PDFs to read', () => {
    expect(files.length).toBeGreaterThan(10)
  })

  for (const file of files) {
    it(`${file}: a valid tree with its text, or an honest warning`, async () => {
      const layout = await layoutOf(join(corpusDir, file))
      const {tree, diagnostics} = normalize(layout)
      assertTree(tree)
      const hasText = layout.pages.some((page) => page.lines.length > 0)
      if (hasText) {
        expect(nodes(tree).filter((node) => node.type === 'paragraph').length).toBeGreaterThan(0)
      } else {
        expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('image-only-document')
      }
      for (const diagnostic of diagnostics) {
        expect(diagnostic.source).toBe('folio-normalize')
        expect(diagnostic.ruleId).toMatch(/^[a-z]+(?:-[a-z]+)*$/)
      }
    })
  }
})

describe.skipIf(!run)('known failure modes on real reports', () => {
  it('dmca: running lines and page numbers out, printed numbers as page labels', async () => {
    const {tree, diagnostics} = normalize(await layoutOf(pdf('dmca-copyright-office-summary-1998-encrypted')))
    const body = bodyText(tree)
    expect(body).not.toMatch(/December 1998\s*Page \d/)
    expect(body).not.toMatch(/^Page \d+$/m)
    const labels = nodes(tree)
      .filter((node) => node.type === 'pageBreak')
      .map((node) => ('label' in node ? node.label : ''))
    expect(labels).toEqual(Array.from({length: 18}, (_, index) => String(index + 1)))
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'artifact-dropped').length).toBeGreaterThan(30)
  })

  it('dmca: WordPerfect symbol-font bullets make a list, bold leads stay strong', async () => {
    const {tree} = normalize(await layoutOf(pdf('dmca-copyright-office-summary-1998-encrypted')))
    const items = nodes(tree).filter((node) => node.type === 'listItem')
    expect(items.length).toBeGreaterThanOrEqual(5)
    const first = items.find((item) => text(item).startsWith('Title I, the'))
    expect(first).toBeDefined()
    expect(nodes(first!).some((node) => node.type === 'strong' && text(node).includes('WIPO Copyright'))).toBe(true)
    expect(bodyText(tree)).not.toContain('!')
  })

  it('dmca: words split at line ends are joined, and each decision is reported with its page', async () => {
    const {tree, diagnostics} = normalize(await layoutOf(pdf('dmca-copyright-office-summary-1998-encrypted')))
    const body = bodyText(tree)
    expect(body).toContain('the act of circumventing a technological measure')
    expect(body).not.toMatch(/circumvent-\s?ing/)
    const joined = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'hyphen-joined')
    expect(joined.length).toBeGreaterThan(5)
    for (const diagnostic of joined) {
      expect(diagnostic.severity).toBe('info')
      expect(diagnostic.place?.page).toBeGreaterThan(0)
    }
  })

  it('crs-lsb11421: link annotations land on the words under them', async () => {
    const {tree} = normalize(await layoutOf(pdf('crs-lsb11421-esa-god-squad-legal-sidebar')))
    const links = nodes(tree).filter((node) => node.type === 'link')
    expect(links.length).toBeGreaterThan(50)
    const section7 = links.find((node) => text(node) === 'Section 7')
    expect(section7 && 'url' in section7 ? section7.url : '').toMatch(/^https:\/\/uscode\.house\.gov\//)
  })

  it('crs-r46991: footnotes leave the running text and pair with their markers', async () => {
    const {tree} = normalize(await layoutOf(pdf('crs-r46991-economic-development-administration-overview')))
    const definitions = nodes(tree).filter((node) => node.type === 'footnoteDefinition')
    const references = nodes(tree).filter((node) => node.type === 'footnoteReference')
    expect(definitions.length).toBeGreaterThan(100)
    expect(references.length).toBeGreaterThan(100)
    const first = definitions.find((node) => 'label' in node && node.label === '1')
    expect(text(first!)).toMatch(/^EDA, “Key Definitions,”/)
    const paragraphs = nodes(tree).filter(
      (node) => node.type === 'paragraph' && !definitions.some((d) => nodes(d).includes(node)),
    )
    expect(paragraphs.some((node) => /^1 EDA, “Key Definitions/.test(text(node)))).toBe(false)
  })

  it('crs-r46991: the contents page becomes toc data, and the cover meta', async () => {
    const {tree} = normalize(await layoutOf(pdf('crs-r46991-economic-development-administration-overview')))
    const toc = tree.children.find((node) => node.type === 'toc')
    expect(toc && 'children' in toc ? toc.children.length : 0).toBeGreaterThan(20)
    expect(tree.meta.title).toMatch(/^Economic Development Administration/)
    expect(tree.meta.authors).toEqual(['Julie M. Lawhorn'])
    const headings = nodes(tree)
      .filter((node) => node.type === 'heading')
      .map(text)
    expect(headings).toContain('Introduction')
    expect(headings.some((heading) => /^Figure \d/.test(heading))).toBe(false)
  })

  it('ieee-tifs: ligature glyphs are unfolded into letters', async () => {
    const {tree} = normalize(await layoutOf(pdf('ieee-tifs-individual-differential-privacy-ligatures')))
    expect(bodyText(tree)).not.toMatch(/[\ufb00-\ufb06]/)
  })

  it('linn: a scanned page gives a warning and an honest tree, never a silent empty one', async () => {
    const {tree, diagnostics} = normalize(await layoutOf(pdf('linn-sequencer-brochure-scanned-image-only')))
    const warning = diagnostics.find((diagnostic) => diagnostic.ruleId === 'image-only-document')
    expect(warning?.severity).toBe('warning')
    expect(warning?.message).toMatch(/^Unexpected document without a text layer/)
    expect(nodes(tree).some((node) => node.type === 'image')).toBe(true)
    expect(nodes(tree).some((node) => node.type === 'pageBreak')).toBe(true)
  })
})
