import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {createCanvas, loadImage} from '@napi-rs/canvas'
import {describe, expect, it} from 'vitest'
import {ExtractError, extract, type RenderedPage, renderPages} from '../src/index.js'
import {fixturesDir, readPdf} from './helpers.js'

const report = fileURLToPath(
  new URL('../../../fixtures/reports/dfi-2023-delta-irrigation/dfi-2023-delta-irrigation.pdf', import.meta.url),
)
const rotated = join(fixturesDir, 'rotated-90-page.pdf')
const encrypted = join(fixturesDir, 'encrypted-aes256-password-folio-user.pdf')
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

async function all(data: Uint8Array, options: Parameters<typeof renderPages>[1] = {}): Promise<RenderedPage[]> {
  const out: RenderedPage[] = []
  for await (const page of renderPages(data, options)) out.push(page)
  return out
}

/** Share of dark pixels of a PNG inside a box given in PDF points. */
async function ink(page: RenderedPage, bbox: readonly number[]): Promise<number> {
  const image = await loadImage(Buffer.from(page.png))
  const canvas = createCanvas(page.width, page.height)
  const context = canvas.getContext('2d')
  context.drawImage(image, 0, 0)
  const [x0, y0, x1, y1] = bbox.map((n) => Math.round(n * page.scale)) as [number, number, number, number]
  const pixels = context.getImageData(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)).data
  let dark = 0
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) + (pixels[i + 1] ?? 255) < 300) dark++
  return dark / (pixels.length / 4)
}

describe('renderPages', () => {
  it('draws every page as a PNG whose pixels line up with the Layout boxes', async () => {
    const data = readPdf(report)
    const layout = await extract(data)
    const pages = await all(data, {scale: 1.5})
    expect(pages.map((page) => page.page)).toEqual(layout.pages.map((page) => page.number))
    for (const page of pages) {
      const laid = layout.pages[page.page - 1]!
      expect(page.error).toBeUndefined()
      expect([...page.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
      expect(page.width).toBe(Math.floor(laid.width * 1.5))
      expect(page.height).toBe(Math.floor(laid.height * 1.5))
    }
    // Text is drawn where the Layout puts its lines, and the left margin is blank.
    const third = layout.pages[2]!
    const page = pages[2]!
    const widest = [...third.lines].sort((a, b) => b.bbox[2] - b.bbox[0] - (a.bbox[2] - a.bbox[0]))[0]!
    expect(await ink(page, widest.bbox)).toBeGreaterThan(0.03)
    expect(await ink(page, [2, 100, Math.min(...third.lines.map((line) => line.bbox[0])) - 4, 700])).toBe(0)
  })

  it('draws the same bytes twice', async () => {
    const data = readPdf(report)
    const [a] = await all(data, {pages: [3]})
    const [b] = await all(data, {pages: [3]})
    expect(Buffer.from(a!.png).equals(Buffer.from(b!.png))).toBe(true)
  })

  it('draws only the pages asked for, and refuses pages that do not exist', async () => {
    const data = readPdf(report)
    const pages = await all(data, {pages: [2], scale: 0.5})
    expect(pages.map((page) => page.page)).toEqual([2])
    expect(pages[0]!.scale).toBe(0.5)
    await expect(all(data, {pages: [99]})).rejects.toThrow(/page 99, expected a page from 1 to/)
    await expect(all(data, {scale: 0})).rejects.toThrow(TypeError)
  })

  it('turns a rotated page as the Layout does', async () => {
    const data = readPdf(rotated)
    const layout = await extract(data)
    const [page] = await all(data, {scale: 1})
    expect(page!.width).toBe(Math.floor(layout.pages[0]!.width))
    expect(page!.height).toBe(Math.floor(layout.pages[0]!.height))
    expect(page!.width).toBeGreaterThan(page!.height)
  })

  it('draws a huge page smaller instead of exhausting memory', async () => {
    const [page] = await all(readPdf(report), {pages: [1], scale: 10, maxPixels: 1_000_000})
    expect(page!.width * page!.height).toBeLessThanOrEqual(1_000_000)
    expect(page!.scale).toBeLessThan(10)
  })

  it('fails like extract on input that is no PDF or is locked', async () => {
    const notPdf = all(new TextEncoder().encode('<html>no</html>'), {file: 'dir/page.html'})
    await expect(notPdf).rejects.toBeInstanceOf(ExtractError)
    await expect(all(new TextEncoder().encode('<html>no</html>'), {file: 'dir/page.html'})).rejects.toThrow(
      'Unexpected file `page.html`, expected a PDF (no %PDF- header)',
    )
    await expect(all(readPdf(encrypted))).rejects.toMatchObject({code: 'encrypted'})
    const opened = await all(readPdf(encrypted), {password: 'folio-user'})
    expect(opened.length).toBeGreaterThan(0)
    expect([...opened[0]!.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
  })
})
