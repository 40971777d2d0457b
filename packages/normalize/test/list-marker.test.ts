import {describe, expect, it} from 'vitest'
import {bulletGlyph, parseListMarker, romanValue} from '../src/lib/list-marker.js'

describe('parseListMarker', () => {
  it('reads glyph bullets', () => {
    for (const glyph of ['■', '•', '▪', '●', '◦', '–', '►']) {
      expect(parseListMarker(`${glyph} Item text`)).toMatchObject({ordered: false, marker: glyph, style: 'bullet'})
    }
  })

  it('maps private-use glyphs of Symbol and Wingdings fonts', () => {
    expect(parseListMarker('\uf0b7 Item')).toMatchObject({ordered: false, marker: '•'})
    expect(parseListMarker('\uf0a7 Item')).toMatchObject({ordered: false, marker: '▪'})
    expect(bulletGlyph('\uf0d8')).toBe('➢')
  })

  it('reads numbered markers', () => {
    expect(parseListMarker('1. First')).toMatchObject({ordered: true, style: 'decimal', value: 1, pattern: '1.'})
    expect(parseListMarker('12) Twelfth')).toMatchObject({ordered: true, value: 12, marker: '12)', pattern: '1)'})
    expect(parseListMarker('a) first')).toMatchObject({style: 'lower-alpha', value: 1, pattern: 'a)'})
    expect(parseListMarker('(a) first')).toMatchObject({style: 'lower-alpha', marker: '(a)', pattern: '(a)'})
    expect(parseListMarker('i. first')).toMatchObject({style: 'lower-roman', value: 1})
    expect(parseListMarker('(iv) fourth')).toMatchObject({style: 'lower-roman', value: 4, pattern: '(i)'})
    expect(parseListMarker('IV. Fourth')).toMatchObject({style: 'upper-roman', value: 4})
  })

  it('reads numbers of several levels closed by a colon', () => {
    expect(parseListMarker('1.1: Establish cybersecurity requirements')).toMatchObject({
      ordered: true,
      style: 'decimal',
      marker: '1.1:',
      pattern: '1.1:',
      value: 1,
      level: 2,
      length: 4,
    })
    expect(parseListMarker('5.12: Secure global supply chains')).toMatchObject({value: 12, pattern: '1.1:', level: 2})
    expect(parseListMarker('2.1.3: Deeper')).toMatchObject({value: 3, pattern: '1.1.1:', level: 3})
    expect(parseListMarker('10:30 the meeting')).toBeNull()
    expect(parseListMarker('1.1:2 ratio')).toBeNull()
  })

  it('reads "i." after "h." as a letter', () => {
    const h = parseListMarker('h. eighth')!
    expect(parseListMarker('i. ninth', h)).toMatchObject({style: 'lower-alpha', value: 9})
  })

  it('refuses what is no marker', () => {
    expect(parseListMarker('1.2 Scope of the report')).toBeNull()
    expect(parseListMarker('-5 degrees')).toBeNull()
    expect(parseListMarker('– 5 percent')).toBeNull()
    expect(parseListMarker('In 2024. the')).toBeNull()
    expect(parseListMarker('•bullet-like')).toBeNull()
    expect(parseListMarker('Undermining growing clout')).toBeNull()
  })
})

describe('romanValue', () => {
  it('reads well-formed numerals only', () => {
    expect(romanValue('xiv')).toBe(14)
    expect(romanValue('MCMXC')).toBe(1990)
    expect(romanValue('iiii')).toBeNull()
    expect(romanValue('mix')).toBe(1009)
  })
})
