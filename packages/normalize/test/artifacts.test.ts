import {join} from 'node:path'
import type {Diagnostic, Root} from '@folio/ast'
import {listReports} from '@folio/fixtures'
import {describe, expect, it} from 'vitest'
import {lineSignature, normalize, readPageNumber} from '../src/index.js'
import {bodyText, corpusDir, layoutOf, nodes, requireCorpus, text} from './helpers.js'

describe('page numbers and running-line signatures', () => {
  it('reads the shapes page numbers take', () => {
    expect(readPageNumber('7')).toBe('7')
    expect(readPageNumber('- 7 -')).toBe('7')
    expect(readPageNumber('vii')).toBe('vii')
    expect(readPageNumber('Page 3 of 12')).toBe('3')
    expect(readPageNumber('Seite 4')).toBe('4')
    expect(readPageNumber('3 / 12')).toBe('3')
  })

  it('refuses running text, years in titles and malformed numerals', () => {
    expect(readPageNumber('In 2024 the')).toBeNull()
    expect(readPageNumber('iiii')).toBeNull()
    expect(readPageNumber('Chapter 3')).toBeNull()
  })

  it('gives pages of one running line the same signature', () => {
    expect(lineSignature('Copyright Office Summary | Page 3')).toBe(lineSignature('Copyright Office Summary | Page 14'))
    expect(lineSignature('Report – xii')).toBe(lineSignature('Report – iv'))
    expect(lineSignature('Introduction')).not.toBe(lineSignature('Conclusion'))
  })
})

const corpus = (name: string) => layoutOf(join(corpusDir, `${name}.pdf`))
const headings = (tree: Root) =>
  nodes(tree)
    .filter((node) => node.type === 'heading')
    .map(text)
const dropped = (diagnostics: Diagnostic[]) =>
  diagnostics
    .filter((diagnostic) => diagnostic.ruleId === 'artifact-dropped')
    .map((diagnostic) => `${diagnostic.place?.page} ${/“(.*)”/.exec(diagnostic.message)?.[1]}`)

describe.skipIf(!requireCorpus())('furniture that does not recur at one place', () => {
  it('crs-lsb11421: the first page’s own footer goes, and names the publisher; the paragraph it cut is one', async () => {
    const {tree, diagnostics} = normalize(await corpus('crs-lsb11421-esa-god-squad-legal-sidebar'))
    expect(dropped(diagnostics)).toEqual(
      expect.arrayContaining(['1 Congressional Research Service', '1 https://crsreports.congress.gov', '1 LSB11421']),
    )
    const body = bodyText(tree)
    expect(body).not.toContain('crsreports.congress.gov')
    expect(body).not.toMatch(/\bLSB11421\b/)
    expect(tree.meta.publisher).toBe('Congressional Research Service')
    const cut = nodes(tree).find((node) => node.type === 'paragraph' && text(node).includes('In general,'))
    expect(cut && text(cut)).toContain('FWS administers the act')
  })

  it('crs-if13200: a report number stamped at the top of one page goes', async () => {
    const {tree, diagnostics} = normalize(await corpus('crs-if13200-treasury-exchange-stabilization-fund-in-focus'))
    expect(dropped(diagnostics)).toContain('3 IF13200')
    expect(bodyText(tree)).not.toMatch(/\bIF13200\b/)
  })

  it('gao-23: a masthead set twice (once hidden) is no heading', async () => {
    const {tree, diagnostics} = normalize(await corpus('gao-23-106826-national-cybersecurity-strategy-snapshot'))
    expect(dropped(diagnostics)).toEqual(expect.arrayContaining(['2 U.S. Government', '2 Accountability Office']))
    expect(headings(tree)).not.toContain('U.S. Government Accountability Office')
  })

  it('keeps headings that repeat their page’s running line, a title over a running footer, and a back cover', async () => {
    const cancer = normalize(await corpus('cancer-council-understanding-breast-cancer-booklet'))
    expect(headings(cancer.tree)).toEqual(
      expect.arrayContaining(['The breasts', 'Making treatment decisions', 'Living with breast cancer']),
    )
    const german = normalize(await corpus('pdfua-reference-barrierefreie-pdf-chapter-de-tagged'))
    expect(dropped(german.diagnostics).filter((entry) => entry.startsWith('1 Wie kommen'))).toEqual([
      '1 Wie kommen Sie zu einem barrierefreien PDF?',
    ])
    const report = listReports().find((item) => item.name === 'rasanah-2024-defense-alliance')!
    const rasanah = normalize(await layoutOf(report.pdf))
    expect(bodyText(rasanah.tree)).toContain('www.rasanah-iiis.org')
  })
})
