import {mkdir, readFile, stat} from 'node:fs/promises'
import {basename, extname, join, resolve} from 'node:path'
import type {Content, Diagnostic, PhrasingContent, Root} from '@folio/ast'
import type {BBox, Layout, LayoutPage, RenderedPage} from '@folio/extract'
import {extract, renderPages} from '@folio/extract'
import {normalize} from '@folio/normalize'
import {UsageError} from './inputs.js'
import {writeAtomic} from './pipeline.js'

/** What a box on the inspection page stands for. */
export type BoxKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'footnote'
  | 'toc'
  | 'aside'
  | 'quote'
  | 'figure'
  | 'pageBreak'
  | 'artifact'
  | 'dropped'
  | 'outside'
  | 'image'
  | 'diagnostic'

/** Colours, names and what each kind means; the legend of the page. */
export const KINDS: Record<BoxKind, {colour: string; name: string; means: string}> = {
  heading: {colour: '#c0392b', name: 'Heading', means: 'a heading (H1–H6 gives its depth)'},
  paragraph: {colour: '#1f6fb5', name: 'Paragraph', means: 'a paragraph of the body'},
  listItem: {colour: '#1e8a3a', name: 'List item', means: 'one item of a list (nested lists are items of their own)'},
  footnote: {colour: '#7d3c98', name: 'Footnote', means: 'a footnote or endnote definition'},
  toc: {colour: '#0e8f8f', name: 'Contents (toc)', means: 'lines of a contents page, kept as toc data, not as text'},
  aside: {colour: '#d35400', name: 'Aside', means: 'a sidebar, callout or colophon (around its paragraphs)'},
  quote: {colour: '#8e5b2e', name: 'Quotation', means: 'a block quotation (around its paragraphs)'},
  figure: {colour: '#c2187a', name: 'Figure / table', means: 'a figure, image or table kept in the tree'},
  pageBreak: {colour: '#222222', name: 'Page break', means: 'where this page begins in the reading order'},
  artifact: {
    colour: '#6b6b6b',
    name: 'Artifact',
    means: 'running header or footer, page number or tagged artifact: dropped',
  },
  dropped: {colour: '#9a7d0a', name: 'Dropped line', means: 'a line left out for another reason (see its message)'},
  outside: {
    colour: '#b7950b',
    name: 'Outside the flow',
    means: 'text in no block of the body (cover lines read as title, authors or date, for one)',
  },
  image: {colour: '#5d6d7e', name: 'Image not kept', means: 'an image found in the PDF that is in no figure'},
  diagnostic: {colour: '#e67e22', name: 'Diagnostic', means: 'the place of a message about the text (see below)'},
}

/** Short tag shown beside the reading-order number, so kinds read without colour. */
const TAGS: Partial<Record<BoxKind, string>> = {
  paragraph: '¶',
  listItem: '•',
  footnote: 'fn',
  toc: 'toc',
  figure: 'fig',
  pageBreak: 'pb',
}

export interface InspectBox {
  kind: BoxKind
  page: number
  bbox: BBox
  /** Reading order (1-based) of the block; absent for what is not in the flow. */
  order?: number
  /** Second and later boxes of one block (next column, next page). */
  continued?: boolean
  label: string
  title: string
}

export interface InspectUnit {
  order: number
  kind: BoxKind
  label: string
  text: string
  pages: number[]
}

export interface InspectModel {
  boxes: InspectBox[]
  units: InspectUnit[]
}

interface Unit extends InspectUnit {
  /** Boxes recorded by normalize, by page: the lines inside them belong to the unit. */
  regions: Array<{page: number; bbox: BBox; projected: boolean}>
  depth?: number
}

interface Container {
  kind: 'aside' | 'quote'
  label: string
  members: Unit[]
}

const TOLERANCE = 1.5

function plain(nodes: readonly Content[]): string {
  let out = ''
  for (const node of nodes) {
    if ('value' in node && typeof node.value === 'string') out += node.value
    else if ('children' in node) out += plain(node.children as Content[])
  }
  return out
}

function excerpt(text: string, length = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat
}

function inlineBreaks(nodes: readonly PhrasingContent[], out: number[] = []): number[] {
  for (const node of nodes) {
    if (node.type === 'pageBreak') out.push(node.page)
    else if ('children' in node) inlineBreaks(node.children, out)
  }
  return out
}

/** Letters and digits only, so that hyphenation, ligatures and spacing do not count. */
function textKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')
}

interface TextKeys {
  all: string
  /** Without digits, for lines whose note markers are no text of the tree. */
  letters: string
}

function textKeys(text: string): TextKeys {
  const all = textKey(text)
  return {all, letters: all.replace(/\p{N}/gu, '')}
}

/** How surely a line of the page is part of a block's text: 1 when it is found whole in it. */
function textScore(line: string, block: TextKeys): number {
  const key = textKeys(line)
  if (key.all.length >= 12 && block.all.includes(key.all)) return 1
  if (key.letters.length >= 12 && block.letters.includes(key.letters)) return 0.95
  const words = line
    .split(/\s+/)
    .map(textKey)
    .filter((word) => word.length > 0)
  if (words.length === 0) return 0
  return (0.9 * words.filter((word) => block.all.includes(word)).length) / words.length
}

function area(box: BBox): number {
  return Math.max(0, box[2] - box[0]) * Math.max(0, box[3] - box[1])
}

function inside(inner: BBox, outer: BBox): boolean {
  return (
    inner[0] >= outer[0] - TOLERANCE &&
    inner[1] >= outer[1] - TOLERANCE &&
    inner[2] <= outer[2] + TOLERANCE &&
    inner[3] <= outer[3] + TOLERANCE
  )
}

function union(boxes: readonly BBox[]): BBox {
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ]
}

/**
 * Lines of one block grouped into runs that read as one box: a paragraph that goes on in the
 * next column makes two runs. Lines join when they overlap across and stand close down the page.
 */
function runs(boxes: BBox[], rtl = false): BBox[] {
  const sorted = [...boxes].sort((a, b) => a[1] - b[1] || a[0] - b[0])
  const parent = sorted.map((_, index) => index)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!
    return i
  }
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!
      const b = sorted[j]!
      const overlap = Math.min(a[2], b[2]) - Math.max(a[0], b[0])
      const narrower = Math.min(a[2] - a[0], b[2] - b[0])
      const gap = b[1] - a[3]
      const height = Math.max(a[3] - a[1], b[3] - b[1])
      // One row: a list marker or a drop number set apart from the text it opens.
      const rowOverlap = Math.min(a[3], b[3]) - Math.max(a[1], b[1])
      const apart = Math.max(a[0], b[0]) - Math.min(a[2], b[2])
      const marker = Math.min(a[2] - a[0], b[2] - b[0]) <= height * 2.5
      const sameRow = marker && rowOverlap >= Math.min(a[3] - a[1], b[3] - b[1]) * 0.5 && apart <= height * 1.5
      if ((overlap >= narrower * 0.3 && gap <= height * 1.6) || sameRow) parent[find(j)] = find(i)
    }
  }
  const groups = new Map<number, BBox[]>()
  sorted.forEach((box, index) => {
    const root = find(index)
    groups.set(root, [...(groups.get(root) ?? []), box])
  })
  // Reading order of the runs: down a column, then to the next column across.
  return [...groups.values()].map(union).sort((a, b) => {
    const across = Math.min(a[2], b[2]) - Math.max(a[0], b[0]) > 0
    if (across) return a[1] - b[1]
    return rtl ? b[0] - a[0] : a[0] - b[0]
  })
}

/** The blocks of the tree in reading order, each with the boxes normalize recorded for it. */
function collectUnits(tree: Root): {units: Unit[]; containers: Container[]} {
  const units: Unit[] = []
  const containers: Container[] = []
  const stack: Container[] = []
  const add = (kind: BoxKind, label: string, text: string, page?: number): Unit => {
    const unit: Unit = {order: units.length + 1, kind, label, text, pages: [], regions: []}
    if (page !== undefined) unit.pages.push(page)
    units.push(unit)
    for (const container of stack) container.members.push(unit)
    return unit
  }
  const region = (unit: Unit, node: Content, phrasing?: readonly PhrasingContent[]) => {
    const source = node.data?.source
    if (!source) return
    if (!unit.pages.includes(source.page)) unit.pages.push(source.page)
    if (!source.bbox) return
    unit.regions.push({page: source.page, bbox: source.bbox, projected: false})
    // A block that runs onto the next page carries one box for all its lines, on either page.
    for (const page of inlineBreaks(phrasing ?? [])) {
      if (!unit.pages.includes(page)) unit.pages.push(page)
      unit.regions.push({page, bbox: source.bbox, projected: true})
    }
  }
  const breaksAfter = (phrasing: readonly PhrasingContent[], host: Unit) => {
    for (const page of inlineBreaks(phrasing)) add('pageBreak', `page ${page} begins (inside ${host.order})`, '', page)
  }

  const visit = (node: Content): void => {
    switch (node.type) {
      case 'root':
      case 'section':
      case 'list':
        for (const child of node.children) visit(child)
        return
      case 'toc': {
        const entries = node.children.map((entry) => entry.title)
        add('toc', `contents, ${node.children.length} entries`, entries.join(' · '))
        return
      }
      case 'heading': {
        const unit = add('heading', `H${node.depth}`, plain(node.children))
        unit.depth = node.depth
        region(unit, node, node.children)
        breaksAfter(node.children, unit)
        return
      }
      case 'paragraph':
      case 'code': {
        const phrasing = node.type === 'paragraph' ? node.children : []
        const unit = add(
          'paragraph',
          node.type === 'code' ? 'code' : '¶',
          node.type === 'code' ? node.value : plain(phrasing),
        )
        region(unit, node, phrasing)
        breaksAfter(phrasing, unit)
        return
      }
      case 'listItem': {
        let unit: Unit | undefined
        for (const child of node.children) {
          if (child.type === 'paragraph') {
            unit ??= add('listItem', '•', '')
            unit.text = unit.text ? `${unit.text} ${plain(child.children)}` : plain(child.children)
            region(unit, child, child.children)
            breaksAfter(child.children, unit)
          } else visit(child)
        }
        return
      }
      case 'footnoteDefinition': {
        const unit = add('footnote', `note ${node.label ?? node.identifier}`, plain(node.children))
        region(unit, node)
        return
      }
      case 'figure':
      case 'table':
      case 'image': {
        const unit = add('figure', node.type, node.type === 'image' ? (node.alt ?? '') : plain([node]))
        region(unit, node)
        if (node.type === 'figure') for (const child of node.children) region(unit, child)
        return
      }
      case 'blockquote':
      case 'aside': {
        const container: Container = {
          kind: node.type === 'aside' ? 'aside' : 'quote',
          label: node.type === 'aside' ? node.kind : 'quotation',
          members: [],
        }
        containers.push(container)
        stack.push(container)
        for (const child of node.children) visit(child)
        stack.pop()
        return
      }
      case 'pageBreak':
        add('pageBreak', `page ${node.page} begins (label ${node.label})`, '', node.page)
        return
      default:
        return
    }
  }
  visit(tree)
  return {units, containers}
}

/**
 * Lay the blocks of the tree, the artifacts and other dropped lines over the pages. Each
 * Layout line goes to a block whose recorded box holds it and whose text holds its text, so
 * a block that runs over two columns or onto the next page gets one box per run of lines.
 */
export function inspectModel(layout: Layout, tree: Root, diagnostics: readonly Diagnostic[]): InspectModel {
  const {units, containers} = collectUnits(tree)
  const rtl = tree.meta.dir === 'rtl'
  const keys = new Map(units.map((unit) => [unit, textKeys(unit.text)]))
  const sizes = new Map<Unit, number[]>()
  const boxes: InspectBox[] = []
  const contentsPages = new Set(
    diagnostics.filter((d) => d.ruleId === 'contents-to-toc' && d.place).map((d) => d.place!.page),
  )
  const toc = units.find((unit) => unit.kind === 'toc')
  if (toc) for (const page of contentsPages) if (!toc.pages.includes(page)) toc.pages.push(page)
  const unitBoxes = new Map<Unit, InspectBox[]>()
  const push = (unit: Unit, page: number, bbox: BBox) => {
    const list = unitBoxes.get(unit) ?? []
    const title = `${unit.order}. ${KINDS[unit.kind].name}${unit.kind === 'heading' ? ` ${unit.label}` : ''}${unit.text ? `: ${excerpt(unit.text, 200)}` : ''}`
    const box: InspectBox = {kind: unit.kind, page, bbox, order: unit.order, label: unit.label, title}
    if (list.length > 0) box.continued = true
    list.push(box)
    unitBoxes.set(unit, list)
    boxes.push(box)
  }

  const placed = diagnostics.filter((d) => d.place?.bbox !== undefined)
  for (const page of layout.pages) {
    const here = placed.filter((d) => d.place!.page === page.number)
    const droppedBoxes = here.filter((d) => d.ruleId.startsWith('artifact') || d.ruleId.endsWith('-dropped'))
    for (const d of droppedBoxes) {
      boxes.push({
        kind: d.ruleId.startsWith('artifact') ? 'artifact' : 'dropped',
        page: page.number,
        bbox: d.place!.bbox!,
        label: d.ruleId,
        title: `${d.ruleId}: ${d.message}`,
      })
    }
    const candidates = units.flatMap((unit) =>
      unit.regions.filter((r) => r.page === page.number).map((r) => ({unit, bbox: r.bbox, area: area(r.bbox)})),
    )

    const linesOf = new Map<Unit, BBox[]>()
    const outside: BBox[] = []
    const add = (unit: Unit, bbox: BBox) => linesOf.set(unit, [...(linesOf.get(unit) ?? []), bbox])
    // Boxes of blocks that run over columns or pages overlap, and may hold lines of no block
    // at all: a line goes to a box around it whose text holds the line's text, the smallest
    // first. A line whose words are merely found in the text must also match the type size of
    // the block's own lines (a title inside a paragraph's box is no part of it).
    const loose: Array<{line: (typeof page.lines)[number]; fits: Array<{unit: Unit; area: number; score: number}>}> = []
    for (const line of page.lines) {
      if (line.text.trim() === '') continue
      if (droppedBoxes.some((d) => inside(line.bbox, d.place!.bbox!))) continue
      const fits = candidates
        .filter((candidate) => inside(line.bbox, candidate.bbox))
        .map((candidate) => ({
          unit: candidate.unit,
          area: candidate.area,
          score: textScore(line.text, keys.get(candidate.unit)!),
        }))
        .sort((a, b) => b.score - a.score || a.area - b.area)
      const best = fits[0]
      if (best && best.score >= 0.95) {
        add(best.unit, line.bbox)
        sizes.set(best.unit, [...(sizes.get(best.unit) ?? []), line.size])
      } else loose.push({line, fits})
    }
    for (const {line, fits} of loose) {
      const fit = fits.find(({unit, score}) => {
        if (score < 0.5) return false
        const own = sizes.get(unit)
        if (!own || own.length === 0) return true
        const typical = [...own].sort((a, b) => a - b)[Math.floor(own.length / 2)]!
        return Math.abs(line.size - typical) <= typical * 0.2
      })
      if (fit) add(fit.unit, line.bbox)
      else outside.push(line.bbox)
    }
    // A list marker set as a line of its own belongs to the item beside it.
    for (const box of [...outside]) {
      const height = box[3] - box[1]
      if (box[2] - box[0] > height * 2.5) continue
      const owner = [...linesOf].find(([, lines]) =>
        lines.some((other) => {
          const rowOverlap = Math.min(box[3], other[3]) - Math.max(box[1], other[1])
          const gap = rtl ? box[0] - other[2] : other[0] - box[2]
          return rowOverlap >= height * 0.5 && gap >= -TOLERANCE && gap <= height * 1.5
        }),
      )
      if (!owner) continue
      add(owner[0], box)
      outside.splice(outside.indexOf(box), 1)
    }
    for (const unit of units) {
      if (!unit.pages.includes(page.number)) continue
      if (unit.kind === 'pageBreak') {
        push(unit, page.number, [0, 0, pageWidth(page), 0])
        continue
      }
      if (unit.kind === 'toc' && contentsPages.has(page.number)) {
        // A contents page is one block: entries, leaders and page numbers in one box.
        if (outside.length > 0) push(unit, page.number, union(outside.splice(0)))
        continue
      }
      const lines = linesOf.get(unit)
      if (lines && unit.kind !== 'figure') {
        for (const run of runs(lines, rtl)) push(unit, page.number, run)
        continue
      }
      // No line of its own (an image, or lines taken by a smaller box): the recorded box itself.
      for (const r of unit.regions) if (r.page === page.number && !r.projected) push(unit, page.number, r.bbox)
    }
    for (const run of runs(outside, rtl)) {
      boxes.push({
        kind: 'outside',
        page: page.number,
        bbox: run,
        label: 'outside',
        title: 'Text in no block of the body (metadata, or not read)',
      })
    }
    const figures = boxes.filter((box) => box.page === page.number && box.kind === 'figure')
    for (const image of page.images) {
      if (figures.some((figure) => inside(image.bbox, figure.bbox))) continue
      boxes.push({
        kind: 'image',
        page: page.number,
        bbox: image.bbox,
        label: 'image',
        title: 'Image found in the PDF, in no figure of the tree',
      })
    }
    for (const d of here) {
      if (droppedBoxes.includes(d)) continue
      boxes.push({kind: 'diagnostic', page: page.number, bbox: d.place!.bbox!, label: d.ruleId, title: d.message})
    }
  }
  for (const container of containers) {
    const byPage = new Map<number, BBox[]>()
    for (const member of container.members) {
      for (const box of unitBoxes.get(member) ?? []) byPage.set(box.page, [...(byPage.get(box.page) ?? []), box.bbox])
    }
    for (const [page, list] of byPage) {
      const [x0, y0, x1, y1] = union(list)
      boxes.push({
        kind: container.kind,
        page,
        bbox: [x0 - 4, y0 - 4, x1 + 4, y1 + 4],
        label: container.label,
        title: `${KINDS[container.kind].name} (${container.label})`,
      })
    }
  }
  return {
    boxes,
    units: units.map(({order, kind, label, text, pages}) => ({
      order,
      kind,
      label,
      text,
      pages: [...pages].sort((a, b) => a - b),
    })),
  }
}

function pageWidth(page: LayoutPage): number {
  return page.width || 612
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const percent = (value: number, whole: number) => `${((value / whole) * 100).toFixed(3)}%`

const STYLE = `
:root{color-scheme:light;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1b1b1b;background:#eef0f2}
body{margin:0 auto;max-width:1000px;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:0 0 .5rem}
.facts{margin:0 0 1rem;color:#444}
.legend ul{list-style:none;padding:0;margin:.25rem 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.3rem .9rem}
.legend li{display:flex;gap:.5rem;align-items:flex-start}
.swatch{flex:none;width:1.6rem;height:1rem;margin-top:.2rem;border:2px solid var(--c);background:color-mix(in srgb,var(--c) 16%,transparent)}
.swatch.k-pageBreak{height:0;border-width:3px 0 0;border-style:dashed;margin-top:.6rem;background:none}
.legend p{margin:.5rem 0 0;color:#444}
section.page{background:#fff;border-radius:6px;padding:1rem;margin:1.5rem 0;box-shadow:0 1px 3px #0002}
.sheet{position:relative;border:1px solid #999;margin:.5rem 0;line-height:1}
.sheet img{display:block;width:100%;height:auto}
.box{position:absolute;box-sizing:border-box;border:2px solid var(--c);background:color-mix(in srgb,var(--c) 10%,transparent)}
.box.cont{border-style:dashed}
.k-aside,.k-quote{border-width:3px;border-style:double;background:none}
.k-artifact,.k-dropped{background:repeating-linear-gradient(135deg,color-mix(in srgb,var(--c) 30%,transparent) 0 3px,transparent 3px 7px)}
.k-outside,.k-image{border-style:dotted}
.k-diagnostic{border:1px dotted var(--c);background:none}
.k-pageBreak{height:0;border:0;border-top:3px dashed var(--c);background:none}
.n{position:absolute;left:-2px;top:-2px;transform:translateY(-100%);font:600 11px/1.25 system-ui,"DejaVu Sans",sans-serif;color:#fff;background:var(--c);padding:0 3px;border-radius:3px 3px 3px 0;white-space:nowrap}
.k-pageBreak .n{transform:none;border-radius:0 0 3px 0}
.box:hover .n{opacity:.15}
.box:hover{outline:2px solid var(--c);outline-offset:1px}
details{margin:.5rem 0}
summary{cursor:pointer;font-weight:600}
.order li,.messages li{margin:.15rem 0}
.kind{font-weight:600;color:var(--c)}
code{font-size:.9em}
.none{color:#666;font-style:italic}
`

export interface InspectPageInput {
  file: string
  layout: Layout
  tree: Root
  diagnostics: readonly Diagnostic[]
  images: readonly RenderedPage[]
}

/** The self-contained HTML page: page images with the blocks outlined, numbered in reading order. */
export function inspectPage({file, layout, tree, diagnostics, images}: InspectPageInput): string {
  const model = inspectModel(layout, tree, diagnostics)
  const colour = (kind: BoxKind) => `--c:${KINDS[kind].colour}`
  const out: string[] = []
  out.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(`${file}: how Folio read it`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(file)}</h1>`,
  )
  const facts = [
    `${layout.pageCount} page${layout.pageCount === 1 ? '' : 's'}`,
    layout.tagged ? 'tagged' : 'untagged',
    `${model.units.filter((unit) => unit.kind !== 'pageBreak').length} blocks in reading order`,
  ]
  if (tree.meta.title) facts.push(`title “${tree.meta.title}”`)
  if (tree.meta.lang) facts.push(`language ${tree.meta.lang}`)
  if (layout.info.producer) facts.push(`made by ${layout.info.producer}`)
  out.push(`<p class="facts">${escapeHtml(facts.join(' · '))}</p>`)
  out.push('<section class="legend" aria-labelledby="legend"><h2 id="legend">Legend</h2><ul>')
  for (const [kind, {name, means}] of Object.entries(KINDS) as Array<[BoxKind, (typeof KINDS)[BoxKind]]>) {
    out.push(
      `<li><span class="swatch k-${kind}" style="${colour(kind)}"></span><span><span class="kind" style="${colour(kind)}">${escapeHtml(name)}</span>: ${escapeHtml(means)}</span></li>`,
    )
  }
  out.push(
    '</ul><p>Numbers give the reading order of the blocks in the tree (the order of the HTML, EPUB and PDF editions); tags beside them say the kind (H1–H6 headings, ¶ paragraph, • list item, fn note, toc, fig, pb page break). A dashed box goes on with the block of the same number. Hover a box for its text or message.</p></section>',
  )
  const general = diagnostics.filter((d) => d.place === undefined)
  if (general.length > 0) {
    out.push(
      '<section aria-labelledby="about"><h2 id="about">Messages about the whole document</h2><ul class="messages">',
    )
    for (const d of general) out.push(message(d))
    out.push('</ul></section>')
  }
  out.push('</header>', '<main>')

  for (const image of images) {
    const page = layout.pages.find((item) => item.number === image.page)
    const width = page?.width || image.width / image.scale
    const height = page?.height || image.height / image.scale
    const label = page?.label
    const id = `page-${image.page}`
    const here = model.boxes.filter((box) => box.page === image.page)
    const units = model.units.filter((unit) => unit.pages.includes(image.page))
    out.push(
      `<section class="page" id="${id}" aria-labelledby="${id}-title" data-page="${image.page}">`,
      `<h2 id="${id}-title">Page ${image.page}${label && label !== String(image.page) ? ` (printed “${escapeHtml(label)}”)` : ''} <small>· ${Math.round(width)} × ${Math.round(height)} pt · ${units.filter((u) => u.kind !== 'pageBreak').length} blocks · ${here.filter((b) => b.kind === 'artifact').length} artifacts</small></h2>`,
    )
    if (image.error) out.push(`<p class="none">${escapeHtml(image.error)}</p>`)
    else {
      out.push(
        `<div class="sheet" style="aspect-ratio:${image.width}/${image.height}">`,
        `<img src="data:image/png;base64,${Buffer.from(image.png).toString('base64')}" width="${image.width}" height="${image.height}" alt="Page ${image.page} of ${escapeHtml(file)} as printed">`,
      )
      // Containers and dropped lines first, so that blocks and their numbers lie on top.
      const layer = (box: InspectBox) =>
        box.kind === 'aside' || box.kind === 'quote' ? 0 : box.order === undefined ? 1 : 2
      for (const box of [...here].sort((a, b) => layer(a) - layer(b))) {
        const [x0, y0, x1, y1] = box.bbox
        const pad = box.kind === 'pageBreak' ? 0 : 1
        const style = [
          colour(box.kind),
          `left:${percent(x0 - pad, width)}`,
          `top:${percent(y0 - pad, height)}`,
          `width:${percent(x1 - x0 + 2 * pad, width)}`,
          box.kind === 'pageBreak' ? '' : `height:${percent(y1 - y0 + 2 * pad, height)}`,
        ]
          .filter(Boolean)
          .join(';')
        const order = box.order === undefined ? '' : ` data-order="${box.order}"`
        const tag = box.kind === 'heading' ? box.label : (TAGS[box.kind] ?? '')
        const badge =
          box.order === undefined ? '' : `<span class="n">${box.order}${tag ? ` ${escapeHtml(tag)}` : ''}</span>`
        out.push(
          `<div class="box k-${box.kind}${box.continued ? ' cont' : ''}" data-kind="${box.kind}"${order} style="${style}" title="${escapeHtml(box.title)}">${badge}</div>`,
        )
      }
      out.push('</div>')
    }
    out.push(`<details><summary>Reading order on page ${image.page} (${units.length})</summary>`)
    if (units.length === 0) out.push('<p class="none">No block of the tree starts or goes on here.</p>')
    else {
      out.push('<ol class="order">')
      for (const unit of units) {
        const name = `${KINDS[unit.kind].name}${unit.kind === 'heading' ? ` ${unit.label}` : ''}`
        const text = unit.kind === 'pageBreak' ? unit.label : excerpt(unit.text)
        out.push(
          `<li value="${unit.order}"><span class="kind" style="${colour(unit.kind)}">${escapeHtml(name)}</span> ${escapeHtml(text)}</li>`,
        )
      }
      out.push('</ol>')
    }
    out.push('</details>')
    const messages = diagnostics.filter((d) => d.place?.page === image.page)
    if (messages.length > 0) {
      out.push(`<details><summary>Messages on page ${image.page} (${messages.length})</summary><ul class="messages">`)
      for (const d of messages) out.push(message(d))
      out.push('</ul></details>')
    }
    out.push('</section>')
  }
  out.push('</main>', '</body>', '</html>', '')
  return out.join('\n')
}

function message(d: Diagnostic): string {
  return `<li><code>${escapeHtml(d.ruleId)}</code> ${escapeHtml(d.severity)}: ${escapeHtml(d.message)}</li>`
}

/** Pages from a list such as `1-3,7` (1-based, in order, without repeats). */
export function parsePages(value: string): number[] {
  const pages = new Set<number>()
  for (const part of value.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part)
    const first = Number(match?.[1])
    const last = match?.[2] === undefined ? first : Number(match[2])
    if (!match || first < 1 || last < first) {
      throw new UsageError(`Unexpected --pages \`${value}\`, expected page numbers and ranges such as 1-3,7`)
    }
    for (let page = first; page <= last; page++) pages.add(page)
  }
  return [...pages]
}

export interface InspectOptions {
  /** Directory for the page. */
  out: string
  password?: string
  /** Pixels per PDF point of the page images (default 1.5). */
  scale?: number
  /** 1-based pages to show (default: every page). */
  pages?: number[]
}

export interface InspectResult {
  /** Path of the page written. */
  path: string
  pages: number
  blocks: number
  diagnostics: Diagnostic[]
}

/**
 * Read a PDF as `folio convert` does and write `<name>.inspect.html` into `out`: every page
 * as an image with the blocks found outlined and numbered in reading order. The page is
 * written under a temporary name and renamed; on failure nothing is written.
 */
export async function inspectFile(input: string, options: InspectOptions): Promise<InspectResult> {
  const file = basename(input)
  const info = await stat(input).catch(() => undefined)
  if (!info) throw new UsageError(`Unexpected input \`${input}\`: no such file`)
  if (!info.isFile()) throw new UsageError(`Unexpected input \`${input}\`, expected a PDF file`)
  const data = new Uint8Array(await readFile(input))
  const secret = options.password === undefined ? {} : {password: options.password}
  const layout = await extract(data, {file, ...secret})
  if (options.pages) {
    const missing = options.pages.find((page) => page > layout.pageCount)
    if (missing !== undefined) {
      throw new UsageError(`Unexpected --pages ${missing}, expected pages from 1 to ${layout.pageCount} of \`${file}\``)
    }
  }
  const {tree, diagnostics: found} = normalize(layout)
  const diagnostics = [...layout.diagnostics, ...found]
  const images: RenderedPage[] = []
  for await (const image of renderPages(data, {
    file,
    ...secret,
    ...(options.scale === undefined ? {} : {scale: options.scale}),
    ...(options.pages === undefined ? {} : {pages: options.pages}),
  })) {
    images.push(image)
  }
  const html = inspectPage({file, layout, tree, diagnostics, images})
  const stem = extname(file).toLowerCase() === '.pdf' ? file.slice(0, -4) : file
  const path = join(resolve(options.out), `${stem}.inspect.html`)
  await mkdir(resolve(options.out), {recursive: true})
  await writeAtomic(path, html)
  const blocks = collectUnits(tree).units.filter((unit) => unit.kind !== 'pageBreak').length
  return {path, pages: images.length, blocks, diagnostics}
}
