import {describe, expect, it} from 'vitest'
import {extract} from '../src/index.js'
import type {Layout, StructNode} from '../src/lib/types.js'
import {
  corpusFiles,
  corpusPath,
  manifest,
  pdftotextPages,
  qpdfLinkUris,
  readPdf,
  requireCorpus,
  requireTool,
} from './helpers.js'
import {comparable, withoutLeaders, wordSimilarity} from './similarity.js'

const haveCorpus = requireCorpus()
const files = corpusFiles()
const layouts = new Map<string, Promise<Layout>>()

function layoutOf(file: string): Promise<Layout> {
  let layout = layouts.get(file)
  if (!layout) {
    layout = extract(readPdf(corpusPath(file)), {file})
    layouts.set(file, layout)
  }
  return layout
}

function pageText(layout: Layout, number: number): string {
  return layout.pages[number - 1]?.lines.map((l) => l.text).join('\n') ?? ''
}

function allWords(layout: Layout) {
  return layout.pages.flatMap((p) => p.lines.flatMap((l) => l.words))
}

function roles(node: StructNode | undefined, into = new Set<string>()): Set<string> {
  if (!node) return into
  into.add(node.role)
  for (const c of node.children) roles(c, into)
  return into
}

function mcids(node: StructNode | undefined, into = new Set<number>()): Set<number> {
  if (!node) return into
  for (const m of node.mcids ?? []) into.add(m)
  for (const c of node.children) mcids(c, into)
  return into
}

const find = (part: string): string => {
  const file = files.find((f) => f.includes(part))
  if (!file) throw new Error(`Expected a corpus file matching ${part}`)
  return file
}

describe.runIf(haveCorpus)('every corpus PDF', () => {
  const rows = manifest()

  it.each(files)('%s: reads without a crash, every page, with the page count of the manifest', async (file) => {
    const layout = await layoutOf(file)
    const expected = Number(rows.get(file)?.['pages'])
    expect(layout.pageCount).toBe(expected)
    expect(layout.pages.map((p) => p.number)).toEqual(Array.from({length: expected}, (_, i) => i + 1))
    for (const page of layout.pages) {
      expect(page.width).toBeGreaterThan(0)
      expect(page.height).toBeGreaterThan(0)
      for (const line of page.lines) {
        expect(line.text.trim()).not.toBe('')
        expect(line.bbox[0]).toBeLessThanOrEqual(line.bbox[2])
        expect(line.bbox[1]).toBeLessThanOrEqual(line.bbox[3])
      }
    }
    expect(layout.encrypted).toBe(rows.get(file)?.['encrypted']?.startsWith('yes'))
    expect(layout.tagged).toBe(rows.get(file)?.['tagged'] === 'yes')
    expect(layout.diagnostics.every((d) => d.source === 'folio-extract' && /^[a-z]+(-[a-z]+)*$/.test(d.ruleId))).toBe(
      true,
    )
  })

  it.each(files)('%s: no ligature presentation forms, no NBSP, NFC text', async (file) => {
    const layout = await layoutOf(file)
    for (const word of allWords(layout)) {
      expect(word.text).not.toMatch(/[\uFB00-\uFB06\u00A0\u00AD]/)
      expect(word.text).toBe(word.text.normalize('NFC'))
    }
  })

  it.each(files)('%s: no "s p a c e d" words: no line of three or more single letters in a row', async (file) => {
    const layout = await layoutOf(file)
    const spaced = layout.pages.flatMap((p) =>
      p.lines.filter((l) => /(?:^|\s)(?:\p{L} ){3,}\p{L}(?:\s|$)/u.test(l.text)).map((l) => `p${p.number}: ${l.text}`),
    )
    expect(spaced).toEqual([])
  })
})

describe.runIf(haveCorpus)('word-level similarity with pdftotext -raw', () => {
  const figures: string[] = []
  it.each(files.filter((f) => !f.includes('scanned')))('%s: at least 0.98 over the document', async (file) => {
    if (!requireTool('pdftotext')) return
    const layout = await layoutOf(file)
    const reference = pdftotextPages(corpusPath(file))
    let weighted = 0
    let words = 0
    const perPage: string[] = []
    for (const page of layout.pages) {
      const ours = withoutLeaders(comparable(pageText(layout, page.number)))
      const theirs = withoutLeaders(comparable(reference[page.number - 1] ?? ''))
      const n = ours.split(/\s+/).filter(Boolean).length
      if (n === 0 && theirs.trim() === '') continue
      const s = wordSimilarity(ours, theirs)
      weighted += s * n
      words += n
      perPage.push(`p${page.number}=${s.toFixed(3)}`)
    }
    const similarity = weighted / words
    figures.push(`${file}: ${similarity.toFixed(4)}`)
    console.info(
      `similarity ${file}: ${similarity.toFixed(4)} (lowest pages: ${perPage
        .sort((a, b) => Number(a.split('=')[1]) - Number(b.split('=')[1]))
        .slice(0, 3)
        .join(' ')})`,
    )
    expect(similarity).toBeGreaterThanOrEqual(0.98)
  })
})

describe.runIf(haveCorpus)('links, outline, labels, structure', () => {
  it.each(files)('%s: every URI link qpdf finds on a page is a link on that page', async (file) => {
    if (!requireTool('qpdf')) return
    const layout = await layoutOf(file)
    const expected = qpdfLinkUris(corpusPath(file))
    for (const [number, uris] of expected) {
      const ours = new Set(layout.pages[number - 1]?.links.map((l) => l.url))
      for (const uri of uris) expect(ours.has(uri.trim()) || ours.has(uri), `page ${number}: ${uri}`).toBe(true)
    }
  })

  it('reads internal links of the LaTeX paper as target pages', async () => {
    const layout = await layoutOf(find('two-column-latex'))
    const internal = layout.pages.flatMap((p) => p.links.filter((l) => l.destPage !== undefined))
    expect(internal.length).toBeGreaterThan(20)
    expect(internal.every((l) => l.destPage! >= 1 && l.destPage! <= layout.pageCount)).toBe(true)
  })

  it('reads the outline of the tagged German chapter with target pages', async () => {
    const layout = await layoutOf(find('barrierefreie'))
    expect(layout.outline.length).toBeGreaterThan(0)
    expect(layout.outline[0]?.title).toBe('Inhalt')
    const pages = layout.outline.flatMap(function flat(o): number[] {
      return [...(o.page === undefined ? [] : [o.page]), ...o.children.flatMap(flat)]
    })
    expect(pages.length).toBeGreaterThan(0)
    expect(pages.every((p) => p >= 1 && p <= layout.pageCount)).toBe(true)
  })

  it('reads page labels (roman front matter, then arabic)', async () => {
    const layout = await layoutOf(find('cancer-council'))
    expect(layout.pages.slice(0, 4).map((p) => p.label)).toEqual(['i', 'ii', '1', '2'])
  })

  it.each(['barrierefreie', 'physical-development', 'god-squad'])(
    '%s: tagged, with H and P roles and word mcids found in the tree',
    async (part) => {
      const layout = await layoutOf(find(part))
      expect(layout.tagged).toBe(true)
      const all = new Set<string>()
      for (const page of layout.pages) roles(page.structTree, all)
      expect([...all].some((r) => /^H[1-6]?$/.test(r))).toBe(true)
      expect(all.has('P')).toBe(true)
      for (const page of layout.pages) {
        const known = mcids(page.structTree)
        const used = page.lines.flatMap((l) => l.words).filter((w) => w.mcid !== undefined && !w.artifact)
        for (const w of used) expect(known.has(w.mcid!), `page ${page.number} mcid ${w.mcid}`).toBe(true)
      }
    },
  )

  it('reads document information and dates', async () => {
    const layout = await layoutOf(find('god-squad'))
    expect(layout.info.title).toMatch(/God Squad/)
    expect(layout.info.lang).toBe('en-US')
    expect(layout.info.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
  })
})

describe.runIf(haveCorpus)('hard cases', () => {
  it('ligature paper: no U+FB0x left, and the ligatures are real letters', async () => {
    const layout = await layoutOf(find('ligatures'))
    const text = layout.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n')
    expect(text).not.toMatch(/[\uFB00-\uFB06]/)
    expect(text).toMatch(/\bdifferential\b/)
    expect(text).toMatch(/\befficient|\bdefinition/)
  })

  it('encrypted corpus file (empty user password) opens and says it was encrypted', async () => {
    const layout = await layoutOf(find('encrypted'))
    expect(layout.encrypted).toBe(true)
    expect(allWords(layout).length).toBeGreaterThan(1000)
  })

  it('scanned file: a warning per page and one for the document, not a throw', async () => {
    const layout = await layoutOf(find('scanned'))
    expect(layout.pages.every((p) => p.lines.length === 0)).toBe(true)
    expect(layout.pages[0]?.images.length).toBeGreaterThan(0)
    expect(layout.diagnostics.map((d) => [d.ruleId, d.severity, d.place?.page])).toEqual([
      ['page-without-text', 'warning', 1],
      ['document-without-text', 'warning', undefined],
    ])
    expect(layout.diagnostics[0]?.message).toMatch(/linn-sequencer-brochure-scanned-image-only\.pdf/)
  })

  it('two-column LaTeX paper: words are whole (no spaced letters, no run-together words)', async () => {
    const layout = await layoutOf(find('two-column-latex'))
    const words = allWords(layout).map((w) => w.text)
    // Run-together words would show up as long letter-only tokens.
    const long = words.filter((w) => /^\p{L}{20,}$/u.test(w))
    expect(long).toEqual([])
    const text = pageText(layout, 1)
    expect(text).toContain('Dense Passage Retrieval for Open-Domain Question Answering')
    expect(text).toContain('Barlas Oğuz')
  })

  it('footnote markers are superscripts glued to their word', async () => {
    const layout = await layoutOf(find('r46991'))
    // Inside a line (a footnote's own number opens its line and follows nothing).
    const markers = layout.pages.flatMap((p) =>
      p.lines.flatMap((l) => l.words.slice(1).filter((w) => w.superscript && /^\d+$/.test(w.text))),
    )
    expect(markers.length).toBeGreaterThan(100)
    expect(markers.filter((w) => w.attached).length / markers.length).toBeGreaterThan(0.9)
  })

  it('fonts: real names with bold and italic', async () => {
    const layout = await layoutOf(find('god-squad'))
    const fonts = new Map(allWords(layout).map((w) => [w.font.name, w.font]))
    expect(fonts.get('TimesNewRomanPSMT')).toMatchObject({family: 'Times New Roman', bold: false, italic: false})
    expect(fonts.get('PalatinoLinotype-Bold')).toMatchObject({family: 'Palatino Linotype', bold: true})
    expect([...fonts.values()].some((f) => f.italic)).toBe(true)
  })

  it('Wingdings bullets become Unicode bullets; glyphs without Unicode are reported', async () => {
    const chelsea = await layoutOf(find('chelsea'))
    const words = allWords(chelsea).map((w) => w.text)
    expect(words.some((w) => /[\uE000-\uF8FF]/u.test(w))).toBe(false)
    expect(words.filter((w) => w === '▪').length).toBeGreaterThan(10)
    const ibm = await layoutOf(find('ibm-redpaper'))
    const unmapped = ibm.diagnostics.filter((d) => d.ruleId === 'unmapped-glyphs')
    expect(unmapped.map((d) => [d.severity, d.place?.page])).toEqual([['warning', 3]])
  })

  it('printer slugs outside the crop box are not text', async () => {
    const layout = await layoutOf(find('physical-development'))
    expect(layout.pages.flatMap((p) => p.lines).some((l) => l.text.includes('.indd'))).toBe(false)
  })

  it('is deterministic: the same input gives the same layout', async () => {
    const file = find('in-focus')
    const a = await extract(readPdf(corpusPath(file)), {file})
    const b = await extract(readPdf(corpusPath(file)), {file})
    expect(JSON.stringify(a)).toBe(JSON.stringify(b))
  })
})
