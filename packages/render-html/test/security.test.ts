import {u} from '@folio/ast'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {cleanText, safeImageSource, safeUrl, toHtml, toMarkdown} from '../src/index.js'
import {html, htmlWithDiagnostics} from './helpers.js'

const hostileUrls = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  '  javascript:alert(1)',
  'java\nscript:alert(1)',
  'java\tscript:alert(1)',
  '\u0001javascript:alert(1)',
  'jav&#x61;script:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'FILE://C:/Windows/win.ini',
  'ftp://example.org/file',
  '//evil.example/path',
  '/relative/path',
  '#section',
  'http://',
  '',
]

describe('safeUrl', () => {
  it.each(hostileUrls)('drops %j', (url) => {
    expect(safeUrl(url)).toBeUndefined()
  })

  it.each([
    ['https://example.org/report?a=1&b=2', 'https://example.org/report?a=1&b=2'],
    ['HTTP://Example.ORG', 'http://example.org/'],
    [' https://example.org/a b"c ', 'https://example.org/a%20b%22c'],
    ['mailto:info@example.org', 'mailto:info@example.org'],
    ['https://exa\nmple.org/', 'https://example.org/'],
  ])('keeps %j as %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected)
  })

  it('renders no hostile URL as a link, and reports each one dropped', () => {
    const tree = u.root(
      {title: 'Links', lang: 'en'},
      hostileUrls.map((url) => u.paragraph([u.link(url, [u.text('link')])])),
    )
    const {value, diagnostics} = toHtml(tree)
    const body = value.slice(value.indexOf('<main'))
    expect(body).not.toMatch(/<a /)
    expect(body).not.toMatch(/javascript|vbscript|data:|file:/i)
    expect(diagnostics.filter((d) => d.ruleId === 'unsafe-link-dropped')).toHaveLength(hostileUrls.length)
    const markdown = toMarkdown(tree)
    expect(markdown.value).not.toMatch(/javascript|vbscript|data:|file:|\]\(/i)
    expect(markdown.diagnostics.filter((d) => d.ruleId === 'unsafe-link-dropped')).toHaveLength(hostileUrls.length)
  })

  it('keeps images to raster data, web and relative sources', () => {
    expect(safeImageSource('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA')
    expect(safeImageSource('images/p3-fig1.png')).toBe('images/p3-fig1.png')
    expect(safeImageSource('data:image/svg+xml;base64,PHN2Zz4=')).toBeUndefined()
    expect(safeImageSource('../../etc/passwd')).toBeUndefined()
    expect(safeImageSource('/etc/passwd')).toBeUndefined()
    expect(safeImageSource('javascript:alert(1)')).toBeUndefined()
    expect(safeImageSource('a.png" onerror="alert(1)')).toBeUndefined()
  })
})

describe('escaping', () => {
  const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'

  it('escapes markup in text, titles, metadata and attributes', () => {
    const tree = u.root(
      {
        title: hostile,
        subtitle: hostile,
        authors: [hostile],
        publisher: hostile,
        description: '"><script>alert(1)</script>',
        lang: 'en',
      },
      [
        u.section(1, [
          u.heading(1, [u.text(hostile)]),
          u.paragraph([
            u.text(hostile),
            u.link('https://example.org/', [u.text('x')], {title: '" onmouseover="alert(1)'}),
            u.pageBreak(2, '"><script>alert(2)</script>'),
          ]),
          u.figure([u.image({url: 'a.png', alt: '" onerror="alert(1)'})]),
          u.code('</code><script>alert(3)</script>'),
        ]),
      ],
    )
    const {value} = toHtml(tree)
    // Parse the output as a browser would: no script, no event handler, the text intact.
    const parsed = fromHtml(value)
    const elements: Element[] = []
    visit(parsed, 'element', (node: Element) => {
      elements.push(node)
    })
    expect(elements.filter((e) => e.tagName === 'script')).toEqual([])
    expect(elements.filter((e) => e.tagName === 'img').map((e) => e.properties['src'])).toEqual(['a.png'])
    expect(elements.flatMap((e) => Object.keys(e.properties).filter((k) => /^on/i.test(k)))).toEqual([])
    const title = elements.find((e) => e.tagName === 'title')
    expect(title?.children).toEqual([{type: 'text', value: hostile, position: expect.anything()}])
    const h1 = elements.find((e) => e.tagName === 'h1')
    expect(h1?.children).toMatchObject([{type: 'text', value: hostile}])
    const marker = elements.find((e) => e.properties['role'] === 'doc-pagebreak')
    expect(marker?.properties['title']).toBe('"><script>alert(2)</script>')
    expect(marker?.children).toEqual([])
    const markdown = toMarkdown(tree).value
    // Markdown escapes a `<` that would open a tag as `\<`; a fenced code block shows its text as is.
    const outsideCode = markdown.replace(/^```\n[\s\S]*?\n```$/gm, '')
    expect(markdown).toContain('```\n</code><script>alert(3)</script>\n```')
    expect(outsideCode).not.toMatch(/(?<!\\)<script/i)
    expect(outsideCode).not.toMatch(/(?<!\\)<img/i)
    expect(markdown).toContain('\\<script>')
    expect(markdown.match(/<!--/g)?.length).toBe(markdown.match(/-->/g)?.length)
  })

  it('keeps a page label from closing the Markdown comment it sits in', () => {
    const tree = u.root({lang: 'en'}, [u.paragraph([u.text('a')]), u.pageBreak(2, '--> <b>x</b> <!--')])
    const markdown = toMarkdown(tree).value
    expect(markdown).toContain('<!-- page  bx/b ! -->')
    expect(markdown.match(/-->/g)).toHaveLength(1)
  })
})

describe('bidi and control characters', () => {
  it('closes an override that a text opens, so it cannot reorder what follows', () => {
    const {value, diagnostics} = htmlWithDiagnostics(
      u.paragraph([u.text('invoice \u202Egnp.exe'), u.text(' next sentence')]),
    )
    expect(value).toBe('<p>invoice \u202Egnp.exe\u202C next sentence</p>')
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['bidi-control-balanced'])
  })

  it('closes isolates and drops stray closers', () => {
    expect(cleanText('a\u2067b\u202Bc').value).toBe('a\u2067b\u202Bc\u202C\u2069')
    expect(cleanText('\u202Cstray\u2069').value).toBe('stray')
    expect(cleanText('\u2066x\u202Ay\u2069z').value).toBe('\u2066x\u202Ay\u202C\u2069z')
    // Balanced text and marks (LRM, RLM, ALM) are left alone.
    expect(cleanText('\u2067عربي\u2069 \u200F\u061C').value).toBe('\u2067عربي\u2069 \u200F\u061C')
  })

  it('drops characters HTML forbids and replaces lone surrogates', () => {
    const result = cleanText('a\u0000b\u0007c\u007Fd\uFFFEe\uD800f')
    expect(result.value).toBe('abcde\uFFFDf')
    expect(result.removed).toBe(4)
    const {value, diagnostics} = htmlWithDiagnostics(u.paragraph([u.text('x\u0000y')]))
    expect(value).toBe('<p>xy</p>')
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['control-character-dropped'])
  })

  it('balances bidi controls in attributes and the title too', () => {
    const tree = u.root({title: 'Title \u202E', lang: 'en'}, [
      u.paragraph([u.link('https://example.org', [u.text('x')], {title: '\u202Dt'})]),
    ])
    const {value} = toHtml(tree)
    expect(value).toContain('<title>Title \u202E\u202C</title>')
    expect(value).toContain('title="\u202Dt\u202C"')
    expect(html(u.pageBreak(3, '\u202E3'))).toContain('title="\u202E3\u202C"')
  })
})
