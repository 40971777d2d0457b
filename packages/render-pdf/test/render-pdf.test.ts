import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {crc32, deflateSync} from 'node:zlib'
import type {Root} from '@folio/ast'
import {checkPdf, formatFailures} from '@folio/check'
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  type PDFString,
} from 'pdf-lib'
import {beforeAll, describe, expect, it} from 'vitest'
import {toPdf} from '../src/index.js'
import {expectedBlocks} from './expected.js'
import {layoutReport} from './layout.js'
import {blocks, markedText, origins} from './read-back.js'

const fixtures = new URL('fixtures/', import.meta.url)
const load = (name: string): Root => JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as Root
const temp = mkdtempSync(join(tmpdir(), 'folio-render-pdf-'))

/** A tool CI installs: missing fails under CI, skips (saying so) elsewhere. */
function tool(name: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${name}`]).status === 0
  if (!found && process.env.CI) throw new Error(`\`${name}\` is required in CI (apt: poppler-utils / qpdf)`)
  if (!found) console.warn(`skipping checks that need \`${name}\`: not installed`)
  return found
}

function write(name: string, value: Uint8Array): string {
  const path = join(temp, name)
  writeFileSync(path, value)
  return path
}

/** The decoded bytes of a stream object. */
function streamOf(pdf: PDFDocument, value: PDFObject | undefined): Uint8Array {
  const stream = value instanceof PDFRef ? pdf.context.lookup(value) : value
  if (!(stream instanceof PDFRawStream)) throw new Error('Unexpected object, expected a stream')
  return decodePDFRawStream(stream).decode()
}

describe('the report edition (A4)', () => {
  const tree = load('report.json')
  let data: Uint8Array
  let path: string
  beforeAll(async () => {
    const result = await toPdf(tree)
    data = result.value
    path = write('report.pdf', data)
    expect(result.diagnostics).toEqual([])
  })

  it('passes the PDF/UA-1 checks', async () => {
    const checked = await checkPdf(data)
    expect(formatFailures(checked.failures)).toBe('')
    expect(checked.structure.map((root) => root.role)).toEqual(['Document'])
  })

  it('gives back its tree through the structure tree: headings, paragraphs, list items, links', async () => {
    const checked = await checkPdf(data)
    const found = blocks(checked, await markedText(data))
    expect(found[0]).toMatchObject({role: 'Title', text: tree.meta.title})
    expect(found.find((block) => block.langs.includes('ar'))?.text).toBe('المعهد الدولي للدراسات الإيرانية')
    const expected = expectedBlocks(tree)
    const body = found.slice(found.length - expected.length)
    expect(body.map(({role, text}) => ({role, text}))).toEqual(expected.map(({role, text}) => ({role, text})))
    const links = body.flatMap((block) => block.links)
    expect(links).toEqual(expected.flatMap((block) => block.links ?? []))
    expect(links.length).toBe(5)
  })

  it('is clean under qpdf --check and reads in order with no broken words in pdftotext', () => {
    if (!tool('qpdf') || !tool('pdftotext')) return
    const qpdf = spawnSync('qpdf', ['--check', path], {encoding: 'utf8'})
    expect(qpdf.status).toBe(0)
    expect(qpdf.stdout).toContain('No syntax or stream encoding errors found')
    expect(qpdf.stderr).toBe('')
    // The text block only: running heads and page numbers lie outside it.
    const [width, height] = [595, 842]
    const text = execFileSync(
      'pdftotext',
      ['-x', '0', '-y', '60', '-W', String(width), '-H', String(height - 120), path, '-'],
      {
        encoding: 'utf8',
      },
    )
    const words = (value: string) => value.split(/\s+/).filter(Boolean)
    const expected = expectedBlocks(tree).flatMap((block) => words(block.text))
    const got = words(text)
    const start = got.findIndex((word, index) => word === expected[0] && got[index + 1] === expected[1])
    expect(got.slice(start, start + expected.length)).toEqual(expected)
  })

  it('has the document facts: PDF 1.7, tagged, A4, dates from the document', () => {
    if (!tool('pdfinfo')) return
    const info = execFileSync('pdfinfo', [path], {encoding: 'utf8'})
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(info).toMatch(/PDF version:\s+1\.7/)
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/)
    expect(info).toMatch(/CreationDate:\s+Tue May 14 09:30:00 2024 UTC/)
    expect(info).toMatch(/ModDate:\s+Wed May 15 08:00:00 2024 UTC/)
    expect(info).toMatch(/Suspects:\s+no/)
  })

  it('has language, title shown, pdfuaid, bookmarks for every section and page labels', async () => {
    const pdf = await PDFDocument.load(data, {updateMetadata: false})
    const catalog = pdf.catalog
    expect((catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('en')
    const preferences = catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict)
    expect(preferences.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true')
    const xmp = new TextDecoder().decode(streamOf(pdf, catalog.get(PDFName.of('Metadata'))))
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>')
    expect(xmp).toContain('<xmp:CreateDate>2024-05-14T09:30:00Z</xmp:CreateDate>')
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>')
    const outlines = catalog.lookup(PDFName.of('Outlines'), PDFDict)
    const titles: string[] = []
    let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict)
    while (item) {
      titles.push((item.lookup(PDFName.of('Title')) as PDFString).decodeText())
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
    }
    const sections = tree.children.filter((child) => child.type === 'section')
    expect(titles).toEqual(sections.map((section) => expectedBlocks({...tree, children: [section]})[0]?.text))
    const labels = catalog.lookup(PDFName.of('PageLabels'), PDFDict)
    expect(labels.lookup(PDFName.of('Nums'), PDFArray).toString().replace(/\s+/g, ' ')).toBe(
      '[ 0 << /S /r >> 1 << /S /D >> ]',
    )
  })

  it('marks running heads and page numbers as artifacts, outside the structure text', async () => {
    const texts = [...(await markedText(data)).values()].join(' ')
    expect(texts).not.toMatch(
      /\bThe United States and the Challenges Facing the Formation of an Integrated Defense Alliance in the…/,
    )
    const pdf = await PDFDocument.load(data)
    const page = pdf.getPage(1)
    const contents = streamOf(pdf, page.node.get(PDFName.of('Contents')))
    const stream = new TextDecoder('latin1').decode(contents)
    expect(stream.match(/\/Artifact\s*<<\s*\/Type\s*\/Pagination\s*>>\s*BDC/g)?.length).toBe(1)
  })

  it('keeps headings with what follows and leaves no widowed or orphaned line', async () => {
    const checked = await checkPdf(data)
    const report = layoutReport(checked, await markedText(data))
    expect(report.strandedHeadings).toEqual([])
    expect(report.shortParts).toEqual([])
    expect(report.crossing).toBeGreaterThan(2)
  })

  it('is byte-identical from run to run', async () => {
    const again = await toPdf(tree)
    expect(Buffer.from(again.value).equals(Buffer.from(data))).toBe(true)
  })
})

describe('every node type', () => {
  const tree = load('every-node.json')
  let data: Uint8Array
  let diagnostics: Awaited<ReturnType<typeof toPdf>>['diagnostics']
  beforeAll(async () => {
    const result = await toPdf(tree, {pageSize: 'Letter'})
    data = result.value
    diagnostics = result.diagnostics
    write('every-node.pdf', data)
  })

  it('reports what it could not render as data', () => {
    expect(diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual([
      'info link-dropped',
      'warning image-alt-missing',
      'warning glyph-missing',
    ])
    for (const d of diagnostics) {
      expect(d.source).toBe('folio-render-pdf')
      expect(d.message).toMatch(/^Unexpected .+, expected /)
    }
  })

  it('passes the PDF/UA-1 checks on Letter paper', async () => {
    const checked = await checkPdf(data)
    expect(formatFailures(checked.failures)).toBe('')
    const pdf = await PDFDocument.load(data)
    expect(pdf.getPage(0).getSize()).toEqual({width: 612, height: 792})
  })

  it('tags lists, notes, spans, figures, tables and code', async () => {
    const checked = await checkPdf(data)
    const roles: string[] = []
    const seen = (node: (typeof checked.structure)[number]) => {
      roles.push(node.role)
      for (const child of node.children) if ('role' in child) seen(child)
    }
    for (const root of checked.structure) seen(root)
    for (const role of [
      'Sect',
      'H1',
      'H2',
      'H3',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Note',
      'Span',
      'Link',
      'BlockQuote',
      'Code',
      'Figure',
      'Caption',
      'Table',
      'TR',
      'TH',
      'TD',
    ]) {
      expect(roles).toContain(role)
    }
    const found = blocks(checked, await markedText(data))
    expect(found.filter((block) => block.role === 'Lbl').map((block) => block.text)).toEqual([
      '1',
      '■',
      '■',
      'a)',
      'b)',
      '■',
      '9.',
      '10.',
    ])
    const spans = found.flatMap((block) => block.langs)
    expect(spans).toEqual(['fr', 'ar'])
    const arabic = found.find((block) => block.text.includes('Arabic one'))
    expect(arabic?.text).toContain('التقرير السنوي')
    expect(found.some((block) => block.links.includes('mailto:editions@example.org'))).toBe(true)
    expect(found.some((block) => block.text.includes('script link that is dropped') && block.links.length === 1)).toBe(
      true,
    )
  })

  it('escapes the title in the XMP packet', async () => {
    const pdf = await PDFDocument.load(data, {updateMetadata: false})
    const xmp = new TextDecoder().decode(streamOf(pdf, pdf.catalog.get(PDFName.of('Metadata'))))
    expect(xmp).toContain('Every Node: A &#60;Test&#62; &#38; Its Edition')
    expect(xmp).toContain('<xmp:CreateDate>2023-11-01T00:00:00Z</xmp:CreateDate>')
  })
})

/** A grey PNG of the given size, as a data URI. */
function png(width: number, height: number): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), body.length + 4)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8)
  const rows = Buffer.alloc((width + 1) * height, 0x90)
  for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0
  const data = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ])
  return `data:image/png;base64,${data.toString('base64')}`
}

describe('keeping things together', () => {
  it('keeps a heading with the figure after it, and a caption with its figure, wherever the page ends', async () => {
    const url = png(200, 260)
    for (let lines = 0; lines <= 44; lines += 2) {
      const filler = Array.from({length: lines * 11}, (_, index) => `w${index}`).join(' ')
      const tree: Root = {
        type: 'root',
        version: '1.0.0',
        meta: {title: 'Keep', authors: [], lang: 'en', date: '2024'},
        children: [
          {type: 'paragraph', children: [{type: 'text', value: filler || 'Short.'}]},
          {
            type: 'section',
            depth: 1,
            children: [
              {type: 'heading', depth: 1, children: [{type: 'text', value: 'A figure'}]},
              {
                type: 'figure',
                children: [
                  {type: 'image', alt: 'A grey block', url},
                  {
                    type: 'caption',
                    children: [
                      {
                        type: 'text',
                        value:
                          'Figure 1. A grey block with a caption of two lines, long enough to wrap onto the second line.',
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      }
      const {value} = await toPdf(tree)
      const checked = await checkPdf(value)
      expect(formatFailures(checked.failures)).toBe('')
      const report = layoutReport(checked, await markedText(value))
      expect(report.strandedHeadings, `${lines} lines before`).toEqual([])
      expect(report.captionsApart, `${lines} lines before`).toEqual([])
    }
  })
})

describe('a link longer than a page', () => {
  it('is one Link element per page, each naming the page of its annotations', async () => {
    const words = Array.from({length: 700}, (_, index) => `word${index}`).join(' ')
    const tree: Root = {
      type: 'root',
      version: '1.0.0',
      meta: {title: 'Long link', authors: [], lang: 'en', date: '2024'},
      children: [
        {
          type: 'paragraph',
          children: [{type: 'link', url: 'https://example.org/long', children: [{type: 'text', value: words}]}],
        },
      ],
    }
    const {value} = await toPdf(tree)
    const checked = await checkPdf(value)
    expect(formatFailures(checked.failures)).toBe('')
    const links: Array<Set<number | undefined>> = []
    const visit = (node: (typeof checked.structure)[number]) => {
      if (node.role === 'Link') links.push(new Set(node.children.map((child) => ('role' in child ? -1 : child.page))))
      for (const child of node.children) if ('role' in child) visit(child)
    }
    for (const root of checked.structure) visit(root)
    // Page 1 is the title page; the link runs over every page after it.
    expect(checked.pages).toBeGreaterThan(2)
    expect(links.length).toBe(checked.pages - 1)
    expect(links.map((pages) => [...pages])).toEqual(links.map((_, index) => [index + 2]))
    const found = blocks(checked, await markedText(value))
    expect(found.at(-1)?.text).toBe(words)
  })

  it('keeps a span inside such a link, on every page', async () => {
    const words = Array.from({length: 700}, (_, index) => `mot${index}`).join(' ')
    const tree: Root = {
      type: 'root',
      version: '1.0.0',
      meta: {title: 'Long link', authors: [], lang: 'en', date: '2024'},
      children: [
        {
          type: 'paragraph',
          children: [
            {
              type: 'link',
              url: 'https://example.org/long',
              children: [
                {type: 'text', value: 'Before '},
                {type: 'span', lang: 'fr', children: [{type: 'text', value: words}]},
              ],
            },
          ],
        },
      ],
    }
    const {value} = await toPdf(tree)
    const checked = await checkPdf(value)
    expect(formatFailures(checked.failures)).toBe('')
    const found = blocks(checked, await markedText(value))
    expect(found.at(-1)?.text).toBe(`Before ${words}`)
    expect(new Set(found.at(-1)?.langs)).toEqual(new Set(['fr']))
  })
})

describe('a right-to-left document', () => {
  it('is set from the right, reads in logical order through its structure, and needs no spans', async () => {
    const first =
      'يعتمد الري في دلتا النيل على شبكة من القنوات التي صممت لمزارع كبيرة ونهر يمكن التنبؤ به. اليوم تخدم هذه الشبكة الملايين من الحيازات الصغيرة. '
    const second = 'يعتمد الري في دلتا النيل على شبكة من القنوات التي صممت لمزارع كبيرة ونهر يمكن التنبؤ به.'
    const tree: Root = {
      type: 'root',
      version: '1.0.0',
      meta: {title: 'التقرير السنوي', authors: [], lang: 'ar', dir: 'rtl', date: '2023'},
      children: [
        {
          type: 'section',
          depth: 1,
          children: [
            {type: 'heading', depth: 1, children: [{type: 'text', value: 'الملخص'}]},
            {
              type: 'paragraph',
              children: [
                {type: 'text', value: first},
                {type: 'text', value: second},
              ],
            },
          ],
        },
      ],
    }
    const {value, diagnostics} = await toPdf(tree)
    expect(diagnostics).toEqual([])
    const checked = await checkPdf(value)
    expect(formatFailures(checked.failures)).toBe('')
    const texts = await markedText(value)
    const found = blocks(checked, texts)
    expect(found.map(({role, text}) => ({role, text}))).toEqual([
      {role: 'Title', text: 'التقرير السنوي'},
      {role: 'P', text: '2023'},
      {role: 'H1', text: 'الملخص'},
      {role: 'P', text: `${first}${second}`.trim()},
    ])
    // On the line both sentences share, the first (logically) stands to the right of the second.
    const xy = origins.get(texts)
    const paragraph = [...(checked.structure[0]?.children ?? [])]
      .flatMap((child) => ('role' in child ? [child] : []))
      .flatMap((node) => node.children)
      .flatMap((child) => ('role' in child && child.role === 'P' ? [child] : []))[0]
    const spans = (paragraph?.children ?? []).flatMap((child) => ('role' in child ? [child] : []))
    expect(spans.map((span) => span.role)).toEqual(['Span', 'Span'])
    const points = spans.map((span) =>
      span.children.flatMap((child) => ('mcid' in child ? (xy?.get(`${child.page}:${child.mcid}`) ?? []) : [])),
    )
    const shared = (points[0] ?? [])
      .map(([, y]) => y)
      .find((y) => (points[1] ?? []).some(([, other]) => Math.abs(other - y) < 1))
    expect(shared).toBeDefined()
    const onLine = (list: Array<[number, number]>) =>
      list.filter(([, y]) => Math.abs(y - (shared ?? 0)) < 1).map(([x]) => x)
    expect(Math.min(...onLine(points[0] ?? []))).toBeGreaterThan(Math.max(...onLine(points[1] ?? [])))
  })
})

describe('bad input', () => {
  it('throws on a value that is not a tree, and on an unknown page size', async () => {
    await expect(toPdf(null as unknown as Root)).rejects.toThrow(/expected a Folio `root` node/)
    await expect(toPdf(load('report.json'), {pageSize: 'A5' as 'A4'})).rejects.toThrow(/expected `A4` or `Letter`/)
  })

  it('renders malformed trees as far as they go, saying where, and the files still pass the checks', async () => {
    const base = {type: 'root', version: '1.0.0', meta: {authors: [], lang: 'en', title: 'Malformed'}}
    const trees: Array<[string, unknown]> = [
      ['a null child', {...base, children: [null]}],
      ['a paragraph without children', {...base, children: [{type: 'paragraph'}]}],
      ['a text without value', {...base, children: [{type: 'paragraph', children: [{type: 'text'}]}]}],
      ['no meta', {type: 'root', version: '1.0.0', children: []}],
      ['authors not a list', {...base, meta: {lang: 'en', title: 'x', authors: 'A'}, children: []}],
      [
        'depth 9',
        {...base, children: [{type: 'section', depth: 9, children: [{type: 'heading', depth: 9, children: []}]}]},
      ],
      [
        'a link without url',
        {...base, children: [{type: 'paragraph', children: [{type: 'link', children: [{type: 'text', value: 'x'}]}]}]},
      ],
      ['a title that is a number', {...base, meta: {...base.meta, title: 42}, children: []}],
    ]
    for (const [name, tree] of trees) {
      const {value, diagnostics} = await toPdf(tree as Root)
      expect(diagnostics.filter((d) => d.ruleId === 'tree-invalid').length, name).toBeGreaterThan(0)
      for (const d of diagnostics) expect(d.message, name).toMatch(/^Unexpected .+, expected /)
      const checked = await checkPdf(value)
      expect(formatFailures(checked.failures), name).toBe('')
    }
  })

  it('reports a date it cannot read', async () => {
    const {diagnostics} = await toPdf({
      type: 'root',
      version: '1.0.0',
      meta: {authors: [], lang: 'en', title: 'x', date: 'May 2024'},
      children: [],
    })
    expect(diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(['warning date-invalid'])
  })

  it('renders a tree without title or date, and says so', async () => {
    const {value, diagnostics} = await toPdf({
      type: 'root',
      version: '1.0.0',
      meta: {authors: [], lang: 'de'},
      children: [],
    })
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['title-missing', 'date-missing'])
    const checked = await checkPdf(value)
    expect(formatFailures(checked.failures)).toBe('')
  })
})
