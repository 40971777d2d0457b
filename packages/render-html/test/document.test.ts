import type {Root} from '@folio/ast'
import {u} from '@folio/ast'
import {describe, expect, it} from 'vitest'
import {stylesheet, toHtml, toMarkdown} from '../src/index.js'

const report = (meta: Partial<Root['meta']> = {}, children: Root['children'] = []): Root =>
  u.root({lang: 'en', ...meta}, children)

const sections = [
  u.section(1, [
    u.heading(1, [u.text('Motives')]),
    u.paragraph([u.text('Text.')]),
    u.section(2, [u.heading(2, [u.text('Detail')]), u.section(3, [u.heading(3, [u.text('Deeper')])])]),
  ]),
  u.section(1, [u.heading(1, [u.text('Conclusion')])]),
]

describe('toHtml document', () => {
  const tree = report(
    {
      title: 'A Report',
      subtitle: 'Its subtitle',
      authors: ['A. Author', 'B. Author'],
      publisher: 'The Institute',
      date: '2024-05',
      description: 'What it is about.',
    },
    [
      u.toc([u.tocEntry('Motives', 1, '3')]),
      ...sections,
      u.aside('colophon', [u.paragraph([u.text('Contact lines.')])]),
    ],
  )
  const {value, diagnostics} = toHtml(tree)

  it('declares language, direction, title and metadata', () => {
    expect(value.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">\n<head>\n<meta charset="utf-8">')).toBe(true)
    expect(value).toContain('<title>A Report</title>')
    expect(value).toContain('<meta name="author" content="A. Author, B. Author">')
    expect(value).toContain('<meta name="publisher" content="The Institute">')
    expect(value).toContain('<meta name="dcterms.date" content="2024-05">')
    expect(value).toContain('<meta name="description" content="What it is about.">')
    expect(value).toContain(`<style>${stylesheet}</style>`)
    expect(diagnostics).toEqual([])
  })

  it('opens with a skip link, then a header with the title as h1', () => {
    expect(value).toContain(
      '<body class="folio">\n<a class="skip-link" href="#main">Skip to content</a>\n<header class="masthead">\n' +
        '<h1 class="title">A Report</h1>\n<p class="subtitle">Its subtitle</p>\n<p class="authors">A. Author, B. Author</p>\n' +
        '<p class="publisher">The Institute</p>\n<p class="date"><time datetime="2024-05">May 2024</time></p>\n</header>',
    )
  })

  it('lists the sections to depth 3 in a nav, from the sections not the contents page', () => {
    expect(value).toContain(
      '<nav class="toc" aria-labelledby="contents-title">\n<h2 id="contents-title">Contents</h2>\n<ol>\n' +
        '<li><a href="#motives">Motives</a><ol>\n<li><a href="#detail">Detail</a><ol>\n<li><a href="#deeper">Deeper</a></li>\n</ol></li>\n</ol></li>\n' +
        '<li><a href="#conclusion">Conclusion</a></li>\n</ol>\n</nav>',
    )
    expect(toHtml(tree, {tocDepth: 1}).value).not.toContain('href="#detail"')
    expect(toHtml(tree, {tocDepth: 0}).value).not.toContain('<nav')
  })

  it('puts the body in main with headings that never skip a rank', () => {
    const ranks = [...value.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]))
    expect(ranks).toEqual([1, 2, 2, 3, 4, 2])
    expect(value).toContain('<main id="main">')
  })

  it('moves the colophon to one landmark after main', () => {
    expect(value).toMatch(
      /<\/main>\n<aside class="colophon" aria-label="Colophon">\n<p>Contact lines.<\/p>\n<\/aside>\n<\/body>/,
    )
  })

  it('links an external stylesheet instead when asked', () => {
    const linked = toHtml(tree, {stylesheet: 'folio.css'}).value
    expect(linked).toContain('<link rel="stylesheet" href="folio.css">')
    expect(linked).not.toContain('<style>')
  })

  it('writes a fragment for embedding: an article, no html, head or style', () => {
    const fragment = toHtml(tree, {fragment: true, idPrefix: 'r1-'}).value
    expect(fragment.startsWith('<article class="folio" lang="en" dir="ltr">')).toBe(true)
    expect(fragment).not.toMatch(/<(html|head|body|style|main)[\s>]/)
    expect(fragment).toContain('<div class="content" id="r1-main">')
    expect(fragment).toContain('<h2 id="r1-motives">')
  })

  it('refuses a heading offset that would leave no rank for the title', () => {
    expect(() => toHtml(tree, {headingOffset: 0})).toThrow(/headingOffset/)
    expect(toHtml(tree, {headingOffset: 2}).value).toContain('<h3 id="motives">')
  })

  it('throws on something that is not a tree', () => {
    expect(() => toHtml({type: 'paragraph'} as never)).toThrow('Unexpected `paragraph`, expected a Folio `root`')
  })
})

describe('language and direction', () => {
  it('infers rtl for a right-to-left language and labels the added words in it', () => {
    const {value} = toHtml(report({title: 'تقرير', lang: 'ar'}, sections))
    expect(value).toContain('<html lang="ar" dir="rtl">')
    expect(value).toContain('<h2 id="contents-title">المحتويات</h2>')
  })

  it('marks English labels as English in a language without its own labels', () => {
    const {value} = toHtml(report({title: 'Raport', lang: 'pl'}, sections))
    expect(value).toContain('<html lang="pl" dir="ltr">')
    expect(value).toContain('<a class="skip-link" href="#main" lang="en">Skip to content</a>')
    expect(value).toContain('<h2 id="contents-title" lang="en">Contents</h2>')
  })

  it('writes the date the way the document language does', () => {
    const {value} = toHtml(report({title: 'Rapport', lang: 'fr', date: '2024-05-14'}))
    expect(value).toContain('<time datetime="2024-05-14">14 mai 2024</time>')
  })

  it('reports a date it cannot read and leaves it out', () => {
    const {value, diagnostics} = toHtml(report({title: 'R', date: 'May 2024'}))
    expect(value).not.toContain('<time')
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['invalid-date'])
  })

  it('titles an untitled document from its first heading, and says so', () => {
    const {value, diagnostics} = toHtml(report({}, sections))
    expect(value).toContain('<title>Motives</title>')
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['title-missing'])
  })

  it('pushes diagnostics into the caller array too', () => {
    const into: never[] = []
    toHtml(report({}, sections), {diagnostics: into})
    expect(into).toHaveLength(1)
  })
})

describe('toMarkdown', () => {
  it('writes the title as # and depth-1 sections as ##, like the HTML', () => {
    const {value} = toMarkdown(report({title: 'A Report'}, sections))
    expect(value).toBe('# A Report\n\n## Motives\n\nText.\n\n### Detail\n\n#### Deeper\n\n## Conclusion\n')
  })

  it('throws on something that is not a tree', () => {
    expect(() => toMarkdown(null as never)).toThrow('expected a Folio `root`')
  })

  it('keeps the printed labels of lettered and roman lists, which Markdown cannot number', () => {
    const item = (text: string) => u.listItem([u.paragraph([u.text(text)])])
    const tree = report({title: 'R'}, [
      u.list(true, [item('the prevention of pollution;'), item('the protection of resources.')], {marker: '(a)'}),
      u.list(true, [item('first'), item('second')], {marker: 'i.', start: 3}),
      u.list(true, [item('one'), item('two')], {marker: '1.'}),
    ])
    const {value} = toMarkdown(tree)
    expect(value).toContain('- (a) the prevention of pollution;\n- (b) the protection of resources.\n')
    expect(value).toContain('* iii. first\n* iv. second\n')
    expect(value).toContain('1. one\n2. two\n')
  })

  it('takes caller handlers, and reports unknown nodes while keeping their text', () => {
    const odd = {type: 'marginNote', children: [u.paragraph([u.text('kept')])]} as never
    const tree = report({title: 'R'}, [u.pageBreak(3, '3'), odd])
    const plain = toMarkdown(tree)
    expect(plain.value).toBe('# R\n\n<!-- page 3 -->\n\nkept\n')
    expect(plain.diagnostics.map((d) => d.ruleId)).toEqual(['unknown-node'])
    const custom = toMarkdown(tree, {
      handlers: {pageBreak: (_, node) => [{type: 'html', value: `<a id="p${node.page}"></a>`}]},
    })
    expect(custom.value).toBe('# R\n\n<a id="p3"></a>\n\nkept\n')
  })
})

describe('bad input', () => {
  it('names the problem with a tree that has no language', () => {
    const tree = {type: 'root', version: '1.0.0', meta: {authors: []}, children: []} as never
    expect(() => toHtml(tree)).toThrow('Unexpected tree without `meta.lang`')
    expect(() => toMarkdown(tree)).toThrow('Unexpected tree without `meta.lang`')
  })

  it('renders a section without a heading without naming it by a missing id', () => {
    const broken = report({title: 'R'}, [{type: 'section', depth: 1, children: [u.paragraph([u.text('x')])]} as never])
    const {value} = toHtml(broken)
    expect(value).toContain('<section id="section">\n<p>x</p>\n</section>')
    expect(value).not.toContain('<nav')
  })
})
