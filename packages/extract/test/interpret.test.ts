import {OPS} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {describe, expect, it} from 'vitest'
import {type FontInfo, interpret, type Matrix, type OpCodes} from '../src/lib/interpret.js'

const font: FontInfo = {
  id: 'f1',
  fontMatrix: [0.001, 0, 0, 0.001, 0, 0],
  vertical: false,
  ascent: 0.8,
  descent: -0.2,
  isType3: false,
}
const codes = OPS as unknown as OpCodes
/** A US Letter page: PDF y up → top-down y. */
const viewport: Matrix = [1, 0, 0, -1, 0, 792]

function glyph(unicode: string, width = 500): {unicode: string; width: number; isSpace: boolean} {
  return {unicode, width, isSpace: unicode === ' '}
}

function ops(list: Array<[keyof typeof OPS, unknown[]]>): {fnArray: number[]; argsArray: unknown[]} {
  return {fnArray: list.map(([op]) => OPS[op] as number), argsArray: list.map(([, args]) => args)}
}

describe('interpret', () => {
  it('places glyphs with Tf, Tm, TJ adjustments and char spacing', () => {
    const {glyphs} = interpret(
      ops([
        ['beginText', []],
        ['setFont', ['f1', 10]],
        ['setTextMatrix', [[1, 0, 0, 1, 100, 700]]],
        ['setCharSpacing', [1]],
        ['showText', [[glyph('A'), -1000, glyph('B')]]],
        ['endText', []],
      ]),
      codes,
      viewport,
      () => font,
    )
    expect(glyphs.map((g) => [g.text, g.x, g.y, g.size])).toEqual([
      ['A', 100, 92, 10],
      // 5 (advance) + 1 (Tc) + 10 (TJ -1000 at 10 pt) after A.
      ['B', 116, 92, 10],
    ])
    expect(glyphs[0]?.endX).toBe(105)
  })

  it('applies the CTM of form XObjects and restores it after', () => {
    const {glyphs} = interpret(
      ops([
        [
          'paintFormXObjectBegin',
          [
            [2, 0, 0, 2, 50, 50],
            [0, 0, 100, 100],
          ],
        ],
        ['beginText', []],
        ['setFont', ['f1', 10]],
        ['showText', [[glyph('x')]]],
        ['endText', []],
        ['paintFormXObjectEnd', []],
        ['beginText', []],
        ['setFont', ['f1', 10]],
        ['showText', [[glyph('y')]]],
        ['endText', []],
      ]),
      codes,
      viewport,
      () => font,
    )
    expect(glyphs.map((g) => [g.text, g.x, g.y, g.size])).toEqual([
      ['x', 50, 742, 20],
      ['y', 0, 792, 10],
    ])
  })

  it('reads rotated text: a baseline rotated 90° points up the page', () => {
    const {glyphs} = interpret(
      ops([
        ['beginText', []],
        ['setFont', ['f1', 10]],
        ['setTextMatrix', [[0, 1, -1, 0, 30, 100]]],
        ['showText', [[glyph('a'), glyph('b')]]],
      ]),
      codes,
      viewport,
      () => font,
    )
    expect(glyphs[0]?.ux).toBeCloseTo(0)
    expect(glyphs[0]?.uy).toBeCloseTo(-1)
    expect(glyphs[1]?.y).toBeCloseTo(692 - 5)
  })

  it('records text rise, fill colour and marked-content ids; artifacts are flagged', () => {
    const {glyphs} = interpret(
      ops([
        ['beginMarkedContentProps', ['P', 3]],
        ['setFillRGBColor', ['#1a2b3c']],
        ['beginText', []],
        ['setFont', ['f1', 10]],
        ['setTextRise', [4]],
        ['showText', [[glyph('1')]]],
        ['endText', []],
        ['endMarkedContent', []],
        ['beginMarkedContent', ['Artifact']],
        ['beginText', []],
        // Ts is graphics state: it outlives the text object and must be reset.
        ['setTextRise', [0]],
        ['showText', [[glyph('7')]]],
        ['endText', []],
        ['endMarkedContent', []],
      ]),
      codes,
      viewport,
      () => font,
    )
    expect(glyphs.map((g) => [g.text, g.rise, g.color, g.mcid, g.artifact])).toEqual([
      ['1', 4, '#1a2b3c', 3, false],
      ['7', 0, '#1a2b3c', undefined, true],
    ])
  })

  it('boxes painted images by the CTM', () => {
    const {images} = interpret(
      ops([
        ['save', []],
        ['transform', [200, 0, 0, 100, 50, 600]],
        ['paintImageXObject', ['img_p0_1', 1, 1]],
        ['restore', []],
      ]),
      codes,
      viewport,
      () => font,
    )
    expect(images).toEqual([{bbox: [50, 92, 250, 192]}])
  })

  it('treats a glyph as whitespace by its Unicode, not by char code 32', () => {
    // A re-encoded subset font may put a letter at code 32 (pdf.js then says isSpace).
    const {glyphs} = interpret(
      ops([
        ['beginText', []],
        ['setFont', ['f1', 10]],
        ['showText', [[{unicode: 'r', width: 400, isSpace: true}, glyph(' ')]]],
      ]),
      codes,
      viewport,
      () => font,
    )
    expect(glyphs.map((g) => [g.text, g.space])).toEqual([
      ['r', false],
      [' ', true],
    ])
  })
})
