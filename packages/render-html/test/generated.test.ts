import type {Content, Depth, FlowContent, PhrasingContent, Root, Section} from '@folio/ast'
import {check, u} from '@folio/ast'
import {HtmlValidate} from 'html-validate'
import {describe, expect, it} from 'vitest'
import {toHast, toHtml, toMarkdown} from '../src/index.js'

/** A small seeded generator, so every run builds the same trees. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T
  return {next, int, pick}
}

const words = [
  'water',
  'cities',
  'Éléments',
  'الماء',
  'שירות',
  '<b>',
  '&amp;',
  '"quoted"',
  'in-',
  'cluding',
  '\u202E',
  '1.',
  '',
]
const urls = [
  'https://example.org/a',
  'mailto:a@example.org',
  'javascript:alert(1)',
  'data:text/html,x',
  '#top',
  'ftp://x',
]

function tree(seed: number): Root {
  const r = random(seed)
  let page = 1
  const notes: string[] = []
  const text = () => u.text(Array.from({length: 1 + r.int(4)}, () => r.pick(words)).join(r.pick([' ', ''])))
  const inline = (depth: number): PhrasingContent => {
    const kind = depth > 2 ? 0 : r.int(8)
    if (kind === 1) return u.strong([inline(depth + 1)])
    if (kind === 2) return u.emphasis([inline(depth + 1), text()])
    if (kind === 3) return u.link(r.pick(urls), [text()])
    if (kind === 4)
      return u.span(
        [text()],
        r.pick([{lang: 'ar', dir: 'rtl' as const}, {lang: 'fr'}, {dir: 'ltr' as const}, {lang: 'x y'}]),
      )
    if (kind === 5) {
      page += 1 + r.int(2)
      return u.pageBreak(page, r.pick([String(page), 'iv', '']))
    }
    if (kind === 6 && notes.length > 0) return u.footnoteReference(r.pick(notes), r.pick(['1', '*', undefined]))
    return text()
  }
  const phrasing = () => Array.from({length: 1 + r.int(5)}, () => inline(0))
  const flow = (depth: number): FlowContent => {
    const kind = depth > 2 ? 0 : r.int(10)
    if (kind === 1) {
      const ordered = r.next() < 0.5
      return u.list(
        ordered,
        Array.from({length: 1 + r.int(3)}, () => u.listItem([flow(depth + 1)])),
        ordered ? {start: 1 + r.int(5), marker: r.pick(['a)', '1.', '(iv)', 'I.'])} : {},
      )
    }
    if (kind === 2) return u.blockquote([flow(depth + 1)])
    if (kind === 3)
      return u.aside(
        r.pick(['sidebar', 'callout', 'colophon'] as const),
        [flow(depth + 1)],
        r.next() < 0.5 ? {title: 'Box'} : {},
      )
    if (kind === 4) return u.code(r.pick(words))
    if (kind === 5)
      return u.table([u.tableRow([u.tableCell(phrasing(), {header: true})]), u.tableRow([u.tableCell(phrasing())])])
    if (kind === 6)
      return u.figure([u.image(r.next() < 0.5 ? {url: 'a.png', alt: 'A chart'} : {}), u.caption(phrasing())])
    if (kind === 7) {
      page += 1
      return u.pageBreak(page)
    }
    return u.paragraph(phrasing())
  }
  const section = (depth: number): Section => {
    const children: Section['children'] = [
      u.heading(depth as Depth, phrasing(), r.next() < 0.3 ? {numbering: String(depth)} : {}),
    ]
    for (let i = 0, n = 1 + r.int(3); i < n; i++) children.push(flow(1))
    if (depth < 6 && r.next() < 0.5) children.push(section(depth + 1))
    return u.section(depth as Depth, children)
  }
  const children: Root['children'] = []
  for (let i = 0, n = r.int(3); i < n; i++) children.push(flow(0))
  for (let i = 0, n = r.int(4); i < n; i++) children.push(section(1))
  // Definitions for the references made, and a reference-free one.
  for (let i = 0; i < 2; i++) notes.push(`n${i}`)
  children.push(u.paragraph([u.text('See'), u.footnoteReference('n0')]))
  children.push(...notes.map((id) => u.footnoteDefinition(id, [u.paragraph(phrasing())])))
  return u.root(
    {title: r.pick(['A report', '', '<script>']), lang: r.pick(['en', 'ar', 'fr-CA', 'zz']), authors: []},
    children,
  )
}

const validator = new HtmlValidate({extends: ['html-validate:recommended'], rules: {'long-title': 'off'}})

describe('generated trees', () => {
  it('render valid HTML and Markdown, without a crash, for 100 trees', async () => {
    const problems: string[] = []
    for (let seed = 1; seed <= 100; seed++) {
      const input = tree(seed)
      const {value} = toHtml(input)
      toMarkdown(input)
      const report = await validator.validateString(value)
      for (const m of report.results.flatMap((result) => result.messages)) {
        problems.push(
          `seed ${seed} (tree ${check(input).length === 0 ? 'valid' : 'invalid'}): ${m.ruleId} ${m.message}`,
        )
      }
    }
    expect(problems).toEqual([])
  }, 120_000)

  it('survive nodes of unknown shape without a crash', () => {
    const odd = [
      {type: 'mystery'},
      {type: 'mystery', value: 'v'},
      {type: 'paragraph'},
      {type: 'link', children: [u.text('no url')]},
      {type: 'list', ordered: true, children: [{type: 'text', value: 'loose'}]},
      {type: 'section', depth: 9, children: []},
      {type: 'footnoteReference'},
      {type: 'pageBreak', page: 'x'},
    ] as unknown as Content[]
    for (const node of odd) {
      expect(() => toHast(node)).not.toThrow()
      expect(() => toHtml(u.root({lang: 'en'}, [node as FlowContent]))).not.toThrow()
      expect(() => toMarkdown(u.root({lang: 'en'}, [node as FlowContent]))).not.toThrow()
    }
  })
})
