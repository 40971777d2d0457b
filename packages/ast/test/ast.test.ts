import {describe, expect, it} from 'vitest'
import type {Root} from '../src/index.js'
import {
  AST_VERSION,
  assert,
  check,
  fromJson,
  listItemLabel,
  plainText,
  TreeAssertionError,
  toJson,
  u,
} from '../src/index.js'

const sample = (): Root =>
  u.root({title: 'A report', lang: 'en', date: '2024-05-14'}, [
    u.toc([u.tocEntry('Motives', 1, '3')]),
    u.paragraph([
      u.text('An unheaded introduction '),
      u.link('https://example.org/', [u.text('with a link')]),
      u.text('.'),
    ]),
    u.section(1, [
      u.heading(1, [u.text('Motives')]),
      u.paragraph([u.text('Cut by '), u.pageBreak(3, '3'), u.text('a page.'), u.footnoteReference('1', '1')]),
      u.list(false, [u.listItem([u.paragraph([u.strong([u.text('Lead:')]), u.text(' text')])])], {marker: '■'}),
      u.section(2, [u.heading(2, [u.text('Detail')]), u.footnoteDefinition('1', [u.paragraph([u.text('A note.')])])]),
    ]),
  ])

describe('@folio/ast', () => {
  it('accepts a tree that follows the spec', () => {
    expect(check(sample())).toEqual([])
    expect(() => assert(sample())).not.toThrow()
  })

  it('survives a JSON round trip with its version stamp', () => {
    const json = toJson(sample())
    expect(JSON.parse(json).version).toBe(AST_VERSION)
    expect(fromJson(json)).toEqual(sample())
  })

  it('refuses another major version', () => {
    const tree = {...sample(), version: '99.0.0'}
    expect(() => fromJson(JSON.stringify(tree))).toThrow(/version/)
  })

  it('rejects a section whose first child is not a heading', () => {
    const tree = u.root({lang: 'en'}, [u.section(1, [u.paragraph([u.text('x')])])])
    expect(() => assert(tree)).toThrow(TreeAssertionError)
    expect(check(tree)[0]?.message).toMatch(/paragraph/)
  })

  it('rejects a skipped section depth', () => {
    const tree = u.root({lang: 'en'}, [
      u.section(1, [u.heading(1, [u.text('A')]), u.section(3, [u.heading(3, [u.text('B')])])]),
    ])
    expect(check(tree).map((p) => p.message)).toContain('Unexpected section depth 3, expected 2')
  })

  it('rejects a heading depth that differs from its section', () => {
    const tree = u.root({lang: 'en'}, [u.section(1, [u.heading(2, [u.text('A')])])])
    expect(check(tree)[0]?.message).toMatch(/heading depth 2, expected 1/)
  })

  it('rejects block content in phrasing and links in links', () => {
    const bad = u.root({lang: 'en'}, [
      u.paragraph([u.link('https://a.org', [u.link('https://b.org', [u.text('x')])])]),
      // @ts-expect-error: a list is not phrasing content
      u.paragraph([u.list(false, [])]),
    ])
    const messages = check(bad).map((p) => p.message)
    expect(messages).toContain('Unexpected `link` in `link`')
    expect(messages).toContain('Unexpected `list` in `paragraph`')
  })

  it('rejects a dangling footnote reference and decreasing page breaks', () => {
    const tree = u.root({lang: 'en'}, [u.paragraph([u.footnoteReference('9'), u.pageBreak(4), u.pageBreak(2)])])
    const messages = check(tree).map((p) => p.message)
    expect(messages.some((m) => m.includes('without a definition'))).toBe(true)
    expect(messages.some((m) => m.includes('expected a page after 4'))).toBe(true)
  })

  it('gives the plain text of a tree', () => {
    expect(plainText(sample())).toContain('An unheaded introduction with a link.')
    expect(plainText(sample())).toContain('Lead: text')
  })
})

describe('listItemLabel', () => {
  const item = u.listItem([u.paragraph([u.text('x')])])
  const labels = (marker: string | undefined, start: number | undefined, count: number) => {
    const options: {marker?: string; start?: number} = {}
    if (marker !== undefined) options.marker = marker
    if (start !== undefined) options.start = start
    const list = u.list(true, [item], options)
    return Array.from({length: count}, (_, index) => listItemLabel(list, index))
  }

  it('numbers items in the style and punctuation of the marker', () => {
    expect(labels('(a)', undefined, 3)).toEqual(['(a)', '(b)', '(c)'])
    expect(labels('a)', 25, 3)).toEqual(['y)', 'z)', 'aa)'])
    expect(labels('A.', undefined, 2)).toEqual(['A.', 'B.'])
    expect(labels('(i)', undefined, 5)).toEqual(['(i)', '(ii)', '(iii)', '(iv)', '(v)'])
    expect(labels('IX.', 9, 2)).toEqual(['IX.', 'X.'])
    expect(labels('1)', 3, 2)).toEqual(['3)', '4)'])
  })

  it('falls back to "1." numbering, and gives unordered lists no number', () => {
    expect(labels(undefined, undefined, 2)).toEqual(['1.', '2.'])
    expect(labels('Step', 4, 1)).toEqual(['4.'])
    expect(listItemLabel(u.list(false, [item], {marker: '•'}), 0)).toBeUndefined()
  })
})
