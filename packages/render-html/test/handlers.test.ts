import type {Content, Paragraph, Root, Section} from '@folio/ast'
import {u} from '@folio/ast'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import type {Handler} from '../src/index.js'
import {footnoteId, footnoteReferenceId, pageBreakId, sectionIds, slug, toHtml} from '../src/index.js'
import {html, htmlWithDiagnostics} from './helpers.js'

const doc = (children: Root['children'], meta: Partial<Root['meta']> = {}): Root =>
  u.root({title: 'T', lang: 'en', ...meta}, children)

describe('section and heading', () => {
  const tree = doc([
    u.section(1, [
      u.heading(1, [u.text('Motives')], {numbering: '1'}),
      u.section(2, [u.heading(2, [u.text('Earlier work')]), u.paragraph([u.text('x')])]),
    ]),
  ])

  it('names the section by its heading, which carries a readable id', () => {
    expect(html(tree)).toBe(
      '<section aria-labelledby="motives"><h2 id="motives"><span class="numbering">1</span> Motives</h2>' +
        '<section aria-labelledby="earlier-work"><h3 id="earlier-work">Earlier work</h3><p>x</p></section></section>',
    )
  })

  it('ranks depth-1 sections h2 under the title, or h1 with headingOffset 0', () => {
    expect(html(tree, {headingOffset: 0})).toContain('<h1 id="motives">')
    expect(html(tree, {headingOffset: 0})).toContain('<h2 id="earlier-work">')
  })

  it('stops at h6: deeper sections share it, so no rank is skipped', () => {
    const deep = u.section(6, [u.heading(6, [u.text('Deepest')])])
    const {value, diagnostics} = htmlWithDiagnostics(deep)
    expect(value).toBe('<section aria-labelledby="deepest"><h6 id="deepest">Deepest</h6></section>')
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['heading-rank-above-six'])
  })

  it('keeps landmark names distinct: a repeated title is named with its parent, else left unnamed', () => {
    const sub = (title: string) => u.section(2, [u.heading(2, [u.text(title)])])
    const tree = doc([
      u.section(1, [u.heading(1, [u.text('Water')]), sub('Recommendations')]),
      u.section(1, [u.heading(1, [u.text('Energy')]), sub('Recommendations')]),
      u.section(1, [u.heading(1, [u.text('Energy')]), sub('Recommendations')]),
    ])
    const {value, diagnostics} = htmlWithDiagnostics(tree)
    const labels = [...value.matchAll(/<section( aria-labelledby="[^"]*")?>/g)].map((m) => m[1] ?? '')
    expect(labels).toEqual([
      ' aria-labelledby="water"',
      ' aria-labelledby="recommendations"',
      ' aria-labelledby="energy"',
      ' aria-labelledby="energy recommendations-2"',
      '',
      '',
    ])
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['section-name-repeated', 'section-name-repeated'])
  })

  it('drops an empty heading and puts the id on its section', () => {
    const {value, diagnostics} = htmlWithDiagnostics(
      u.section(1, [u.heading(1, [u.text(' ')]), u.paragraph([u.text('x')])]),
    )
    expect(value).toBe('<section id="section"><p>x</p></section>')
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['empty-heading'])
  })

  it('refuses a heading offset out of range', () => {
    expect(() => html(tree, {headingOffset: 9})).toThrow(/headingOffset/)
  })
})

describe('section ids', () => {
  it('are slugs, unique, never a reserved or derived id, never starting with a digit', () => {
    const s = (text: string, identifier?: string): Section =>
      u.section(1, [u.heading(1, [u.text(text)])], identifier ? {identifier} : {})
    const sections = [
      s('Findings'),
      s('Findings'),
      s('Findings'),
      s('Page 3'),
      s('2024 outlook'),
      s('Éléments clés : coûts'),
      s('المحتويات'),
      s('main'),
      s('!!!'),
      s('Anything', 'custom-id'),
    ]
    const ids = sectionIds(doc(sections))
    expect(sections.map((section) => ids.get(section))).toEqual([
      'findings',
      'findings-2',
      'findings-3',
      'section-page-3',
      'section-2024-outlook',
      'elements-cles-couts',
      'المحتويات',
      'section-main',
      'section',
      'custom-id',
    ])
  })

  it('are the same when a part is rendered with the ids of the whole tree', () => {
    const first = u.section(1, [u.heading(1, [u.text('Summary')])])
    const second = u.section(1, [u.heading(1, [u.text('Summary')])])
    const tree = doc([first, second])
    const ids = sectionIds(tree, {idPrefix: 'r-'})
    expect(html(second, {sectionIds: ids, idPrefix: 'r-'})).toContain('<h2 id="r-summary-2">')
    // Without the map a part only knows itself.
    expect(html(second)).toContain('<h2 id="summary">')
  })

  it('slug is exported for callers that name files the same way', () => {
    expect(slug('US Motives Behind the Formation')).toBe('us-motives-behind-the-formation')
  })
})

describe('blocks', () => {
  it('writes lists with their start, marker type, and tight items', () => {
    const list = u.list(true, [u.listItem([u.paragraph([u.text('c')])])], {start: 3, marker: 'c)'})
    expect(html(list)).toBe('<ol start="3" type="a"><li>c</li></ol>')
    const roman = u.list(true, [u.listItem([u.paragraph([u.text('iv')])])], {start: 4, marker: '(iv)'})
    expect(html(roman)).toBe('<ol start="4" type="i"><li>iv</li></ol>')
    const loose = u.list(false, [u.listItem([u.paragraph([u.text('a')]), u.paragraph([u.text('b')])])], {
      marker: '■',
    })
    expect(html(loose)).toBe('<ul><li><p>a</p><p>b</p></li></ul>')
  })

  it('keeps a bold run-in lead as strong', () => {
    const item = u.listItem([u.paragraph([u.strong([u.text('Lead:')]), u.text(' text')])])
    expect(html(item)).toBe('<li><strong>Lead:</strong> text</li>')
  })

  it('writes a sidebar as a note, its title as a lead', () => {
    const box = u.aside('callout', [u.paragraph([u.text('Inside')])], {title: 'Box'})
    expect(html(box)).toBe(
      '<aside class="aside aside-callout" role="note"><p class="aside-title">Box</p><p>Inside</p></aside>',
    )
  })

  it('writes tables with a header row and row headers', () => {
    const table = u.table([
      u.tableRow([u.tableCell([u.text('A')], {header: true}), u.tableCell([u.text('B')], {header: true})]),
      u.tableRow([u.tableCell([u.text('r')], {header: true}), u.tableCell([u.text('1')])]),
    ])
    expect(html(table)).toBe(
      '<div class="table-scroll" tabindex="0"><table><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead>' +
        '<tbody><tr><th scope="row">r</th><td>1</td></tr></tbody></table></div>',
    )
  })

  it('writes an empty header cell as a plain cell: it heads nothing', () => {
    const table = u.table([
      u.tableRow([u.tableCell([], {header: true}), u.tableCell([u.text('2024')], {header: true})]),
      u.tableRow([u.tableCell([u.text(' ')], {header: true}), u.tableCell([u.text('1')])]),
    ])
    expect(html(table)).toBe(
      '<div class="table-scroll" tabindex="0"><table><thead><tr><td></td><th scope="col">2024</th></tr></thead>' +
        '<tbody><tr><td> </td><td>1</td></tr></tbody></table></div>',
    )
  })

  it('puts a table’s caption first and names the table and its scroller by it', () => {
    const table = () =>
      u.table([u.tableRow([u.tableCell([u.text('A')], {header: true})]), u.tableRow([u.tableCell([u.text('1')])])])
    const body =
      '<table aria-labelledby="{id}"><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>'
    const captioned = (n: number, prefix = '') =>
      `<figure><figcaption id="${prefix}caption-${n}">Table ${n}.</figcaption>` +
      `<section class="table-scroll" aria-labelledby="${prefix}caption-${n}" tabindex="0">${body.replace('{id}', `${prefix}caption-${n}`)}</section></figure>`
    const tree = u.root({lang: 'en', authors: []}, [
      u.figure([table(), u.caption([u.text('Table 1.')])]),
      u.figure([table(), u.caption([u.text('Table 2.')])]),
      u.figure([table()]),
    ])
    const uncaptioned = `<figure><div class="table-scroll" tabindex="0">${body.replace(' aria-labelledby="{id}"', '')}</div></figure>`
    expect(html(tree)).toBe(captioned(1) + captioned(2) + uncaptioned)
    expect(html(tree, {idPrefix: 'r-'})).toBe(captioned(1, 'r-') + captioned(2, 'r-') + uncaptioned)
    // A heading that reads like a caption id is moved aside.
    expect(slug('Caption 1')).toBe('section-caption-1')
  })

  it('writes figures with an image and a caption, and reports unknown alt text', () => {
    const figure = u.figure([u.image({url: 'chart.png'}), u.caption([u.text('Chart')])])
    const {value, diagnostics} = htmlWithDiagnostics(figure)
    expect(value).toBe('<figure><img src="chart.png" alt=""><figcaption>Chart</figcaption></figure>')
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['image-alt-missing'])
  })

  it('writes code and blockquotes', () => {
    expect(html(u.code('a < b'))).toBe('<pre><code>a &#x3C; b</code></pre>')
    expect(html(u.blockquote([u.paragraph([u.text('q')])]))).toBe('<blockquote><p>q</p></blockquote>')
  })

  it('keeps the contents page out of the body', () => {
    expect(html(doc([u.toc([u.tocEntry('Intro', 1, '3')]), u.paragraph([u.text('Body')])]))).toBe('<p>Body</p>')
  })
})

describe('inlines', () => {
  it('writes strong, emphasis and spans in another language and direction', () => {
    const p = u.paragraph([
      u.strong([u.text('b')]),
      u.emphasis([u.text('i')]),
      u.span([u.text('عربي')], {lang: 'ar', dir: 'rtl'}),
      u.span([u.text('plain')]),
    ])
    expect(html(p)).toBe('<p><strong>b</strong><em>i</em><span lang="ar" dir="rtl">عربي</span>plain</p>')
  })

  it('writes links with their title', () => {
    expect(html(u.link('https://example.org/a b', [u.text('x')], {title: 'T'}))).toBe(
      '<a href="https://example.org/a%20b" title="T">x</a>',
    )
  })

  it('drops an unsafe link, keeps its text and reports where it was', () => {
    const link = u.link('javascript:alert(1)', [u.text('click')])
    link.data = {source: {page: 4, bbox: [10, 20, 30, 40]}}
    const {value, diagnostics} = htmlWithDiagnostics(u.paragraph([link]))
    expect(value).toBe('<p>click</p>')
    expect(diagnostics).toEqual([
      {
        ruleId: 'unsafe-link-dropped',
        source: 'folio-render-html',
        severity: 'info',
        message: 'Unexpected link to `javascript:alert(1)`, expected an http, https or mailto URL',
        place: {page: 4, bbox: [10, 20, 30, 40]},
      },
    ])
  })
})

describe('page breaks', () => {
  it('are empty doc-pagebreak markers named by the printed label', () => {
    expect(html(u.pageBreak(5, 'iv'))).toBe(
      '<span class="pagebreak" id="page-5" role="doc-pagebreak" title="iv"></span>',
    )
    expect(pageBreakId(u.pageBreak(5, 'iv'), 'x-')).toBe('x-page-5')
  })

  it('move to the end of a word the page cut, keeping the word whole', () => {
    const p = u.paragraph([u.text('the presence, in'), u.pageBreak(4), u.text('cluding discussions')])
    expect(html(p)).toBe(
      '<p>the presence, including<span class="pagebreak" id="page-4" role="doc-pagebreak" title="4"></span> discussions</p>',
    )
  })
})

describe('footnotes', () => {
  const tree = doc([
    u.paragraph([u.text('a'), u.footnoteReference('n1', '1'), u.text(' b'), u.footnoteReference('n1', '1')]),
    u.paragraph([u.text('c'), u.footnoteReference('n2')]),
    u.footnoteDefinition('n2', [u.paragraph([u.text('Second.')])]),
    u.footnoteDefinition('n1', [u.paragraph([u.text('First.')])], {label: '1'}),
  ])

  it('link references to endnotes and back, in the order of first reference', () => {
    const value = html(tree)
    expect(value).toContain(
      '<sup class="noteref"><a href="#fn-n1" id="fnref-n1" role="doc-noteref">1</a></sup> b' +
        '<sup class="noteref"><a href="#fn-n1" id="fnref-n1_2" role="doc-noteref">1</a></sup>',
    )
    expect(value).toContain('<a href="#fn-n2" id="fnref-n2" role="doc-noteref">2</a>')
    expect(value).toContain(
      '<section class="endnotes" role="doc-endnotes" aria-labelledby="endnotes-title"><h2 id="endnotes-title">Notes</h2><ol>' +
        '<li id="fn-n1"><span class="note-label">1</span><div class="note-body"><p>First. ' +
        '<a href="#fnref-n1" role="doc-backlink" aria-label="Back to reference 1 (1)">↩︎</a> ' +
        '<a href="#fnref-n1_2" role="doc-backlink" aria-label="Back to reference 1 (2)">↩︎</a></p></div></li>' +
        '<li id="fn-n2"><span class="note-label">2</span><div class="note-body"><p>Second. ' +
        '<a href="#fnref-n2" role="doc-backlink" aria-label="Back to reference 2">↩︎</a></p></div></li></ol></section>',
    )
  })

  it('link across files when the caller says where notes live', () => {
    const part = tree.children[0] as Content
    const value = html(part, {
      footnoteHref: (id) => `notes.xhtml#${footnoteId(id)}`,
      footnoteBackHref: (id, n) => `chapter-1.xhtml#${footnoteReferenceId(id, n)}`,
    })
    expect(value).toContain('<a href="notes.xhtml#fn-n1" id="fnref-n1" role="doc-noteref">1</a>')
    expect(value).not.toContain('endnotes')
  })

  it('report a reference without a definition and keep its label', () => {
    const {value, diagnostics} = htmlWithDiagnostics(u.paragraph([u.text('x'), u.footnoteReference('gone', '7')]))
    expect(value).toBe('<p>x<sup class="noteref">7</sup></p>')
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['footnote-definition-missing'])
  })

  it('give distinct identifiers distinct ids', () => {
    const ids = ['1', '1.', '*', '**', '_2a_'].map((id) => footnoteId(id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(footnoteReferenceId('x', 2)).not.toBe(footnoteReferenceId('x-2'))
  })

  it("fill the report's own notes section instead of adding another", () => {
    const tree = doc([
      u.section(1, [u.heading(1, [u.text('Body')]), u.paragraph([u.text('a'), u.footnoteReference('1', '1')])]),
      u.section(1, [
        u.heading(1, [u.text('Notes')]),
        u.pageBreak(9, '9'),
        u.footnoteDefinition('1', [u.paragraph([u.text('One.')])], {label: '1'}),
      ]),
    ])
    const value = html(tree)
    expect(value).toContain(
      '<section class="endnotes" role="doc-endnotes" aria-labelledby="notes"><h2 id="notes">Notes</h2>' +
        '<div class="pagebreaks"><span class="pagebreak" id="page-9" role="doc-pagebreak" title="9"></span></div>' +
        '<ol><li id="fn-1"><span class="note-label">1</span><div class="note-body"><p>One. ' +
        '<a href="#fnref-1" role="doc-backlink" aria-label="Back to reference 1">↩︎</a></p></div></li></ol></section>',
    )
    expect(value.match(/doc-endnotes/g)).toHaveLength(1)
  })

  it('link a notes file back to references in another file', () => {
    const notes = u.section(1, [
      u.heading(1, [u.text('Notes')]),
      u.footnoteDefinition('1', [u.paragraph([u.text('One.')])], {label: '1'}),
    ])
    const value = html(notes, {
      headingOffset: 0,
      footnoteBackHref: (id, n) => `chapter-1.xhtml#${footnoteReferenceId(id, n)}`,
    })
    expect(value).toContain(
      '<p>One. <a href="chapter-1.xhtml#fnref-1" role="doc-backlink" aria-label="Back to reference 1">↩︎</a></p>',
    )
    expect(value).toContain('<h1 id="notes">Notes</h1>')
  })

  it('use the idPrefix everywhere', () => {
    const value = html(tree, {idPrefix: 'doc1-'})
    expect(value).toContain('id="doc1-fn-n1"')
    expect(value).toContain('href="#doc1-fnref-n1"')
    expect(value).toContain('aria-labelledby="doc1-endnotes-title"')
  })
})

describe('handler map', () => {
  it('takes a caller handler over the default', () => {
    const value = html(u.paragraph([u.text('x')]), {
      handlers: {paragraph: (state, node) => h('div', {className: ['para']}, state.all(node))},
    })
    expect(value).toBe('<div class="para">x</div>')
  })

  it('reports a node of unknown type and keeps its content', () => {
    const odd = {type: 'marginNote', children: [u.text('kept')]} as unknown as Content
    const {value, diagnostics} = htmlWithDiagnostics(u.paragraph([odd as never]))
    expect(value).toBe('<p>kept</p>')
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['unknown-node', 'warning', 'Unexpected node `marginNote`, expected a Folio node type'],
    ])
  })

  it('lets the caller handle unknown nodes', () => {
    const odd = {type: 'marginNote', children: [u.text('x')]} as unknown as Content
    const value = html(u.paragraph([odd as never]), {
      unknownHandler: (state, node) => h('small', state.all(node as never)),
    })
    expect(value).toBe('<p><small>x</small></p>')
  })

  it('lets the caller add a handler for a new type', () => {
    const odd = {type: 'marginNote', children: [u.text('x')]} as unknown as Content
    const marginNote: Handler = (state, node) => h('small', state.all(node as Paragraph))
    const value = html(u.paragraph([odd as never]), {handlers: {marginNote}})
    expect(value).toBe('<p><small>x</small></p>')
  })
})

describe('block language', () => {
  it('gives a paragraph that is one span in another script that language and direction', () => {
    const p = u.paragraph([u.span([u.text('الماء')], {lang: 'ar', dir: 'rtl'})])
    expect(html(p)).toBe('<p lang="ar" dir="rtl">الماء</p>')
    const mixed = u.paragraph([u.text('Quoted: '), u.span([u.text('الماء')], {lang: 'ar', dir: 'rtl'})])
    expect(html(mixed)).toBe('<p>Quoted: <span lang="ar" dir="rtl">الماء</span></p>')
  })
})

describe('outline repairs', () => {
  it('moves sub-sections of a section without heading text up one rank', () => {
    const tree = doc([
      u.section(1, [
        u.heading(1, [u.text('')]),
        u.section(2, [u.heading(2, [u.text('Child')]), u.section(3, [u.heading(3, [u.text('Grandchild')])])]),
      ]),
    ])
    const ranks = [...html(tree).matchAll(/<h(\d)/g)].map((m) => m[1])
    expect(ranks).toEqual(['2', '3'])
  })

  it('declares an unknown document language undetermined, and drops unknown span languages', () => {
    const tree = doc([u.paragraph([u.span([u.text('x')], {lang: 'zz'}), u.span([u.text('y')], {lang: 'gsw'})])], {
      lang: 'zz',
    })
    const {value, diagnostics} = toHtml(tree)
    expect(value).toContain('<html lang="und" dir="ltr">')
    expect(value).toContain('<p>x<span lang="gsw">y</span></p>')
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['invalid-language-tag', 'invalid-language-tag'])
  })
})

describe('page markers between blocks', () => {
  it('keeps every marker of a run of pages without text of their own', () => {
    const tree = u.root({lang: 'en'}, [
      u.pageBreak(1, 'i'),
      u.pageBreak(2, 'ii'),
      u.pageBreak(3, '1'),
      u.paragraph([u.text('The body begins.')]),
    ])
    const out = toHtml(tree).value
    expect(out.match(/role="doc-pagebreak"/g)).toHaveLength(3)
    for (const label of ['i', 'ii', '1']) expect(out).toContain(`title="${label}"`)
    expect(out.match(/class="pagebreaks"/g)).toHaveLength(1)
  })
})
