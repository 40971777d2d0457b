import {describe, expect, it} from 'vitest'
import {cleanText, cleanWord, directionOf, isUnmapped, mapSymbolFont} from '../src/lib/unicode.js'

describe('cleanText', () => {
  it('expands every Latin ligature presentation form', () => {
    expect(cleanText('\uFB00 \uFB01 \uFB02 \uFB03 \uFB04 \uFB05 \uFB06')).toBe('ff fi fl ffi ffl st st')
  })

  it('turns no-break and typographic spaces into spaces and drops invisible marks', () => {
    expect(cleanText('a\u00A0b\u2009c\u202Fd')).toBe('a b c d')
    expect(cleanText('zero\u200Bwidth\uFEFF\u0002')).toBe('zerowidth')
  })

  it('composes to NFC', () => {
    expect(cleanText('e\u0301')).toBe('é')
  })
})

describe('cleanWord', () => {
  it('drops inner soft hyphens and turns a final one into a visible hyphen', () => {
    expect(cleanWord('co\u00ADoperate')).toEqual({text: 'cooperate', softHyphen: false})
    expect(cleanWord('inter\u00AD')).toEqual({text: 'inter-', softHyphen: true})
  })
})

describe('directionOf', () => {
  it('counts strong characters', () => {
    expect(directionOf('مرحبا بالعالم 2024')).toBe('rtl')
    expect(directionOf('Report 2024 (مرحبا)')).toBe('ltr')
  })
})

describe('presentation forms', () => {
  it('turns shaped Arabic and Hebrew presentation forms into letters', () => {
    // ﻣﺮﺣﺒﺎ: initial meem, medial reh… as painted; the letters are مرحبا.
    expect(cleanText('\uFEE3\uFEAE\uFEA3\uFE92\uFE8E')).toBe('مرحبا')
    expect(cleanText('\uFB2A')).toBe('שׁ')
  })
})

describe('symbol fonts', () => {
  it('maps the private-use codes of Wingdings and Symbol to the glyphs they show', () => {
    expect(mapSymbolFont('\uF0A7', 'Wingdings-Regular')).toBe('▪')
    expect(mapSymbolFont('\uF0D8', 'Wingdings-Regular')).toBe('➢')
    expect(mapSymbolFont('\uF0FC', 'Wingdings-Regular')).toBe('✔')
    expect(mapSymbolFont('\uF0B7', 'SymbolMT')).toBe('•')
    expect(mapSymbolFont('\uF0AE', 'SymbolMT')).toBe('→')
  })

  it('leaves other fonts and unknown codes alone', () => {
    expect(mapSymbolFont('\uF0A7', 'Calibri')).toBe('\uF0A7')
    expect(mapSymbolFont('\uF001', 'Wingdings')).toBe('\uF001')
  })

  it('knows glyphs without usable text', () => {
    expect(isUnmapped('')).toBe(true)
    expect(isUnmapped('\u0002')).toBe(true)
    expect(isUnmapped('\uE001')).toBe(true)
    expect(isUnmapped('a')).toBe(false)
  })
})
