import {readFileSync} from 'node:fs'
import {deflateSync} from 'node:zlib'
import {PDFArray, PDFDict, PDFDocument, PDFName, PDFRef} from 'pdf-lib'
import {describe, expect, it} from 'vitest'
import {checkPdf, formatFailures, formatResult, rules} from '../src/index.js'
import {breakers} from './breakers.js'

// Folio's edition of the canonical every-node tree (render-pdf), as written.
const good = new Uint8Array(readFileSync(new URL('fixtures/every-node.pdf', import.meta.url)))

/**
 * Append an incremental update that redefines one object, as any editor
 * may: the way to write a file pdf-lib would refuse to save (a cyclic page tree).
 */
async function redefine(data: Uint8Array, ref: PDFRef, body: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(data, {updateMetadata: false})
  const text = Buffer.from(data).toString('latin1')
  const previous = [...text.matchAll(/startxref\s+(\d+)/g)].at(-1)?.[1]
  const root = pdf.context.trailerInfo.Root
  const objectAt = data.length + 1
  const object = `\n${ref.objectNumber} 0 obj\n${body}\nendobj\n`
  const xrefAt = data.length + Buffer.byteLength(object, 'latin1')
  const xref =
    `xref\n${ref.objectNumber} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${pdf.context.largestObjectNumber + 1} /Root ${root} /Prev ${previous} >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return new Uint8Array(Buffer.concat([Buffer.from(data), Buffer.from(object + xref, 'latin1')]))
}

async function failedRules(data: Uint8Array): Promise<string[]> {
  const result = await checkPdf(data)
  return [...new Set(result.failures.map((failure) => failure.rule))].sort()
}

describe('checkPdf on Folio’s own edition', () => {
  it('passes, and gives back the structure tree', async () => {
    const result = await checkPdf(good, {file: 'every-node.pdf'})
    expect(formatFailures(result.failures)).toBe('')
    expect(result).toMatchObject({file: 'every-node.pdf', passed: true, pages: 3})
    expect(result.structure.map((element) => element.role)).toEqual(['Document'])
    expect(formatResult(result)).toBe('every-node.pdf: passes (3 pages)\n')
  })

  it('survives a save by another library unchanged in verdict', async () => {
    const pdf = await PDFDocument.load(good, {updateMetadata: false})
    const bytes = await pdf.save({useObjectStreams: false})
    expect(await failedRules(bytes)).toEqual([])
  })
})

describe('checkPdf on PDFs broken on purpose', () => {
  for (const breaker of breakers) {
    it(`names ${breaker.rules.join(', ')} for ${breaker.name}`, async () => {
      const pdf = await PDFDocument.load(good, {updateMetadata: false})
      breaker.change(pdf)
      const bytes = await pdf.save({useObjectStreams: false, updateFieldAppearances: false})
      expect(await failedRules(bytes)).toEqual([...breaker.rules].sort())
      for (const rule of breaker.rules) expect(rules.map((known) => known.id)).toContain(rule)
    })
  }

  it('names the page of page-level failures', async () => {
    const pdf = await PDFDocument.load(good, {updateMetadata: false})
    pdf.getPage(1).drawText('untagged', {x: 10, y: 10, size: 8})
    const result = await checkPdf(await pdf.save())
    expect(result.failures.filter((failure) => failure.rule === 'content-marked').map((f) => f.page)).toEqual([2])
  })
})

describe('checkPdf on input that is no PDF or is damaged', () => {
  it('fails a text file, an empty file and a truncated PDF with a clear rule, never throwing', async () => {
    const text = await checkPdf(new TextEncoder().encode('Quarterly report\nnot a PDF'), {file: 'notes.txt'})
    expect(text).toMatchObject({passed: false, pages: 0, file: 'notes.txt'})
    expect(text.failures).toEqual([
      {rule: 'not-pdf', message: 'Unexpected content starting "Quarterly report", expected a PDF (a %PDF- header)'},
    ])
    expect((await checkPdf(new Uint8Array())).failures[0]?.message).toBe('Unexpected empty file, expected a PDF')
    const truncated = await checkPdf(good.subarray(0, 2000))
    expect(truncated.passed).toBe(false)
    expect(truncated.failures.length).toBeGreaterThan(0)
  })

  it('refuses a value that is not bytes (a caller error)', async () => {
    await expect(checkPdf('file.pdf' as unknown as Uint8Array)).rejects.toThrow(/expected a Uint8Array/)
  })

  it('reports a stream that inflates past the bound instead of reading it', async () => {
    const pdf = await PDFDocument.load(good, {updateMetadata: false})
    const page = pdf.getPage(0)
    // 80 MB of spaces deflate to a few kilobytes.
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024, 0x20))
    page.node.set(PDFName.of('Contents'), pdf.context.register(pdf.context.stream(bomb, {Filter: 'FlateDecode'})))
    const result = await checkPdf(await pdf.save({useObjectStreams: false}))
    expect(result.failures.map((failure) => failure.rule)).toContain('limit')
  })

  it('ends on damaged content-stream syntax (an unclosed hex string, a stray inline image)', async () => {
    const pdf = await PDFDocument.load(good, {updateMetadata: false})
    const page = pdf.getPage(0)
    const damaged = '/Artifact BMC BI /W 1 ID xyz EMC <41 (unclosed'
    page.node.set(PDFName.of('Contents'), pdf.context.register(pdf.context.stream(damaged)))
    const result = await checkPdf(await pdf.save({useObjectStreams: false}))
    expect(result.pages).toBe(3)
    // The inline image and everything after it sit inside the artifact, which never closes.
    expect(result.failures.filter((failure) => failure.page === 1)).toEqual([])
  })
})

describe('checkPdf on hostile object graphs', () => {
  it('ends on a page tree that holds itself, counting each page once', async () => {
    const pdf = await PDFDocument.load(good, {updateMetadata: false})
    const ref = pdf.catalog.get(PDFName.of('Pages'))
    if (!(ref instanceof PDFRef)) throw new Error('Unexpected direct /Pages, expected a reference')
    const pages = pdf.catalog.lookup(PDFName.of('Pages'), PDFDict)
    const kids = pages.lookup(PDFName.of('Kids'), PDFArray)
    const body = pages.toString().replace(kids.toString(), `[ ${kids.asArray().join(' ')} ${ref} ]`)
    const cyclic = await redefine(good, ref, body)
    // The file is hostile indeed: pdf-lib's own page walk does not end.
    await expect(PDFDocument.load(cyclic).then((loaded) => loaded.getPages())).rejects.toThrow(RangeError)
    const result = await checkPdf(cyclic)
    expect(result.pages).toBe(3)
    expect(formatFailures(result.failures)).toBe('')
  })

  it('ends on a structure element that holds its ancestor, and bounds the depth it walks', async () => {
    const pdf = await PDFDocument.load(good, {updateMetadata: false})
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
    const top = root.get(PDFName.of('K'))
    const document = pdf.context.lookup(top instanceof PDFArray ? top.get(0) : top, PDFDict)
    const kids = document.lookup(PDFName.of('K'), PDFArray)
    kids.push(top instanceof PDFArray ? (top.get(0) as PDFRef) : (top as PDFRef))
    expect(await failedRules(await pdf.save({useObjectStreams: false}))).toEqual([])

    let deepest = pdf.context.register(pdf.context.obj({S: 'Div'}))
    for (let level = 0; level < 300; level++) deepest = pdf.context.register(pdf.context.obj({S: 'Div', K: [deepest]}))
    kids.push(deepest)
    const result = await checkPdf(await pdf.save({useObjectStreams: false}))
    expect(result.failures.map((failure) => failure.rule)).toEqual(['limit'])
    expect(result.failures[0]?.message).toBe('Unexpected structure tree deeper than 256, expected shallower')
  })
})
