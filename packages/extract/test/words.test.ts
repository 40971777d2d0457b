import {describe, expect, it} from 'vitest'
import {fontStyle} from '../src/lib/fonts.js'
import type {PlacedGlyph} from '../src/lib/interpret.js'
import type {Line} from '../src/lib/types.js'
import {
  attachAccents,
  draftsToWords,
  dropOverprints,
  glyphsToDrafts,
  spaceThreshold,
  wordsToLines,
} from '../src/lib/words.js'
import {endX, run} from './glyphs.js'

const fonts: Record<string, string> = {
  f1: 'ABCDEF+SourceSerif4-Regular',
  f2: 'SourceSerif4-Bold',
  f3: 'SourceSerif4-It',
}

function lines(glyphs: PlacedGlyph[]): Line[] {
  return wordsToLines(draftsToWords(glyphsToDrafts(glyphs), {fontOf: (id) => fontStyle(fonts[id])}))
}

function texts(glyphs: PlacedGlyph[]): string[] {
  return lines(glyphs).map((l) => l.text)
}

describe('spaces', () => {
  it('splits words at space glyphs', () => {
    expect(texts(run('hello brave world'))).toEqual(['hello brave world'])
    expect(lines(run('hello brave world'))[0]?.words.map((w) => w.text)).toEqual(['hello', 'brave', 'world'])
  })

  it('finds word gaps without space glyphs (positioned text, TeX)', () => {
    expect(texts(run('no space glyphs here', {spaces: 'gap', spaceGap: 0.3}))).toEqual(['no space glyphs here'])
  })

  it('keeps kerned letters together ("missingspaces" comes from too high a threshold, "s p a c e d" from too low)', () => {
    // Kerning-sized gaps (0.08 em) are not spaces; word gaps of a fifth of an em are.
    expect(texts(run('tight kerning', {tracking: 0.08, spaces: 'gap', spaceGap: 0.2}))).toEqual(['tight kerning'])
  })

  it('keeps a letter-spaced heading as words, not single letters', () => {
    // Tracking of 0.3 em between letters, word gaps of 0.3 + 0.6 em.
    const glyphs = run('ANNUAL REPORT', {tracking: 0.3, spaces: 'gap', spaceGap: 0.6})
    expect(texts(glyphs)).toEqual(['ANNUAL REPORT'])
  })

  it('raises the threshold only for letter-spaced runs', () => {
    expect(spaceThreshold([0, 0, 0.01, 0, 0.3, 0])).toBe(0.15)
    expect(spaceThreshold([0.3, 0.31, 0.3, 0.3, 0.9, 0.3])).toBeGreaterThan(0.45)
  })

  it('glues a word whose font changes inside it, and marks it attached', () => {
    const a = run('Bold', {fontId: 'f2'})
    const b = run('face rest', {fontId: 'f1', x: endX(a)})
    const [line] = lines([...a, ...b])
    expect(line?.text).toBe('Boldface rest')
    expect(line?.words.map((w) => [w.text, w.font.bold, w.attached ?? false])).toEqual([
      ['Bold', true, false],
      ['face', false, true],
      ['rest', false, false],
    ])
  })

  it('expands ligatures, drops inner soft hyphens and keeps a final one as a hyphen', () => {
    const [line] = lines(run('e\uFB03cient \uFB02ow co\u00ADoperate inter\u00AD'))
    expect(line?.text).toBe('efficient flow cooperate inter-')
    expect(line?.words.at(-1)?.softHyphen).toBe(true)
  })

  it('treats no-break spaces as spaces', () => {
    expect(texts(run('10\u00A0km'))).toEqual(['10 km'])
  })
})

describe('overprints', () => {
  it('keeps one copy of a label painted twice at the same place (halo, fake bold)', () => {
    const label = run('Pituitary Gland')
    const halo = run('Pituitary Gland', {x: 72.2})
    expect(texts(dropOverprints([...label, ...run(' next', {x: endX(label)}), ...halo]))).toEqual([
      'Pituitary Gland next',
    ])
  })

  it('keeps the same letters painted elsewhere', () => {
    expect(dropOverprints([...run('aa'), ...run('aa', {y: 120})]).length).toBe(4)
  })
})

describe('accents', () => {
  it('puts a spacing accent painted over a letter onto it (NFC)', () => {
    // TeX paints "O˘guz": the breve sits over the g, which follows it.
    const o = run('O')
    const breve = run('\u02D8', {x: endX(o), advance: 0.5})
    const rest = run('guz', {x: endX(o)})
    const joined = attachAccents([...o, ...breve, ...rest])
    expect(joined.map((g) => g.text).join('')).toBe('Og\u0306uz')
    expect(texts([...o, ...breve, ...rest])).toEqual(['Oğuz'])
  })
})

describe('lines', () => {
  it('starts a new line when the baseline changes', () => {
    const a = run('first line')
    const b = run('second line', {y: 114})
    expect(texts([...a, ...b])).toEqual(['first line', 'second line'])
  })

  it('puts back together a line painted in several passes (letters out of order)', () => {
    const all = run('Specifies that')
    // First pass paints every other letter, the second the rest.
    const first = all.filter((_, i) => i % 2 === 0)
    const second = all.filter((_, i) => i % 2 === 1)
    expect(texts([...first, ...second])).toEqual(['Specifies that'])
  })

  it('splits lines painted row by row across columns at the gutter they share', () => {
    // Three columns 1.5 em apart, painted a row at a time as single lines of the stream.
    const rows = [0, 1, 2, 3].flatMap((i) => {
      const a = run(`left text ${i}`, {x: 72, y: 100 + 12 * i})
      const b = run(`middle ${i}`, {x: endX(a) + 15, y: 100 + 12 * i, spaces: 'glyph'})
      const c = run(`right ${i}`, {x: 280, y: 100 + 12 * i})
      // Make the middle column start at the same x on every row.
      const shift = 72 + 5 * 11 + 15 - b[0]!.x
      for (const g of b) {
        g.x += shift
        g.endX += shift
      }
      return [...a, ...b, ...c]
    })
    expect(texts(rows).slice(0, 3)).toEqual(['left text 0', 'middle 0', 'right 0'])
    expect(texts(rows)).toHaveLength(12)
  })

  it('keeps a bullet and a lone wide gap inside a line', () => {
    const bullet = run('•')
    const item = run('Item text', {x: endX(bullet) + 14})
    const single = run('one wide', {y: 130})
    const after = run('gap only here', {x: endX(single) + 14, y: 130})
    expect(texts([...bullet, ...item, ...single, ...after])).toEqual(['• Item text', 'one wide gap only here'])
  })

  it('splits one baseline at a column-wide gap', () => {
    const left = run('left column')
    const right = run('right column', {x: endX(left) + 30})
    expect(texts([...left, ...right])).toEqual(['left column', 'right column'])
  })

  it('keeps a raised small footnote marker on its line, glued and flagged', () => {
    const text = run('policy.')
    const marker = run('12', {x: endX(text), y: 96, size: 6})
    const after = run(' Next', {x: endX(marker)})
    const [line, ...rest] = lines([...text, ...marker, ...after])
    expect(rest).toEqual([])
    expect(line?.text).toBe('policy.12 Next')
    const word = line?.words.find((w) => w.text === '12')
    expect(word?.superscript).toBe(true)
    expect(word?.attached).toBe(true)
    expect(line?.size).toBe(10)
  })

  it('does not call raised running text a superscript', () => {
    // A large chapter number with its title set smaller and higher beside it.
    const number = run('5', {size: 30})
    const title = run(' Physical Development', {x: endX(number), y: 92, size: 12})
    const [line] = lines([...number, ...title])
    expect(line?.text).toBe('5 Physical Development')
    expect(line?.words.some((w) => w.superscript)).toBe(false)
  })

  it('flags text raised with a text rise as superscript', () => {
    const base = run('x')
    const sup = run('2', {x: endX(base), size: 7, rise: 3})
    const words = lines([...base, ...sup])[0]?.words
    expect(words?.map((w) => [w.text, w.superscript ?? false])).toEqual([
      ['x', false],
      ['2', true],
    ])
  })

  it('reads rotated text (a vertical margin stamp) as one line along its baseline', () => {
    // Baseline pointing up the page (top-down coordinates: uy = -1).
    const glyphs = run('arXiv stamp', {x: 20, y: 600, ux: 0, uy: -1})
    const [line, ...rest] = lines(glyphs)
    expect(rest).toEqual([])
    expect(line?.text).toBe('arXiv stamp')
    expect(line?.angle).toBe(270)
    const box = line!.bbox
    expect(box[3] - box[1]).toBeGreaterThan(box[2] - box[0])
  })

  it('orders a right-to-left run logically and marks the line rtl', () => {
    // Hebrew "שלום עולם" painted left to right in visual order: "םלוע םולש".
    const visual = run('\u05DD\u05DC\u05D5\u05E2 \u05DD\u05D5\u05DC\u05E9')
    const [line] = lines(visual)
    expect(line?.dir).toBe('rtl')
    expect(line?.text).toBe('\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD')
  })

  it('keeps a left-to-right phrase in its own order inside a right-to-left line', () => {
    // Visual order, left to right: "Folio 2024" then Hebrew "דוח" painted as "חוד".
    const latin = run('Folio 2024')
    const hebrew = run('\u05D7\u05D5\u05D3', {x: endX(latin) + 3})
    const hebrew2 = run('\u05E9\u05D3\u05D7', {x: endX(hebrew) + 3})
    const [line] = lines([...latin, ...hebrew, ...hebrew2])
    expect(line?.dir).toBe('rtl')
    // Reading right to left: "חדש" (new), "דוח" (report), then "Folio 2024".
    expect(line?.text).toBe('\u05D7\u05D3\u05E9 \u05D3\u05D5\u05D7 Folio 2024')
  })

  it('keeps a combining mark after its base letter when reversing a right-to-left word', () => {
    // Visual order: "ب" then kasra painted after it, then "ا": logical "اب" + kasra on ب.
    const base = run('\u0628')
    const mark = run('\u0650', {x: 73, advance: 0.3})
    const alef = run('\u0627', {x: endX(base)})
    const [line] = lines([...base, ...mark, ...alef])
    expect(line?.text).toBe('\u0627\u0628\u0650')
  })

  it('gives boxes in top-down coordinates with the baseline inside', () => {
    const [line] = lines(run('Box', {x: 100, y: 200, size: 10}))
    expect(line?.bbox).toEqual([100, 192, 115, 202])
    expect(line?.baseline).toBe(200)
    expect(line?.angle).toBeUndefined()
  })

  it('carries marked-content ids to words', () => {
    const [line] = lines(run('tagged text', {mcid: 7}))
    expect(line?.words.every((w) => w.mcid === 7)).toBe(true)
  })
})
