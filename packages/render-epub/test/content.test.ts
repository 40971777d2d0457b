import type {Diagnostic} from '@folio/ast'
import type {ElementContent} from 'hast'
import {toString as hastText} from 'hast-util-to-string'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import {prepareContent} from '../src/lib/content.js'
import type {ContentDocument} from '../src/lib/types.js'

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=='

function document(href: string, body: ElementContent[]): ContentDocument {
  return {id: href, href, title: '', bodyType: 'bodymatter', body}
}

/** Markup as any renderer might hand it over, hostile parts included: the packaging's own line of defence. */
describe('prepareContent', () => {
  it('removes active content, unsafe and dangling links, and images it cannot carry', () => {
    const diagnostics: Diagnostic[] = []
    const docs = [
      document('a.xhtml', [
        h('section', [
          h('h1', 'One'),
          h('p', {onClick: 'alert(1)', style: 'color: red'}, [
            h('a', {href: 'javascript:alert(1)'}, 'js'),
            ' ',
            h('a', {href: 'vbscript:x'}, 'vb'),
            ' ',
            h('a', {href: 'missing.xhtml#x'}, 'gone'),
            ' ',
            h('a', {href: '#nowhere'}, 'nowhere'),
            ' ',
            h('a', {href: 'HTTPS://example.org/'}, 'web'),
          ]),
          h('script', 'alert(1)'),
          h('iframe', {src: 'https://example.org/'}),
          h('img', {src: 'data:image/svg+xml;base64,PHN2Zy8+', alt: 'svg'}),
          h('img', {src: 'https://example.org/remote.png', alt: 'remote'}),
          h('img', {src: PNG, alt: 'A pixel'}),
          h('span', {role: 'doc-pagebreak', title: '3/4'}),
        ]),
      ]),
    ]
    const facts = prepareContent(docs, {diagnostics, pageLabels: ['3/4']})
    const body = h('body', docs[0]!.body)
    const all: string[] = []
    const visit = (node: ElementContent) => {
      if (node.type !== 'element') return
      all.push(node.tagName, ...Object.keys(node.properties), ...Object.values(node.properties).map(String))
      node.children.forEach(visit)
    }
    docs[0]!.body.forEach(visit)
    expect(all).not.toContain('script')
    expect(all).not.toContain('iframe')
    expect(all).not.toContain('onClick')
    expect(all).not.toContain('style')
    expect(all.join(' ')).not.toMatch(/javascript:|vbscript:|missing\.xhtml|#nowhere|svg\+xml|remote\.png/)
    expect(all).toContain('HTTPS://example.org/')
    expect(hastText(body)).toContain('js vb gone nowhere web')
    expect(facts.resources.map((r) => [r.href, r.mediaType])).toEqual([['images/image-001.png', 'image/png']])
    expect(facts.images).toBe(1)
    expect(facts.imagesWithAlt).toBe(1)
    expect(facts.lossy).toBe(true)
    expect(facts.pages).toEqual([{label: '3/4', href: 'a.xhtml#page-1'}])
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual([
      'active-content-dropped',
      'active-content-dropped',
      'image-dropped',
      'image-dropped',
      'link-dropped',
      'link-dropped',
      'link-dropped',
      'link-dropped',
    ])
  })

  it('points fragments at the file that holds them and builds the toc from sections and headings', () => {
    const docs = [
      document('a.xhtml', [
        h('section', [h('h1', {id: 'one'}, [h('span', '1'), ' One']), h('p', [h('a', {href: '#two-b'}, 'see two')])]),
      ]),
      document('b.xhtml', [
        h('section', [h('h1', {id: 'two'}, 'Two'), h('section', {id: 'two-b'}, [h('h2', 'Two B')])]),
        h('section', {role: 'doc-endnotes'}, [h('h1', 'Notes'), h('ol', [h('li', {id: 'fn-1'}, 'A note')])]),
      ]),
    ]
    const facts = prepareContent(docs, {diagnostics: [], pageLabels: []})
    const link = (docs[0]!.body[0] as {children: ElementContent[]}).children[1]
    expect(link?.type === 'element' && (link.children[0] as {properties: {href: string}}).properties.href).toBe(
      'b.xhtml#two-b',
    )
    expect(facts.toc).toEqual([
      {title: '1 One', href: 'a.xhtml#one', children: []},
      {title: 'Two', href: 'b.xhtml#two', children: [{title: 'Two B', href: 'b.xhtml#two-b', children: []}]},
    ])
    expect(facts.footnotes).toBe(1)
  })
})
