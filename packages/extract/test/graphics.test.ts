import {OPS} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {describe, expect, it} from 'vitest'
import {extract} from '../src/index.js'
import {MAX_GRAPHICS} from '../src/lib/graphics.js'
import {type FontInfo, interpret, type Matrix, type OpCodes} from '../src/lib/interpret.js'
import type {Graphic, Layout} from '../src/lib/types.js'
import {corpusPath, readPdf, requireCorpus} from './helpers.js'

const codes = OPS as unknown as OpCodes
/** A US Letter page: PDF y up → top-down y. */
const viewport: Matrix = [1, 0, 0, -1, 0, 792]
const noFont = (): FontInfo | undefined => undefined

function ops(list: Array<[keyof typeof OPS, unknown[]]>): {fnArray: number[]; argsArray: unknown[]} {
  return {fnArray: list.map(([op]) => OPS[op] as number), argsArray: list.map(([, args]) => args)}
}

/** pdf.js' path data for `x y w h re`. */
function rect(x: number, y: number, w: number, h: number): Float32Array {
  return new Float32Array([0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4])
}

function path(paint: keyof typeof OPS, data: Float32Array): [keyof typeof OPS, unknown[]] {
  return ['constructPath', [OPS[paint], [data], null]]
}

describe('drawn graphics from the operator list', () => {
  it('reads a filled rectangle with its colour, top-down', () => {
    const {graphics} = interpret(
      ops([['setFillRGBColor', ['#f3f3f3']], path('fill', rect(100, 500, 200, 100))]),
      codes,
      viewport,
      noFont,
    )
    expect(graphics).toEqual([{kind: 'rect', bbox: [100, 192, 300, 292], fill: '#f3f3f3', artifact: false}])
  })

  it('reads a stroked line through the CTM, widened by its line width, as a rule', () => {
    const {graphics} = interpret(
      ops([
        ['save', []],
        ['transform', [2, 0, 0, 2, 10, 10]],
        ['setStrokeRGBColor', ['#000000']],
        ['setLineWidth', [0.5]],
        path('stroke', new Float32Array([0, 0, 100, 1, 200, 100])),
        ['restore', []],
      ]),
      codes,
      viewport,
      noFont,
    )
    // x: 10 + 2·0 … 10 + 2·200; y: 792 − (10 + 2·100) = 582; width 0.5 · 2 = 1.
    expect(graphics).toEqual([
      {kind: 'rule', bbox: [9.5, 581.5, 410.5, 582.5], stroke: '#000000', lineWidth: 1, artifact: false},
    ])
  })

  it('leaves out clipping paths, white and transparent fills', () => {
    const {graphics} = interpret(
      ops([
        ['setFillRGBColor', ['#202020']],
        ['clip', []],
        path('endPath', rect(0, 0, 612, 792)),
        ['setFillRGBColor', ['#ffffff']],
        path('fill', rect(0, 0, 612, 792)),
        ['setFillTransparent', []],
        path('fill', rect(50, 50, 100, 100)),
        ['setFillRGBColor', ['#202020']],
        ['setGState', [[['ca', 0]]]],
        path('fill', rect(60, 60, 100, 100)),
      ]),
      codes,
      viewport,
      noFont,
    )
    expect(graphics).toEqual([])
  })

  it('keeps rounded boxes and leaves out circles and diagonals', () => {
    const r = 6
    const rounded = new Float32Array([
      0,
      100 + r,
      100,
      1,
      300 - r,
      100,
      2,
      300,
      100,
      300,
      100,
      300,
      100 + r,
      1,
      300,
      200 - r,
      2,
      300,
      200,
      300,
      200,
      300 - r,
      200,
      1,
      100 + r,
      200,
      2,
      100,
      200,
      100,
      200,
      100,
      200 - r,
      1,
      100,
      100 + r,
      2,
      100,
      100,
      100,
      100,
      100 + r,
      100,
      4,
    ])
    const circle = new Float32Array([
      0, 400, 450, 2, 427, 450, 450, 427, 450, 400, 2, 450, 373, 427, 350, 400, 350, 2, 373, 350, 350, 373, 350, 400, 2,
      350, 427, 373, 450, 400, 450, 4,
    ])
    const {graphics} = interpret(
      ops([
        ['setStrokeRGBColor', ['#13a0db']],
        path('stroke', rounded),
        path('fill', circle),
        path('stroke', new Float32Array([0, 10, 10, 1, 200, 300])),
      ]),
      codes,
      viewport,
      noFont,
    )
    expect(graphics.map((g) => [g.kind, g.bbox])).toEqual([['rect', [99.5, 591.5, 300.5, 692.5]]])
  })

  it('keeps a page of hatching bounded: the same shape once, at most MAX_GRAPHICS shapes', () => {
    const list: Array<[keyof typeof OPS, unknown[]]> = [['setFillRGBColor', ['#000000']]]
    for (let index = 0; index < 3; index++) list.push(path('fill', rect(10, 10, 50, 50)))
    const many = new Float32Array(3 * 2 * (MAX_GRAPHICS + 500))
    for (let index = 0; index < MAX_GRAPHICS + 500; index++) {
      const y = 50 + index * 0.1
      many.set([0, 0, y, 1, 612, y], index * 6)
    }
    list.push(['setStrokeRGBColor', ['#000000']], path('stroke', many))
    const {graphics, graphicsCapped} = interpret(ops(list), codes, viewport, noFont)
    expect(graphics.filter((g) => g.kind === 'rect')).toHaveLength(1)
    expect(graphics).toHaveLength(MAX_GRAPHICS)
    expect(graphicsCapped).toBe(true)
  })
})

const haveCorpus = requireCorpus()
const layouts = new Map<string, Promise<Layout>>()
function layoutOf(file: string): Promise<Layout> {
  let layout = layouts.get(file)
  if (!layout) {
    layout = extract(readPdf(corpusPath(file)), {file})
    layouts.set(file, layout)
  }
  return layout
}

const near = (box: Graphic['bbox'], expected: number[]): boolean =>
  box.every((value, index) => Math.abs(value - (expected[index] ?? 0)) < 2)

describe.runIf(haveCorpus)('drawn graphics on the corpus', () => {
  const crs = 'crs-r46991-economic-development-administration-overview.pdf'

  it('CRS overview: the shaded definition box on page 5 and the frame around the map on page 10', async () => {
    const layout = await layoutOf(crs)
    const box = layout.pages[4]!.graphics!.find((g) => g.kind === 'rect' && near(g.bbox, [319, 123, 521, 239]))
    expect(box?.fill).toBe('#f3f3f3')
    // The box stands around the text it sets apart.
    const title = layout.pages[4]!.lines.find((line) => line.text.startsWith('EDA’s Definition of Economic'))
    expect(title).toBeDefined()
    expect(title!.bbox[0]).toBeGreaterThan(box!.bbox[0])
    expect(title!.bbox[1]).toBeGreaterThan(box!.bbox[1])
    const frame = layout.pages[9]!.graphics!.find((g) => g.kind === 'rect' && near(g.bbox, [91, 98, 524, 400]))
    expect(frame).toMatchObject({stroke: '#000000', lineWidth: 0.5})
    expect(frame?.fill).toBeUndefined()
  })

  it('CRS overview: Table 1 on page 12 is ruled cell by cell above and under its column heads', async () => {
    const layout = await layoutOf(crs)
    const page = layout.pages[11]!
    const heads = page.lines.find((line) => line.text.includes('(Administration priorities)'))
    expect(heads).toBeDefined()
    // The rules are drawn one cell wide, four to a row (one per column).
    const rules = page.graphics!.filter((g) => g.kind === 'rule' && !g.artifact && g.bbox[2] - g.bbox[0] > 80)
    const above = rules.filter((g) => g.bbox[3] < heads!.bbox[1] - 10 && g.bbox[1] > heads!.bbox[1] - 40)
    const under = rules.filter((g) => g.bbox[1] > heads!.bbox[3] && g.bbox[1] < heads!.bbox[3] + 10)
    expect(above).toHaveLength(4)
    expect(under).toHaveLength(4)
    expect(Math.min(...under.map((g) => g.bbox[0]))).toBeLessThan(91)
    expect(Math.max(...under.map((g) => g.bbox[2]))).toBeGreaterThan(520)
  })

  it('IRS instructions: the tax table pages stay bounded and every box lies on the page', async () => {
    const layout = await layoutOf('irs-instructions-form-1040nr-2007.pdf')
    let total = 0
    for (const page of layout.pages) {
      const graphics = page.graphics ?? []
      total += graphics.length
      expect(graphics.length).toBeLessThanOrEqual(MAX_GRAPHICS)
      for (const g of graphics) {
        expect(g.bbox[0]).toBeLessThan(page.width)
        expect(g.bbox[2]).toBeGreaterThan(0)
        expect(g.bbox[0]).toBeLessThanOrEqual(g.bbox[2])
        expect(g.bbox[1]).toBeLessThanOrEqual(g.bbox[3])
      }
    }
    expect(total).toBeGreaterThan(1000)
  })

  it('GAO snapshot and Cancer Council booklet: shaded boxes with their colours', async () => {
    const gao = await layoutOf('gao-23-106826-national-cybersecurity-strategy-snapshot.pdf')
    const filled = gao.pages[0]!.graphics!.filter((g) => g.kind === 'rect' && g.fill !== undefined)
    expect(filled.length).toBeGreaterThan(5)
    const cancer = await layoutOf('cancer-council-understanding-breast-cancer-booklet.pdf')
    const boxes = cancer.pages.flatMap((page) =>
      (page.graphics ?? []).filter((g) => g.kind === 'rect' && g.bbox[2] - g.bbox[0] > 200 && g.stroke === '#ffce36'),
    )
    expect(boxes.length).toBeGreaterThan(5)
  })
})
