import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {checkPdf, formatFailures} from '../src/index.js'

// The shared corpus sits beside the repository (<repo>/../shared/corpus) and no install
// step provides it: where it is absent these tests skip with a reason, in CI too.
const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url))
const present = existsSync(corpus)
if (!present) console.warn(`skipping corpus checks: no corpus at ${corpus}`)

const read = (file: string) => new Uint8Array(readFileSync(corpus + file))

async function rules(file: string): Promise<string[]> {
  const result = await checkPdf(read(file))
  return [...new Set(result.failures.map((failure) => failure.rule))].sort()
}

describe.skipIf(!present)('checkPdf on PDFs nobody here made', () => {
  it('passes the PDF Association reference files', async () => {
    for (const file of [
      'pdfua-reference-barrierefreie-pdf-chapter-de-tagged.pdf',
      'pdfua-reference-textbook-chapter-physical-development-tagged.pdf',
    ]) {
      const result = await checkPdf(read(file))
      expect(formatFailures(result.failures), file).toBe('')
      expect(result.passed, file).toBe(true)
      expect(result.structure.length, file).toBeGreaterThan(0)
    }
  })

  it('fails an untagged paper on the rules it breaks, with pages', async () => {
    const file = 'dense-passage-retrieval-two-column-latex-paper.pdf'
    expect(await rules(file)).toEqual(
      expect.arrayContaining([
        'marked',
        'struct-tree',
        'lang',
        'display-doc-title',
        'content-marked',
        'tabs',
        'link-contents',
      ]),
    )
    const result = await checkPdf(read(file))
    const content = result.failures.filter((failure) => failure.rule === 'content-marked')
    expect(content.map((failure) => failure.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
  })

  it('finds what a tagged but not PDF/UA file lacks', async () => {
    expect(await rules('faa-amt-general-handbook-sample-page.pdf')).toEqual([
      'display-doc-title',
      'lang',
      'xmp-pdfuaid',
    ])
    expect(await rules('crs-r46991-economic-development-administration-overview.pdf')).toEqual(
      expect.arrayContaining(['font-embedded', 'heading-skip', 'figure-alt', 'xmp-pdfuaid']),
    )
    expect(await rules('chelsea-plan-directeur-transport-actif-2021-fr.pdf')).toEqual(
      expect.arrayContaining(['link-tag', 'table-structure', 'figure-alt']),
    )
  })

  it('counts elements of one unknown type once, at the first page it appears on', async () => {
    const result = await checkPdf(read('cancer-council-understanding-breast-cancer-booklet.pdf'))
    const types = result.failures.filter((failure) => failure.rule === 'struct-type')
    expect(new Set(types.map((failure) => failure.message)).size).toBe(types.length)
    expect(types.find((failure) => failure.message.includes('/_6._Glossary_Definit'))).toMatchObject({
      page: 70,
      message: expect.stringContaining('(165 elements)'),
    })
  })

  it('reports an encrypted file instead of crashing', async () => {
    expect(await rules('dmca-copyright-office-summary-1998-encrypted.pdf')).toEqual(['encrypted'])
  })

  it('reads every corpus file to a verdict without throwing', async () => {
    for (const file of readFileSync(`${corpus}MANIFEST.tsv`, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0])
      .filter((name): name is string => Boolean(name))) {
      const result = await checkPdf(read(file), {file})
      expect(result.file).toBe(file)
      expect(result.passed, file).toBe(file.startsWith('pdfua-reference-'))
      expect(
        result.failures.some((failure) => failure.rule === 'unreadable' || failure.rule === 'limit'),
        file,
      ).toBe(false)
    }
  })
})
