import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Root} from '@folio/ast'
import {describe, expect, it} from 'vitest'
import {toPdf} from '../src/index.js'
import {checkPdfUa, formatFailures} from './pdfua.js'

// The shared corpus sits beside the repository: <repo>/../shared/corpus.
const corpus = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url))
const present = existsSync(corpus)
if (!present && process.env.CI) throw new Error(`The shared corpus is required in CI, expected it at ${corpus}`)
if (!present) console.warn(`skipping corpus checks: no corpus at ${corpus}`)

async function rules(file: string): Promise<string[]> {
  const checked = await checkPdfUa(new Uint8Array(readFileSync(corpus + file)))
  return [...new Set(checked.failures.map((failure) => failure.rule))].sort()
}

describe.skipIf(!present)('the PDF/UA-1 checker on PDFs nobody here made', () => {
  it('passes the PDF Association reference files', async () => {
    for (const file of [
      'pdfua-reference-barrierefreie-pdf-chapter-de-tagged.pdf',
      'pdfua-reference-textbook-chapter-physical-development-tagged.pdf',
    ]) {
      const checked = await checkPdfUa(new Uint8Array(readFileSync(corpus + file)))
      expect(formatFailures(checked.failures), file).toBe('')
      expect(checked.roots.length, file).toBeGreaterThan(0)
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
    const checked = await checkPdfUa(new Uint8Array(readFileSync(corpus + file)))
    const content = checked.failures.filter((failure) => failure.rule === 'content-marked')
    expect(content.map((failure) => failure.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
  })

  it('finds what a tagged but not PDF/UA file lacks', async () => {
    expect(await rules('faa-amt-general-handbook-sample-page.pdf')).toEqual([
      'display-doc-title',
      'lang',
      'xmp-pdfuaid',
    ])
    expect(await rules('crs-r46991-economic-development-administration-overview.pdf')).toEqual(
      expect.arrayContaining(['font-embedded', 'heading-skip', 'link-contents', 'xmp-pdfuaid']),
    )
  })

  it('reports an encrypted file instead of crashing', async () => {
    expect(await rules('dmca-copyright-office-summary-1998-encrypted.pdf')).toEqual(['encrypted'])
  })
})

describe('the check-pdf script', () => {
  const script = fileURLToPath(new URL('check-pdf.ts', import.meta.url))
  const run = (...files: string[]) => spawnSync(process.execPath, [script, ...files], {encoding: 'utf8'})

  it('passes Folio’s edition of the report (exit 0) and prints a usage error without files (exit 2)', async () => {
    const tree = JSON.parse(readFileSync(new URL('fixtures/report.json', import.meta.url), 'utf8')) as Root
    const path = join(mkdtempSync(join(tmpdir(), 'folio-check-')), 'report.pdf')
    writeFileSync(path, (await toPdf(tree)).value)
    const result = run(path)
    expect(result.stdout).toBe(`${path}: passes; 9 pages\n`)
    expect(result.status).toBe(0)
    const usage = run()
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('Usage: check-pdf')
  })

  it.skipIf(!present)('fails a file that breaks rules (exit 1), naming each rule', () => {
    const result = run(`${corpus}faa-amt-general-handbook-sample-page.pdf`)
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('lang: Catalog has no /Lang (Matterhorn 11-001)')
    expect(result.stdout).toContain('fails 3 rules (lang, xmp-pdfuaid, display-doc-title); 1 pages')
  })
})
