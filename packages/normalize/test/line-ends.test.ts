import type {PhrasingContent} from '@folio/ast'
import type {FontStyle, LayoutPage, Line, Word} from '@folio/extract'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {HyphenationJudge} from '../src/lib/hyphenation.js'
import {buildInline} from '../src/lib/inline.js'
import {type Context, measureBody, toBodyLine} from '../src/lib/model.js'
import {corpusDir, layoutOf, requireCorpus, text} from './helpers.js'

const font: FontStyle = {name: 'TimesNewRomanPSMT', family: 'Times New Roman', bold: false, italic: false}

/** A line of body text as extract gives it: one word per blank-separated token, 10 pt, at `top`. */
function line(value: string, top: number): Line {
  let x = 72
  const words: Word[] = value.split(' ').map((token) => {
    const word: Word = {text: token, bbox: [x, top, x + token.length * 5, top + 10], font, size: 10}
    x += token.length * 5 + 2.5
    return word
  })
  return {text: value, bbox: [72, top, x, top + 10], words, size: 10, dir: 'ltr', baseline: top + 8}
}

/** The text `buildInline` makes of lines that follow each other in one paragraph. */
function joined(...values: string[]): {value: string; reasons: string[]} {
  const lines = values.map((value, index) => line(value, 100 + index * 12))
  const page: LayoutPage = {number: 1, width: 612, height: 792, rotation: 0, lines, links: [], images: []}
  const body = lines.map((item, index) => toBodyLine(page, index, item))
  const context: Context = {diagnostics: [], lang: 'en', labels: new Map([[1, '1']])}
  const nodes = buildInline(body, {context, metrics: measureBody(body), judge: new HyphenationJudge({lang: 'en'})})
  return {
    value: nodes.map((node: PhrasingContent) => text(node as Parameters<typeof text>[0])).join(''),
    reasons: context.diagnostics.map((diagnostic) => diagnostic.message.replace(/^.*\((.+)\)$/, '$1')),
  }
}

describe('line ends next to numbers', () => {
  it('keeps a hyphen between digits broken at the line end, with no space', () => {
    expect(joined('of 2008 (P.L. 110-', '343) directed the Secretary').value).toBe(
      'of 2008 (P.L. 110-343) directed the Secretary',
    )
    expect(joined('the end of 2020. (P.L. 116-', '260 rescinded $429 billion').value).toBe(
      'the end of 2020. (P.L. 116-260 rescinded $429 billion',
    )
  })

  it('reports the decision with its reason', () => {
    expect(joined('Public Law 110-', '343 directed').reasons).toEqual(['digits'])
  })

  it('keeps a hyphen between a word and a number ("COVID-/19")', () => {
    expect(joined('response to the COVID-', '19 pandemic').value).toBe('response to the COVID-19 pandemic')
  })

  it('closes a range of numbers set with an en dash across the line end', () => {
    expect(joined('Processing Systems, pages 2321–', '2329.').value).toBe('Processing Systems, pages 2321–2329.')
  })

  it('leaves a spaced dash spaced, and still joins a word split by the typesetter', () => {
    expect(joined('the fund grew –', '2020 was no exception').value).toBe('the fund grew – 2020 was no exception')
    expect(joined('a word in-', 'cluding more').value).toBe('a word including more')
  })
})

describe.skipIf(!requireCorpus())('line ends on a real report', () => {
  it('crs-if13200: public-law numbers broken at line ends keep their hyphen', async () => {
    const {tree} = normalize(
      await layoutOf(`${corpusDir}/crs-if13200-treasury-exchange-stabilization-fund-in-focus.pdf`),
    )
    const body = text(tree as unknown as Parameters<typeof text>[0])
    expect(body).toContain('(P.L. 110-343) directed')
    expect(body).toContain('(P.L. 116-260 rescinded')
    expect(body).not.toMatch(/\b11[06]- \d/)
  })
})
