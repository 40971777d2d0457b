import {describe, expect, it} from 'vitest'
import {familyOf, fontStyle, weightOf} from '../src/lib/fonts.js'

describe('fontStyle', () => {
  it.each([
    ['ABCDEF+SourceSerif4-Bold', 'Source Serif 4', true, false, 700],
    ['TimesNewRomanPS-BoldItalicMT', 'Times New Roman', true, true, 700],
    ['TimesNewRomanPSMT', 'Times New Roman', false, false, undefined],
    ['Arial,BoldItalic', 'Arial', true, true, 700],
    ['MinionPro-Semibold', 'Minion Pro', true, false, 600],
    ['FranklinGothic-Demi', 'Franklin Gothic', true, false, 600],
    ['FranklinGothicATF-Medium', 'Franklin Gothic ATF', false, false, 500],
    ['HelveticaNeueLTStd-Lt', 'Helvetica Neue LT Std', false, false, 300],
    ['AvenirLTStd-Black', 'Avenir LT Std', true, false, 900],
    ['TradeGothicLTStd-BdCn20', 'Trade Gothic LT Std', true, false, 700],
    ['TradeGothicLTStd-Obl', 'Trade Gothic LT Std', false, true, undefined],
    ['NimbusRomNo9L-ReguItal', 'Nimbus Rom No 9L', false, true, 400],
    ['HelveticaBold', 'Helvetica', true, false, 700],
    ['CMBX10', 'CMBX10', true, false, 700],
    ['CMTI10', 'CMTI10', false, true, 400],
  ])('%s → %s bold=%s italic=%s weight=%s', (name, family, bold, italic, weight) => {
    const style = fontStyle(name)
    expect(style.family).toBe(family)
    expect(style.bold).toBe(bold)
    expect(style.italic).toBe(italic)
    expect(style.weight).toBe(weight)
    expect(style.name).toBe(name.replace(/^[A-Z]{6}\+/, ''))
  })

  it('knows monospace faces by name', () => {
    expect(fontStyle('CourierNewPSMT').monospace).toBe(true)
    expect(fontStyle('BeraSansMono-Roman').monospace).toBe(true)
    expect(fontStyle('CMTT10').monospace).toBe(true)
    expect(fontStyle('Times-Roman').monospace).toBeUndefined()
  })

  it('takes bold/black/italic hints from pdf.js for standard fonts', () => {
    expect(fontStyle('Helvetica', {bold: true}).bold).toBe(true)
    expect(fontStyle('Helvetica', {black: true}).weight).toBe(900)
    expect(fontStyle('Helvetica', {italic: true}).italic).toBe(true)
  })

  it('names an unknown font', () => {
    expect(fontStyle(undefined).name).toBe('Unknown')
    expect(familyOf('Garamond,Italic')).toBe('Garamond')
    expect(weightOf('Garamond')).toBeUndefined()
  })
})
