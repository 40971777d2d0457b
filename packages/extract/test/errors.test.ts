import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ExtractError, extract} from '../src/index.js'
import {corpusFiles, corpusPath, fixturesDir, readPdf, requireCorpus} from './helpers.js'

async function failure(data: Uint8Array, options: {file?: string; password?: string}): Promise<ExtractError> {
  try {
    await extract(data, options)
  } catch (error) {
    expect(error).toBeInstanceOf(ExtractError)
    return error as ExtractError
  }
  throw new Error('Expected extract to throw')
}

const encrypted = join(fixturesDir, 'encrypted-aes256-password-folio-user.pdf')

describe('fatal input problems throw ExtractError', () => {
  it('not a PDF', async () => {
    const error = await failure(new TextEncoder().encode('<html>not a pdf</html>'), {file: 'reports/page.html'})
    expect(error.code).toBe('not-pdf')
    expect(error.file).toBe('page.html')
    expect(error.message).toBe('Unexpected file `page.html`, expected a PDF (no %PDF- header)')
  })

  it('an empty file', async () => {
    const error = await failure(new Uint8Array(0), {file: 'empty.pdf'})
    expect(error.code).toBe('empty')
    expect(error.message).toMatch(/`empty\.pdf`/)
  })

  it.runIf(requireCorpus())('a truncated PDF is damaged', async () => {
    const file = corpusFiles().find((f) => f.includes('god-squad'))!
    const data = readPdf(corpusPath(file))
    for (const length of [1_000, Math.floor(data.length / 2)]) {
      const error = await failure(data.subarray(0, length), {file: 'cut.pdf'})
      expect(error.code).toBe('damaged')
      expect(error.message).toMatch(/^Unexpected damaged PDF `cut\.pdf`, expected a readable document/)
    }
  })

  it('a PDF with only a header is damaged', async () => {
    const error = await failure(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'), {file: 'stub.pdf'})
    expect(error.code).toBe('damaged')
  })

  it('an encrypted PDF without a password', async () => {
    const error = await failure(readPdf(encrypted), {file: 'locked.pdf'})
    expect(error.code).toBe('encrypted')
    expect(error.message).toBe('Unexpected encrypted PDF `locked.pdf`, expected a password (--password)')
  })

  it('an encrypted PDF with a wrong password', async () => {
    const error = await failure(readPdf(encrypted), {file: 'locked.pdf', password: 'nope'})
    expect(error.code).toBe('encrypted')
    expect(error.message).toMatch(/wrong password/)
  })

  it('an encrypted PDF with the right password opens', async () => {
    const layout = await extract(readPdf(encrypted), {file: 'locked.pdf', password: 'folio-user'})
    expect(layout.encrypted).toBe(true)
    expect(layout.file).toBe('locked.pdf')
    expect(layout.pages[0]?.lines.some((l) => /Exchange Stabilization Fund/.test(l.text))).toBe(true)
  })

  it('does not detach the caller’s buffer', async () => {
    const data = readPdf(encrypted)
    const length = data.byteLength
    await extract(data, {password: 'folio-user'})
    expect(data.byteLength).toBe(length)
  })

  it('rejects a wrong argument with a TypeError', async () => {
    await expect(extract('file.pdf' as unknown as Uint8Array)).rejects.toBeInstanceOf(TypeError)
  })
})

describe('page rotation', () => {
  it('gives sizes and boxes on the displayed page of a /Rotate 90 page, with its text in order', async () => {
    const layout = await extract(readPdf(join(fixturesDir, 'rotated-90-page.pdf')), {file: 'rotated.pdf'})
    const page = layout.pages[0]!
    expect([page.rotation, page.width, page.height]).toEqual([90, 792, 612])
    const disclaimer = page.lines.find((l) => l.text === 'Disclaimer')
    expect(disclaimer?.angle).toBe(90)
    // Drawn across the unrotated page, the text runs down the displayed page.
    expect(disclaimer!.bbox[3] - disclaimer!.bbox[1]).toBeGreaterThan(disclaimer!.bbox[2] - disclaimer!.bbox[0])
    for (const line of page.lines) {
      expect(line.bbox[0]).toBeGreaterThanOrEqual(0)
      expect(line.bbox[2]).toBeLessThanOrEqual(792)
      expect(line.bbox[3]).toBeLessThanOrEqual(612)
    }
    expect(page.lines.map((l) => l.text).join(' ')).toContain(
      'This document was prepared by the Congressional Research Service (CRS). CRS serves as nonpartisan shared staff to',
    )
  })
})

describe('right-to-left text in a real PDF (Chromium, shaped Arabic and Hebrew)', () => {
  it('reads Arabic and Hebrew lines in logical order, numbers and all', async () => {
    // Made from rtl-arabic-hebrew-chromium.html with chromium --print-to-pdf.
    const layout = await extract(readPdf(join(fixturesDir, 'rtl-arabic-hebrew-chromium.pdf')), {file: 'rtl.pdf'})
    const lines = layout.pages[0]!.lines
    expect(lines.map((l) => [l.text, l.dir])).toEqual([
      ['International Institute for Iranian Studies', 'ltr'],
      ['المعهد الدولي للدراسات الإيرانية', 'rtl'],
      ['تقرير عام 2024 عن التحالف', 'rtl'],
      ['שירותי תרגום זמינים כאן', 'rtl'],
    ])
  })
})
