import {type Root, u} from '@folio/ast'
import {describe, expect, it} from 'vitest'
import type {Element as XastElement} from 'xast'
import {toEpub} from '../src/index.js'
import {canonicalTree} from './canonical.js'
import {variantTrees} from './fixtures.js'
import {contentFiles, fileText, metaValues, opf, spineFiles, unzip} from './tools.js'
import {byName, elements, parseXml, textOf} from './xml.js'

const decoder = new TextDecoder()

function ids(files: Map<string, Uint8Array>, path: string): Set<string> {
  return new Set(
    elements(parseXml(fileText(files, path)))
      .map((element) => element.attributes['id'])
      .filter((id): id is string => typeof id === 'string'),
  )
}

describe('toEpub: the container', () => {
  it('writes mimetype first, stored, with no extra field, then container.xml pointing at the package', async () => {
    const {value} = await toEpub(canonicalTree())
    const view = new DataView(value.buffer, value.byteOffset, value.byteLength)
    expect(view.getUint32(0, true)).toBe(0x04034b50)
    expect(view.getUint16(8, true)).toBe(0) // compression: stored
    const nameLength = view.getUint16(26, true)
    expect(view.getUint16(28, true)).toBe(0) // extra field length
    expect(decoder.decode(value.subarray(30, 30 + nameLength))).toBe('mimetype')
    expect(decoder.decode(value.subarray(30 + nameLength, 30 + nameLength + 20))).toBe('application/epub+zip')

    const files = unzip(value)
    expect([...files.keys()].slice(0, 3)).toEqual(['mimetype', 'META-INF/container.xml', 'EPUB/package.opf'])
    const rootfile = byName(parseXml(fileText(files, 'META-INF/container.xml')), 'rootfile')[0]
    expect(rootfile?.attributes['full-path']).toBe('EPUB/package.opf')
    expect(rootfile?.attributes['media-type']).toBe('application/oebps-package+xml')
  })

  it('lists every file in the manifest and carries every manifest item', async () => {
    const files = unzip((await toEpub(canonicalTree())).value)
    const items = byName(opf(files), 'item').map((item) => `EPUB/${item.attributes['href']}`)
    const carried = [...files.keys()].filter(
      (path) => !['mimetype', 'META-INF/container.xml', 'EPUB/package.opf'].includes(path),
    )
    expect(new Set(items)).toEqual(new Set(carried))
    expect(items).toContain('EPUB/images/image-001.png')
    expect(spineFiles(files)).toEqual([
      'EPUB/title.xhtml',
      'EPUB/nav.xhtml',
      'EPUB/chapter-001.xhtml',
      'EPUB/chapter-002.xhtml',
      'EPUB/chapter-003.xhtml',
      'EPUB/colophon.xhtml',
    ])
    const colophon = byName(parseXml(fileText(files, 'EPUB/colophon.xhtml')), 'section')[0]!
    expect(colophon.attributes).toMatchObject({'epub:type': 'colophon', role: 'doc-colophon', 'aria-label': 'Colophon'})
    expect(textOf(colophon)).toContain('Institute for Regional Studies, 1 Example Street.')
  })
})

describe('toEpub: determinism and identity', () => {
  it('gives byte-identical files for the same tree, whatever the time zone', async () => {
    const zone = process.env['TZ']
    try {
      process.env['TZ'] = 'Pacific/Kiritimati'
      const first = (await toEpub(canonicalTree())).value
      process.env['TZ'] = 'America/Los_Angeles'
      const second = (await toEpub(JSON.parse(JSON.stringify(canonicalTree())) as Root)).value
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
    } finally {
      if (zone === undefined) delete process.env['TZ']
      else process.env['TZ'] = zone
    }
  })

  it('derives a stable urn:uuid from the tree, different for different content, unless one is given', async () => {
    const identifier = async (tree: Root, options = {}) =>
      textOf(byName(opf(unzip((await toEpub(tree, options)).value)), 'dc:identifier')[0]!)
    const first = await identifier(canonicalTree())
    expect(first).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await identifier(canonicalTree())).toBe(first)
    const changed = canonicalTree()
    changed.children.push(u.paragraph([u.text('One more line.')]))
    expect(await identifier(changed)).not.toBe(first)
    expect(await identifier(canonicalTree(), {identifier: 'urn:isbn:9780000000002'})).toBe('urn:isbn:9780000000002')
  })

  it('takes dcterms:modified and the zip timestamps from the document, never the clock', async () => {
    const modified = async (tree: Root, options = {}) => {
      const result = await toEpub(tree, options)
      return {value: metaValues(unzip(result.value), 'dcterms:modified'), diagnostics: result.diagnostics}
    }
    expect((await modified(canonicalTree())).value).toEqual(['2024-05-15T10:00:00Z'])
    const created = canonicalTree()
    delete created.meta.source!.modified
    expect((await modified(created)).value).toEqual(['2024-05-14T06:30:00Z'])
    const dated = u.root({lang: 'en', title: 'T', date: '2021-03'}, [u.paragraph([u.text('x')])])
    expect((await modified(dated)).value).toEqual(['2021-03-01T00:00:00Z'])
    const undated = await modified(u.root({lang: 'en', title: 'T'}, [u.paragraph([u.text('x')])]))
    expect(undated.value).toEqual(['1980-01-01T00:00:00Z'])
    expect(undated.diagnostics.map((d) => d.ruleId)).toContain('date-missing')
    expect((await modified(canonicalTree(), {modified: '2025-01-02T03:04:05+01:00'})).value).toEqual([
      '2025-01-02T02:04:05Z',
    ])
    await expect(toEpub(canonicalTree(), {modified: 'yesterday'})).rejects.toThrow(/modified date `yesterday`/)
    const view = (await toEpub(canonicalTree())).value
    const dosDate = new DataView(view.buffer, view.byteOffset).getUint16(12, true)
    expect([(dosDate >> 9) + 1980, (dosDate >> 5) & 15, dosDate & 31]).toEqual([2024, 5, 15])
  })

  it('refuses what is not a tree with a clear error', async () => {
    await expect(toEpub({type: 'paragraph'} as unknown as Root)).rejects.toThrow(/expected a Folio tree/)
    await expect(toEpub(u.root({lang: ''}))).rejects.toThrow(/meta.lang/)
  })
})

describe('toEpub: metadata', () => {
  it('writes Dublin Core metadata and EPUB Accessibility 1.1 discovery metadata from the content', async () => {
    const result = await toEpub(canonicalTree())
    const files = unzip(result.value)
    const pkg = opf(files)
    const text = (name: string) => byName(pkg, name).map((element) => textOf(element))
    expect(byName(pkg, 'package')[0]?.attributes['version']).toBe('3.0')
    expect(text('dc:title')).toEqual(['Defence Alliances in a Changing Region', 'Motives, limits and prospects'])
    expect(text('dc:language')).toEqual(['en'])
    expect(text('dc:creator')).toEqual(['Amal Haddad', 'Jonas Weber'])
    expect(text('dc:publisher')).toEqual(['Institute for Regional Studies'])
    expect(text('dc:date')).toEqual(['2024-05-14'])
    expect(metaValues(files, 'alternate-script')).toEqual(['معهد الدراسات الإقليمية'])
    const titlePage = parseXml(fileText(files, 'EPUB/title.xhtml'))
    expect(textOf(byName(titlePage, 'h1')[0]!)).toBe('Defence Alliances in a Changing Region')
    expect(byName(titlePage, 'time')[0]?.attributes['datetime']).toBe('2024-05-14')
    expect(textOf(byName(titlePage, 'time')[0]!)).toBe('May 14, 2024')

    expect(metaValues(files, 'schema:accessMode')).toEqual(['textual', 'visual'])
    expect(metaValues(files, 'schema:accessModeSufficient')).toEqual(['textual'])
    expect(metaValues(files, 'schema:accessibilityFeature')).toEqual(
      expect.arrayContaining([
        'structuralNavigation',
        'tableOfContents',
        'readingOrder',
        'printPageNumbers',
        'alternativeText',
      ]),
    )
    expect(metaValues(files, 'schema:accessibilityHazard')).toEqual(['none'])
    const [summary] = metaValues(files, 'schema:accessibilitySummary')
    expect(summary).toContain('A page list marks where 5 pages of the print edition begin')
    expect(summary).toContain(
      'Its 3 sections (with 1 sub-section) are marked up with headings and listed in a nested table of contents',
    )
    expect(summary).toContain('2 notes are linked')
    expect(summary).toContain('Its image has a text alternative')
    expect(metaValues(files, 'dcterms:conformsTo')).toEqual(['EPUB Accessibility 1.1 - WCAG 2.1 Level AA'])

    // The print source of the page numbers, in the EPUB 3.2 form that epubcheck 4.2 and Ace both accept.
    const source = byName(pkg, 'dc:source')[0]!
    expect(textOf(source)).toBe('defence-alliances.pdf')
    const refinement = byName(pkg, 'meta').find((meta) => meta.attributes['refines'] === `#${source.attributes['id']}`)
    expect(refinement?.attributes['property']).toBe('source-of')
    expect(textOf(refinement!)).toBe('pagination')
    expect(fileText(files, 'EPUB/package.opf')).not.toContain('pageBreakSource')
  })

  it('claims less when the edition holds less: no page list, an image without alt text', async () => {
    const variants = Object.fromEntries(variantTrees().map((variant) => [variant.name, variant.tree]))
    const bare = await toEpub(variants['bare']!)
    const bareFiles = unzip(bare.value)
    expect(metaValues(bareFiles, 'schema:accessibilityFeature')).not.toContain('printPageNumbers')
    expect(metaValues(bareFiles, 'schema:accessibilityFeature')).not.toContain('structuralNavigation')
    expect(byName(opf(bareFiles), 'dc:source')).toEqual([])
    expect(metaValues(bareFiles, 'dcterms:conformsTo')).toEqual([]) // no title of its own
    expect(bare.diagnostics.map((d) => d.ruleId)).toEqual(
      expect.arrayContaining(['title-missing', 'conformance-not-claimed']),
    )

    const noAlt = await toEpub(variants['image-without-alt']!)
    const noAltFiles = unzip(noAlt.value)
    expect(metaValues(noAltFiles, 'schema:accessModeSufficient')).toEqual(['textual,visual'])
    expect(metaValues(noAltFiles, 'schema:accessibilityFeature')).not.toContain('alternativeText')
    expect(metaValues(noAltFiles, 'dcterms:conformsTo')).toEqual([])
    expect(metaValues(noAltFiles, 'schema:accessibilitySummary')[0]).toContain(
      '1 of the 1 image have no text alternative',
    )

    const declined = unzip((await toEpub(canonicalTree(), {conformance: false})).value)
    expect(metaValues(declined, 'dcterms:conformsTo')).toEqual([])
  })

  it('sets the page progression and languages of a right-to-left edition', async () => {
    const arabic = variantTrees().find((variant) => variant.name === 'arabic-rtl')!.tree
    const files = unzip((await toEpub(arabic)).value)
    expect(byName(opf(files), 'spine')[0]?.attributes['page-progression-direction']).toBe('rtl')
    const canonical = unzip((await toEpub({...arabic, meta: {...arabic.meta, lang: 'AR-eg'}})).value)
    expect(textOf(byName(opf(canonical), 'dc:language')[0]!)).toBe('ar-EG')
    const html = byName(parseXml(fileText(files, 'EPUB/chapter-001.xhtml')), 'html')[0]!
    expect(html.attributes).toMatchObject({lang: 'ar', 'xml:lang': 'ar', dir: 'rtl'})
    // The summary is written in English and says so.
    const summary = byName(opf(files), 'meta').find((m) => m.attributes['property'] === 'schema:accessibilitySummary')
    expect(summary?.attributes['xml:lang']).toBe('en')
  })
})

describe('toEpub: navigation', () => {
  it('builds a nested toc from the sections, landmarks, and a page-list from the page breaks', async () => {
    const files = unzip((await toEpub(canonicalTree())).value)
    const nav = parseXml(fileText(files, 'EPUB/nav.xhtml'))
    const navs = byName(nav, 'nav')
    const byType = (type: string) => navs.find((element) => element.attributes['epub:type'] === type)!
    const outline = (list: XastElement): unknown[] =>
      list.children
        .filter((child): child is XastElement => child.type === 'element' && child.name === 'li')
        .map((li) => {
          const link = byName(li, 'a')[0]!
          const sub = li.children.find((child): child is XastElement => child.type === 'element' && child.name === 'ol')
          return sub ? [textOf(link), outline(sub)] : textOf(link)
        })
    const tocList = byType('toc').children.find(
      (child): child is XastElement => child.type === 'element' && child.name === 'ol',
    )!
    expect(outline(tocList)).toEqual([['1 Motives', ['1.1 Costs and burdens']], 'Evidence', 'Prospects'])

    const landmarks = byName(byType('landmarks'), 'a').map((a) => [a.attributes['epub:type'], a.attributes['href']])
    expect(landmarks).toEqual([
      ['titlepage', 'title.xhtml'],
      ['toc', 'nav.xhtml#toc'],
      ['bodymatter', 'chapter-001.xhtml'],
    ])

    const pages = byName(byType('page-list'), 'a')
    expect(pages.map((a) => textOf(a))).toEqual(['2', '3', '4', '5', '6'])
    for (const link of [...byName(tocList, 'a'), ...pages]) {
      const [file, fragment] = String(link.attributes['href']).split('#')
      expect(ids(files, `EPUB/${file}`).has(fragment!), String(link.attributes['href'])).toBe(true)
    }
    // A page break is marked for reading systems too.
    const marker = elements(parseXml(fileText(files, 'EPUB/chapter-001.xhtml'))).find(
      (e) => e.attributes['id'] === 'page-3',
    )
    expect(marker?.attributes).toMatchObject({role: 'doc-pagebreak', 'epub:type': 'pagebreak', title: '3'})
  })

  it('links every fragment to the file that holds it, footnotes across chapters included', async () => {
    const german = variantTrees().find((variant) => variant.name === 'german-repeated-headings')!.tree
    for (const tree of [canonicalTree(), german]) {
      const files = unzip((await toEpub(tree)).value)
      for (const path of [...contentFiles(files), 'EPUB/nav.xhtml', 'EPUB/title.xhtml']) {
        for (const link of byName(parseXml(fileText(files, path)), 'a')) {
          const href = String(link.attributes['href'])
          if (/^(https?|mailto):/.test(href)) continue
          const [file, fragment] = href.split('#')
          const target = file === '' ? path : `EPUB/${file}`
          expect(files.has(target), `${path}: ${href}`).toBe(true)
          if (fragment !== undefined) expect(ids(files, target).has(fragment), `${path}: ${href}`).toBe(true)
        }
      }
    }
    // The German tree calls note `a` from both chapters; the note lives with the first.
    const files = unzip((await toEpub(german)).value)
    const second = byName(parseXml(fileText(files, 'EPUB/chapter-002.xhtml')), 'a').find(
      (a) => a.attributes['role'] === 'doc-noteref',
    )
    expect(second?.attributes['href']).toBe('chapter-001.xhtml#fn-a')
    // …and the note leads back to both calls.
    const note = elements(parseXml(fileText(files, 'EPUB/chapter-001.xhtml'))).find(
      (e) => e.attributes['id'] === 'fn-a',
    )!
    const backlinks = byName(note, 'a').filter((a) => a.attributes['role'] === 'doc-backlink')
    expect(backlinks.map((a) => a.attributes['href'])).toEqual(['#fnref-a', 'chapter-002.xhtml#fnref-a'])
    expect(backlinks[1]?.attributes['aria-label']).toBe('Zurück zum Verweis 1 (2)')
    expect(fileText(files, 'EPUB/nav.xhtml')).toContain('>Inhalt<')
  })

  it('drops unsafe links and anything active, keeping the text', async () => {
    const hostile = u.root({title: 'Hostile <script>alert(1)</script>', lang: 'en'}, [
      u.section(1, [
        u.heading(1, [u.text('Links <img src=x onerror=alert(1)>')]),
        u.paragraph([
          u.link('javascript:alert(1)', [u.text('one')]),
          u.text(' '),
          u.link('data:text/html,<script>alert(1)</script>', [u.text('two')]),
          u.text(' '),
          u.link('file:///etc/passwd', [u.text('three')]),
          u.text(' '),
          u.link(' JaVaScRiPt:alert(1)', [u.text('four')]),
          u.text(' '),
          u.link('https://example.org/ok', [u.text('five')]),
        ]),
        u.figure([u.image({alt: 'x', url: 'javascript:alert(1)'}), u.caption([u.text('A caption.')])]),
      ]),
    ])
    const result = await toEpub(hostile)
    const files = unzip(result.value)
    const all = [...files.entries()]
      .filter(([path]) => path.endsWith('.xhtml') || path.endsWith('.opf'))
      .map(([, data]) => decoder.decode(data))
      .join('\n')
    expect(all.toLowerCase()).not.toMatch(/javascript:|data:text|file:|vbscript:/)
    const chapter = parseXml(fileText(files, 'EPUB/chapter-001.xhtml'))
    expect(byName(chapter, 'script')).toEqual([])
    expect(elements(chapter).some((element) => Object.keys(element.attributes).some((name) => /^on/i.test(name)))).toBe(
      false,
    )
    expect(byName(chapter, 'a').map((a) => a.attributes['href'])).toEqual(['https://example.org/ok'])
    expect(textOf(chapter)).toContain('one two three four five')
    expect(textOf(chapter)).toContain('Links <img src=x onerror=alert(1)>')
  })
})

describe('toEpub: bad input', () => {
  it('reads a tree with odd metadata, or refuses it with a TypeError, never crashes otherwise', async () => {
    const odd: unknown[] = [
      {type: 'root', version: '1.0.0', meta: {lang: 'en'}, children: []},
      {type: 'root', version: '1.0.0', meta: {lang: 'en', authors: 'Ann', title: 42, date: 2024}, children: []},
      {type: 'root', version: '1.0.0', meta: {lang: 'en', authors: [], source: {modified: {}, pages: 1}}, children: []},
      {
        type: 'root',
        version: '1.0.0',
        meta: {lang: 'en', authors: [], date: '2024-02-30'},
        children: [{type: 'pageBreak', page: 1, label: ''}],
      },
      {type: 'root', meta: null, children: []},
      {type: 'root', meta: {lang: 'en', authors: []}},
      {type: 'root', version: '1.0.0', meta: {lang: 'en', authors: []}, children: [null]},
      {type: 'root', version: '1.0.0', meta: {lang: 'en', authors: []}, children: [{type: 'section', depth: 1}]},
      {
        type: 'root',
        version: '1.0.0',
        meta: {lang: 'en', authors: []},
        children: [{type: 'paragraph', children: [{type: 'text'}]}],
      },
      {type: 'root', version: '1.0.0', meta: {lang: 'en', authors: []}, children: [{type: 'list', children: [7]}]},
      null,
      'root',
    ]
    for (const tree of odd) {
      try {
        const result = await toEpub(tree as Root)
        expect(unzip(result.value).has('EPUB/package.opf')).toBe(true)
      } catch (error) {
        expect(error, JSON.stringify(tree)).toBeInstanceOf(TypeError)
        expect(String(error)).toMatch(/^TypeError: Unexpected /)
      }
    }
    const broken = {
      type: 'root',
      version: '1.0.0',
      meta: {lang: 'en', authors: []},
      children: [{type: 'paragraph', children: [{type: 'text'}]}],
    }
    await expect(toEpub(broken as unknown as Root)).rejects.toThrow('at `root > 0 (paragraph) > 0 (text)`')
  })
})
