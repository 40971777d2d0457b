import type {
  Aside,
  Blockquote,
  Depth,
  Diagnostic,
  Figure,
  FlowContent,
  FootnoteDefinition,
  Heading,
  List,
  ListItem,
  Meta,
  PageBreak,
  Paragraph,
  PhrasingContent,
  Root,
  Section,
  SourceFacts,
  Table,
  TableCell,
  Toc,
  TocEntry,
} from '@folio/ast'
import {AST_VERSION, plainText} from '@folio/ast'
import type {BBox, Layout, LayoutPage, Line, OutlineItem} from '@folio/extract'
import {franc} from 'franc-min'
import {detectArtifacts, markedArtifactLines} from './artifacts.js'
import {placeItems, setApart} from './asides.js'
import {type Block, buildBlocks, type HeadingBlock, headingKey, type ItemBlock} from './blocks.js'
import {findEndBlock, hasContact} from './colophon.js'
import {captionEntry, findContents} from './contents.js'
import {infoAuthors, infoTitle, looksLikeCover, readByline, readCover} from './cover.js'
import {
  figureRegions,
  isFigureLabel,
  type PictureGrid,
  pictureGrids,
  regionOfCaption,
  textRuns,
  wordKey,
} from './figures.js'
import {type FootnoteReading, findFootnotes, type Note} from './footnotes.js'
import {collectVocabulary, HyphenationJudge} from './hyphenation.js'
import {buildInline, dropSameScriptSpans} from './inline.js'
import {type BodyLine, type BodyMetrics, type Context, info, measureBody, source, toBodyLine, warn} from './model.js'
import {orderLines} from './reading-order.js'
import {applyFigureAlt, readStructure} from './tagged.js'
import {isContactLine, isoDatePart, parseDateLine, toBcp47, unfoldLigatures} from './text.js'

export interface NormalizeOptions {
  /** BCP 47 language of the document; overrides the metadata and detection. */
  lang?: string
  /** Whether a tagged PDF's structure tree may be read (when it is sane); `false` reads the layout only. Default `true`. */
  structure?: boolean
}

export interface NormalizeResult {
  tree: Root
  diagnostics: Diagnostic[]
}

function assertLayout(layout: unknown): asserts layout is Layout {
  const candidate = layout as Partial<Layout> | null
  if (!candidate || typeof candidate !== 'object' || !Array.isArray(candidate.pages)) {
    throw new TypeError('Unexpected value for `layout`, expected a Layout from @folio/extract (with `pages`)')
  }
  for (const page of candidate.pages) {
    if (!page || typeof page.number !== 'number' || !Array.isArray(page.lines)) {
      throw new TypeError('Unexpected page in `layout.pages`, expected `number` and `lines`')
    }
  }
}

/** Turns the Layout of a PDF into a Folio tree that reads as the author wrote it. */
export function normalize(layout: Layout, options: NormalizeOptions = {}): NormalizeResult {
  assertLayout(layout)
  if (options.lang !== undefined && (typeof options.lang !== 'string' || options.lang.trim() === '')) {
    throw new TypeError('Unexpected `lang` option, expected a BCP 47 tag such as `en`')
  }
  const rawPages = [...layout.pages].sort((a, b) => a.number - b.number)
  const context: Context = {diagnostics: [], lang: 'en', labels: new Map()}

  const textPages = rawPages.filter((page) => page.lines.some((line) => line.text.trim() !== ''))
  if (textPages.length === 0) return imageOnly(layout, rawPages, context, options)

  // Page artifacts: tagged /Artifact content and lines that recur at the page edges.
  const rawByNumber = new Map(rawPages.map((page) => [page.number, page]))
  const report = detectArtifacts(rawPages, {tagged: layout.tagged})
  const dropped = new Set<string>()
  for (const artifact of report.artifacts) {
    dropped.add(`${artifact.page}:${artifact.line}`)
    const page = rawByNumber.get(artifact.page)
    const line = page?.lines[artifact.line]
    info(
      context,
      'artifact-dropped',
      `Unexpected ${artifact.kind.replace('-', ' ')} “${artifact.text.trim()}” in the body, expected it out of the text: dropped`,
      source(artifact.page, line ? [line.bbox] : []),
    )
  }
  for (const page of rawPages) {
    // /Artifact marks are trusted in a tagged file, and only when the page has real content besides.
    const marked = markedArtifactLines(page, layout.tagged)
    page.lines.forEach((line, index) => {
      const key = `${page.number}:${index}`
      if (dropped.has(key)) return
      if (marked.has(index)) {
        dropped.add(key)
        info(
          context,
          'artifact-dropped',
          `Unexpected tagged artifact “${line.text.trim()}” in the body, expected it out of the text: dropped`,
          source(page.number, [line.bbox]),
        )
      }
    })
    context.labels.set(page.number, page.label ?? report.printedLabels.get(page.number) ?? String(page.number))
  }

  // Reading order once the furniture is out, so that rows merge without it.
  const pages = rawPages.map((page) => ({
    ...page,
    lines: orderLines(
      page.lines.filter((line, index) => !dropped.has(`${page.number}:${index}`) && line.text.trim() !== ''),
    ),
  }))
  const linesByPage = new Map<number, BodyLine[]>()
  for (const page of pages) {
    const kept: BodyLine[] = page.lines.map((line, index) => toBodyLine(page, index, line))
    linesByPage.set(page.number, kept)
    const raw = rawByNumber.get(page.number)
    if (kept.length === 0 && raw?.lines.length === 0 && page.images.length > 0) {
      warn(
        context,
        'image-only-page',
        `Unexpected page ${page.number} without text (an image only), expected a text layer: its content is missing from the edition`,
        {page: page.number},
      )
    }
  }
  const allLines = [...linesByPage.values()].flat()
  const metrics = measureBody(allLines)
  const lang = options.lang ?? layout.info.lang ?? detectLanguage(allLines) ?? 'en'
  context.lang = lang

  // Cover → meta.
  const meta: Meta = {authors: [], lang}
  const firstPage = pages[0]
  const removed = new Set<BodyLine>()
  const firstLines = firstPage ? (linesByPage.get(firstPage.number) ?? []) : []
  // A first page that is the contents page is no cover.
  const firstIsContents =
    firstPage !== undefined &&
    findContents([{page: firstPage.number, lines: firstLines}]).some((item) => item.page === firstPage.number)
  const isCover = firstPage !== undefined && !firstIsContents && looksLikeCover(firstLines, metrics.size, pages.length)
  const block = firstPage && !isCover ? titleBlock(firstLines, metrics, allLines) : []
  if (firstPage && (isCover || block.length > 0)) {
    const coverLines = isCover ? firstLines : block
    const running = report.artifacts.filter(
      (artifact) => artifact.kind === 'running-header' || artifact.kind === 'running-footer',
    )
    const furniture = running.map((artifact) => artifact.text)
    // The cover's own copy of a running line (the publisher set large at its top) is read, not lost.
    const rawFirst = rawPages[0]!
    const coverFurniture = running
      .filter((artifact) => artifact.page === firstPage.number)
      .map((artifact) => toBodyLine(firstPage, -1 - artifact.line, rawFirst.lines[artifact.line]!))
    const cover = readCover([...coverLines, ...coverFurniture], lang, furniture)
    Object.assign(meta, cover.meta)
    for (const line of coverLines) {
      removed.add(line)
      if (!cover.used.has(line)) {
        info(
          context,
          'cover-line-dropped',
          `Unexpected cover line “${line.text.trim()}” without a meta field, expected title, subtitle, date, authors or publisher: dropped`,
          source(firstPage.number, [line.line.bbox]),
        )
      }
    }
  }
  if (!meta.title) {
    const title = infoTitle(layout.info)
    if (title) meta.title = title
  }
  if (meta.authors.length === 0) meta.authors = infoAuthors(layout.info)
  const created = isoDatePart(layout.info.created)
  if (!meta.date && created) meta.date = created
  // The cover's month, made precise by a creation date in that month.
  else if (meta.date && created && created.length > meta.date.length && created.startsWith(meta.date)) {
    meta.date = created
  }
  if (!meta.title) delete meta.title
  const subject = layout.info.subject?.trim()
  if (subject && subject !== meta.subtitle && subject !== meta.title) meta.description = subject
  meta.source = sourceFacts(layout)

  // Contents page → toc.
  const contents = findContents(
    pages
      .filter((page) => page !== firstPage || !isCover)
      .map((page) => ({page: page.number, lines: (linesByPage.get(page.number) ?? []).filter((l) => !removed.has(l))})),
  )
  let toc: Toc | null = null
  const knownHeadings = new Map<string, number>()
  if (contents.length > 0) {
    const entries: TocEntry[] = contents.flatMap((item) => item.entries)
    toc = {type: 'toc', children: entries}
    for (const item of contents) {
      for (const line of item.lines) removed.add(line)
      info(
        context,
        'contents-to-toc',
        `Unexpected contents page in the body, expected it as toc data: ${item.entries.length} entries kept as \`toc\``,
        {page: item.page},
      )
    }
    for (const item of contents) {
      item.entries.forEach((entry, index) => {
        const printed = item.printed[index] ?? entry.title
        if (!captionEntry.test(printed)) knownHeadings.set(headingKey(printed), entry.depth)
      })
    }
  }
  for (const [key, depth] of flattenOutline(layout.outline)) {
    if (!knownHeadings.has(key) || contents.length === 0) knownHeadings.set(key, depth)
  }
  // The cover title is no heading of the body.
  if (meta.title) knownHeadings.delete(headingKey(meta.title))

  // Back cover with contact lines → colophon.
  let colophon: Aside | null = null
  const lastPage = pages[pages.length - 1]
  const vocabulary = collectVocabulary(allLines.map((line) => unfoldLigatures(line.text)))
  const judge = new HyphenationJudge({lang, vocabulary})
  if (lastPage && pages.length >= 3) {
    const lastLines = (linesByPage.get(lastPage.number) ?? []).filter((line) => !removed.has(line))
    if (looksLikeColophon(lastLines)) {
      const paragraphs: FlowContent[] = lastLines.map((line) => ({
        type: 'paragraph',
        children: dropSameScriptSpans(buildInline([line], {context, metrics, judge}), lang),
        data: {source: source(lastPage.number, [line.line.bbox])},
      }))
      colophon = {type: 'aside', kind: 'colophon', children: paragraphs, data: {source: {page: lastPage.number}}}
      for (const line of lastLines) removed.add(line)
    }
  }
  // An end block under a rule at the foot of the last pages (authors, contacts) → colophon.
  const endBlock = colophon
    ? null
    : findEndBlock(
        pages.map((page) => ({page, lines: (linesByPage.get(page.number) ?? []).filter((line) => !removed.has(line))})),
        metrics,
      )
  if (endBlock) for (const line of endBlock.lines) removed.add(line)

  // The title block is meta: the rest of its page is read again without it, so that a box set
  // beside the title (a summary) comes before the columns under it, not after the column it stands over.
  if (firstPage && !isCover && block.length > 0) {
    const rest = firstLines.filter((line) => !removed.has(line))
    const byLine = new Map(rest.map((line) => [line.line, line]))
    const reordered = orderLines(rest.map((line) => line.line)).map(
      (line) => byLine.get(line) ?? toBodyLine(firstPage, -1, line),
    )
    linesByPage.set(firstPage.number, [...firstLines.filter((line) => removed.has(line)), ...reordered])
  }
  const remaining = [...linesByPage.values()].flat().filter((line) => !removed.has(line))
  const notePages = pages.map((page) => ({
    page: page.number,
    lines: (linesByPage.get(page.number) ?? []).filter((line) => !removed.has(line)),
  }))
  let footnotes = findFootnotes(notePages, metrics)
  const notesByPage = new Map<number, Note[]>()
  const fileNotes = (reading: FootnoteReading) => {
    notesByPage.clear()
    for (const note of reading.notes) {
      const list = notesByPage.get(note.page) ?? []
      list.push(note)
      notesByPage.set(note.page, list)
    }
  }
  fileNotes(footnotes)
  // Callout labels inside a drawing belong to the drawing.
  const regions = new Map(pages.map((page) => [page.number, figureRegions(page)]))
  const runs = textRuns(remaining)
  // Pictograms in rows with their labels are a table drawn as pictures: the labels leave the running text.
  // Only a grid that a caption beside it claims: without one, its labels are left as they are.
  const captioned = (grid: PictureGrid) =>
    remaining.some((line) => {
      if (line.page.number !== grid.page || !captionEntry.test(line.text.trim())) return false
      const region = regionOfCaption([line], regions.get(grid.page) ?? [])
      return region !== null && overlaps(region, grid.region)
    })
  const grids = new Map(rawPages.map((page) => [page.number, pictureGrids(page, metrics.size).filter(captioned)]))
  const gridWords = new Set(
    [...grids.values()]
      .flat()
      .flatMap((grid) =>
        grid.cells.flatMap((cell) => cell.lines.flatMap((line) => line.words.map((word) => wordKey(grid.page, word)))),
      ),
  )
  const labels = new Map<BodyLine, boolean>()
  const isLabel = (line: BodyLine): boolean => {
    const known = labels.get(line)
    if (known !== undefined) return known
    const label = labelOfFigure(line)
    labels.set(line, label)
    return label
  }
  const labelOfFigure = (line: BodyLine): boolean => {
    if (gridWords.size > 0 && line.words.every((word) => gridWords.has(wordKey(line.page.number, word)))) {
      info(
        context,
        'figure-label-dropped',
        `Unexpected text “${line.text.trim()}” inside a figure, expected running text: read as a label of its pictogram`,
        source(line.page.number, [line.line.bbox]),
      )
      return true
    }
    if (!isFigureLabel(line, regions.get(line.page.number) ?? [], metrics.size, runs)) return false
    info(
      context,
      'figure-label-dropped',
      `Unexpected text “${line.text.trim()}” inside a figure, expected running text: left to the figure`,
      source(line.page.number, [line.line.bbox]),
    )
    return true
  }
  const bodyLines = remaining.filter((line) => !footnotes.lines.has(line) && !isLabel(line))
  const blockOptions = {metrics, knownHeadings, pages: pages.map((page) => page.number), notes: notesByPage, lang}
  const builders = {
    inline: (lines: BodyLine[]) =>
      dropSameScriptSpans(buildInline(lines, {context, metrics, judge, pageBreaks: false}), lang),
    flow: (lines: BodyLine[]) =>
      assemble(
        buildBlocks(lines, {
          ...blockOptions,
          knownHeadings: new Map(),
          notes: new Map(),
          pages: [lines[0]!.page.number],
        }),
        {context, metrics, judge, lang, resolveNote: (page, label) => footnotes.resolve(page, label), regions},
      ),
  }
  if (endBlock) {
    colophon = {
      type: 'aside',
      kind: 'colophon',
      // Each author line opens a paragraph of its own (the role may run on to the next line).
      children: endBlock.groups.flatMap((lines) => colophonContent(builders.flow(lines))),
      data: {
        source: source(
          endBlock.page,
          endBlock.lines.map((line) => line.line.bbox),
        ),
      },
    }
    info(
      context,
      'colophon-set-apart',
      `Unexpected end block “${endBlock.lines[0]!.text.trim()}” under a rule in the running text, expected it apart: kept as a colophon`,
      source(
        endBlock.page,
        endBlock.lines.map((line) => line.line.bbox),
      ),
    )
  }
  // A tagged PDF is read from its structure tree when the tree is sane, else from its layout.
  const tagged =
    layout.tagged && options.structure !== false
      ? readStructure(bodyLines, {...blockOptions, context, footnotes, builders})
      : null
  // Ruled tables and boxed asides leave the running text and come back where they stand (layout path).
  // They are looked for before the notes are settled: a table set small at the foot of a page is no
  // note. The notes found so far (bar lines carried over from the page before) stay out of them.
  const firmNotes = new Set([...footnotes.lines].filter((line) => !footnotes.carried.has(line)))
  const apart = tagged?.blocks
    ? null
    : setApart(
        pages,
        remaining.filter((line) => firmNotes.has(line) || !isLabel(line)),
        {
          ...builders,
          // A box's paragraphs are parted by its own type: its size, edges and line pitch.
          flow: (lines: BodyLine[]) =>
            assemble(
              buildBlocks(lines, {
                ...blockOptions,
                metrics: measureBody(lines),
                knownHeadings: new Map(),
                notes: new Map(),
                // (A box carried on over a page break holds lines of both pages.)
                pages: [...new Set(lines.map((line) => line.page.number))],
              }),
              {context, metrics, judge, lang, resolveNote: footnotes.resolve, regions},
            ),
        },
        firmNotes,
      )
  let layoutLines = bodyLines
  if (apart) {
    // The notes again, under the tables and boxes and never in them.
    if (apart.claimed.size > 0) {
      footnotes = findFootnotes(notePages, metrics, apart.claimed)
      fileNotes(footnotes)
    }
    layoutLines = apart.lines.filter((line) => !footnotes.lines.has(line) && !(firmNotes.has(line) && isLabel(line)))
  }
  const blocks = tagged?.blocks ?? buildBlocks(layoutLines, blockOptions)
  resolveHeadingDepths(blocks, metrics)

  const flow = assemble(blocks, {
    context,
    metrics,
    judge,
    lang,
    resolveNote: tagged?.resolveNote ?? footnotes.resolve,
    regions,
    grids,
    ...(apart ? {inserts: placeItems(apart.items, blocks, apart.lines)} : {}),
    ...(tagged?.inserts ? {inserts: tagged.inserts} : {}),
  })
  // The /Alt of tagged figures goes to their images.
  if (layout.tagged && options.structure !== false) applyFigureAlt(flow, rawPages)
  const children: Root['children'] = []
  if (toc) children.push(toc)
  children.push(...flow)
  // An end block stands where it is printed: before the break of the page after it, or at the end.
  if (colophon && !(endBlock && placeBefore(children, endBlock.page + 1, colophon))) children.push(colophon)
  if (!meta.title) {
    const firstHeading = findFirstHeading(flow)
    if (firstHeading) meta.title = firstHeading
  }
  const tree: Root = {type: 'root', version: AST_VERSION, meta: orderMeta(meta), children}
  return {tree, diagnostics: context.diagnostics}
}

/** The type style of a line: font, size and colour of its first word. */
function typeStyle(line: BodyLine): string {
  const word = line.words[0]
  return `${word?.font.name ?? ''}|${Math.round(line.size * 2) / 2}|${word?.color ?? ''}`
}

/**
 * The title block at the top of a first page that is no cover: the largest
 * type near the top with what stands around it (publisher line, series and
 * date, subtitle, byline), down to the first running text. A line after the
 * title set in a style the document uses again further on (away from the
 * line and its own second line) is the first heading of the body, no subtitle.
 */
function titleBlock(lines: BodyLine[], metrics: BodyMetrics, all: BodyLine[] = lines): BodyLine[] {
  if (lines.length === 0) return []
  const height = lines[0]!.page.height || 792
  const largest = lines.reduce((best, line) => (line.size > best.size ? line : best), lines[0]!)
  if (largest.size < metrics.size * 1.6 || largest.top > height * 0.4) return []
  const out: BodyLine[] = []
  let seenTitle = false
  let seenByline = false
  for (const line of lines) {
    const dateOrByline = parseDateLine(line.text) !== null || readByline(line.text) !== null
    if (line === largest || (seenTitle && Math.abs(line.size - largest.size) < 0.6)) {
      seenTitle = true
      out.push(line)
      continue
    }
    if (!seenTitle) {
      out.push(line)
      continue
    }
    if (dateOrByline) {
      seenByline = true
      out.push(line)
      continue
    }
    if (seenByline || Math.abs(line.size - metrics.size) < 0.6 || line.size >= largest.size) break
    const style = typeStyle(line)
    const recurs = all.some(
      (other) =>
        typeStyle(other) === style &&
        (other.page !== line.page || Math.abs(other.top - line.top) > line.size * 3) &&
        !out.includes(other),
    )
    if (recurs) break
    out.push(line)
  }
  return out
}

function orderMeta(meta: Meta): Meta {
  const ordered: Meta = {authors: meta.authors, lang: meta.lang}
  if (meta.title) ordered.title = meta.title
  if (meta.subtitle) ordered.subtitle = meta.subtitle
  if (meta.publisher) ordered.publisher = meta.publisher
  if (meta.date) ordered.date = meta.date
  if (meta.dir) ordered.dir = meta.dir
  if (meta.description) ordered.description = meta.description
  if (meta.translations) ordered.translations = meta.translations
  if (meta.source) ordered.source = meta.source
  return ordered
}

function sourceFacts(layout: Layout): SourceFacts {
  const facts: SourceFacts = {pages: layout.pageCount, tagged: layout.tagged, encrypted: layout.encrypted}
  if (layout.file) facts.file = layout.file
  if (layout.info.producer) facts.producer = layout.info.producer
  if (layout.info.creator) facts.creator = layout.info.creator
  if (layout.info.created) facts.created = layout.info.created
  if (layout.info.modified) facts.modified = layout.info.modified
  return facts
}

function detectLanguage(lines: BodyLine[]): string | null {
  let sample = ''
  for (const line of lines) {
    if (sample.length > 6000) break
    sample += `${line.text} `
  }
  if (sample.trim().length < 40) return null
  return toBcp47(franc(sample))
}

function flattenOutline(items: OutlineItem[], depth = 1, out = new Map<string, number>()): Map<string, number> {
  for (const item of items) {
    const key = headingKey(item.title)
    if (key && !out.has(key)) out.set(key, Math.min(depth, 6))
    flattenOutline(item.children, depth + 1, out)
  }
  return out
}

/** Puts a node before the break of a page, wherever that break stands in the tree; false when there is none. */
function placeBefore(nodes: Array<FlowContent | Section | Heading | Toc>, page: number, node: Aside): boolean {
  for (let index = 0; index < nodes.length; index++) {
    const current = nodes[index]!
    if (current.type === 'pageBreak' && current.page === page) {
      nodes.splice(index, 0, node)
      return true
    }
    if (current.type === 'section' && placeBefore(current.children, page, node)) return true
  }
  return false
}

/** An end block's content as flow: a heading read in it is a paragraph set in bold, sections are opened up. */
function colophonContent(nodes: Array<FlowContent | Section | Heading>): FlowContent[] {
  return nodes.flatMap((node): FlowContent[] => {
    if (node.type === 'section') return colophonContent(node.children)
    if (node.type === 'heading') return [{type: 'paragraph', children: [{type: 'strong', children: node.children}]}]
    if (node.type === 'pageBreak') return []
    return [node]
  })
}

/**
 * A back cover: short lines, a third of them contact lines (web and mail
 * addresses, telephone numbers); past 15 lines, only on a sparse page (a
 * directory of offices, a quarter of its lines with an address), never on a
 * page filled with text (a list of references).
 */
function looksLikeColophon(lines: BodyLine[]): boolean {
  if (lines.length === 0 || lines.length > 40) return false
  if (lines.some((line) => line.text.length > 110)) return false
  if (lines.length > 15) {
    const page = lines[0]!.page
    const inked = lines.reduce((sum, line) => sum + (line.x1 - line.x0) * (line.bottom - line.top), 0)
    if (inked > page.width * page.height * 0.15) return false
    // A directory pairs each address with a name: a quarter of the lines carry one.
    return lines.filter((line) => hasContact(line.text)).length >= lines.length * 0.25
  }
  const contacts = lines.filter((line) => isContactLine(line.text)).length
  return contacts >= 1 && contacts >= lines.length * 0.3
}

function headingStyle(block: HeadingBlock): string {
  const line = block.lines[0]!
  const text = block.lines.map((item) => item.text).join(' ')
  const caps = text === text.toUpperCase() && /\p{Lu}/u.test(text)
  return `${Math.round(line.size * 2) / 2}|${line.bold ? 1 : 0}|${caps ? 1 : 0}`
}

const numberingPattern = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S/

/** Gives every heading a depth: from the contents and outline, numbering, then type style; no skipped levels. */
function resolveHeadingDepths(blocks: Block[], metrics: BodyMetrics): void {
  const headings = blocks.filter((block): block is HeadingBlock => block.kind === 'heading')
  if (headings.length === 0) return
  const styles = new Map<string, {size: number; bold: boolean; caps: boolean; known: number[]}>()
  for (const heading of headings) {
    const key = headingStyle(heading)
    const [size, bold, caps] = key.split('|')
    const entry = styles.get(key) ?? {size: Number(size), bold: bold === '1', caps: caps === '1', known: []}
    if (heading.depth !== undefined) entry.known.push(heading.depth)
    styles.set(key, entry)
  }
  const ranked = [...styles.entries()].sort(
    ([, a], [, b]) => b.size - a.size || Number(b.bold) - Number(a.bold) || Number(b.caps) - Number(a.caps),
  )
  const styleDepth = new Map<string, number>()
  let above = 0
  for (const [key, entry] of ranked) {
    let depth: number
    if (entry.known.length > 0) {
      const counts = new Map<number, number>()
      for (const value of entry.known) counts.set(value, (counts.get(value) ?? 0) + 1)
      depth = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]
    } else depth = above + 1
    styleDepth.set(key, depth)
    above = Math.max(above, depth)
  }
  for (const heading of headings) {
    if (heading.depth !== undefined) continue
    const text = heading.lines.map((line) => line.text).join(' ')
    const numbered = numberingPattern.exec(text)
    if (numbered && (numbered[1] ?? '').includes('.')) heading.depth = (numbered[1] ?? '').split('.').length
    else heading.depth = styleDepth.get(headingStyle(heading)) ?? 1
  }
  // Close the gaps: depths used become 1…n.
  const used = [...new Set(headings.map((heading) => heading.depth ?? 1))].sort((a, b) => a - b)
  for (const heading of headings) heading.depth = Math.min(6, used.indexOf(heading.depth ?? 1) + 1)
  void metrics
}

interface AssembleOptions {
  context: Context
  metrics: BodyMetrics
  judge: HyphenationJudge
  lang: string
  resolveNote: (page: number, label: string) => string | null
  /** Drawings on each page, to pair captions with. */
  regions: Map<number, BBox[]>
  /** Pictograms in rows with their labels, on each page: a caption beside them makes a figure of a table. */
  grids?: Map<number, PictureGrid[]>
  /** Nodes set apart from the running text (tables, asides), by the index of the block they go before. */
  inserts?: Map<number, FlowContent[]>
}

function noteNode(note: Note, options: AssembleOptions): FootnoteDefinition {
  return {
    type: 'footnoteDefinition',
    identifier: note.identifier,
    label: note.label,
    children: [
      {
        type: 'paragraph',
        children: dropSameScriptSpans(
          buildInline(note.lines, {...options, skipWords: note.labelWords, pageBreaks: false}),
          options.lang,
        ),
      },
    ],
    data: {
      source: source(
        note.page,
        note.lines.map((line) => line.line.bbox),
      ),
    },
  }
}

function breakNode(page: number, context: Context): PageBreak {
  return {type: 'pageBreak', page, label: context.labels.get(page) ?? String(page)}
}

function headingNode(block: HeadingBlock, options: AssembleOptions): Heading {
  const text = block.lines.map((line) => line.text).join(' ')
  const numbered = numberingPattern.exec(text)
  let skipWords = 0
  let numbering: string | undefined
  const firstWord = block.lines[0]?.words[0]?.text ?? ''
  if (numbered && firstWord.replace(/\.$/, '') === numbered[1]) {
    numbering = numbered[1]
    skipWords = 1
  }
  const children = dropSameScriptSpans(buildInline(block.lines, {...options, skipWords}), options.lang)
  const heading: Heading = {
    type: 'heading',
    depth: (block.depth ?? 1) as Depth,
    children: unwrapStrong(children),
    data: {
      source: source(
        block.lines[0]!.page.number,
        block.lines.map((line) => line.line.bbox),
      ),
    },
  }
  if (numbering) heading.numbering = numbering
  return heading
}

/** A heading set wholly in bold carries no strong: the weight is the heading's own. */
function unwrapStrong(children: PhrasingContent[]): PhrasingContent[] {
  if (children.length === 1 && children[0]?.type === 'strong') return children[0].children
  return children
}

function itemNode(block: ItemBlock, options: AssembleOptions): ListItem {
  const children: FlowContent[] = block.paragraphs.map((lines, index) => ({
    type: 'paragraph',
    children: dropSameScriptSpans(
      buildInline(lines, {...options, skipWords: index === 0 ? block.markerWords : 0}),
      options.lang,
    ),
    data: {
      source: source(
        lines[0]!.page.number,
        lines.map((line) => line.line.bbox),
      ),
    },
  }))
  return {type: 'listItem', children}
}

interface OpenList {
  node: List
  markerX: number
  pattern: string
  /** Levels of its numbers (`1.3:` is 2), 1 for other markers. */
  level: number
}

type BuiltNode = Heading | ListItem | Blockquote | Paragraph | Figure | FootnoteDefinition[] | null

function buildNode(block: Block, options: AssembleOptions): BuiltNode {
  switch (block.kind) {
    case 'break':
      return null
    case 'notes':
      return block.notes.map((note) => noteNode(note, options))
    case 'item':
      return itemNode(block, options)
    case 'heading':
      return headingNode(block, options)
    case 'quote':
      return {
        type: 'blockquote',
        children: block.paragraphs.map((lines) => ({
          type: 'paragraph',
          children: dropSameScriptSpans(buildInline(lines, options), options.lang),
          data: {
            source: source(
              lines[0]!.page.number,
              lines.map((line) => line.line.bbox),
            ),
          },
        })),
      }
    case 'paragraph': {
      const children = dropSameScriptSpans(buildInline(block.lines, options), options.lang)
      if (children.length === 0) return null
      const page = block.lines[0]!.page.number
      const text = block.lines.map((line) => line.text).join(' ')
      const region = captionEntry.test(text.trim())
        ? regionOfCaption(block.lines, options.regions.get(page) ?? [])
        : null
      const grid = region ? options.grids?.get(page)?.find((entry) => overlaps(entry.region, region)) : undefined
      if (region && grid) {
        // A caption beside pictograms with labels: a figure of a table, a row per pictogram.
        return {
          type: 'figure',
          children: [gridTable(grid, block.lines[0]!.page, options), {type: 'caption', children}],
          data: {source: source(page, [grid.region, ...block.lines.map((line) => line.line.bbox)])},
        }
      }
      if (region) {
        // A caption beside a drawing: the two make a figure.
        return {
          type: 'figure',
          children: [
            {type: 'image', data: {source: source(page, [region])}},
            {type: 'caption', children},
          ],
          data: {source: source(page, [region, ...block.lines.map((line) => line.line.bbox)])},
        }
      }
      return {
        type: 'paragraph',
        children,
        data: {
          source: source(
            block.lines[0]!.page.number,
            block.lines.map((line) => line.line.bbox),
          ),
        },
      }
    }
  }
}

function overlaps(a: BBox, b: BBox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/** A row per pictogram: its name (the lines set in bold) first, then its other labels. */
function gridTable(grid: PictureGrid, page: LayoutPage, options: AssembleOptions): Table {
  const cell = (lines: Line[]): TableCell => ({
    type: 'tableCell',
    children: dropSameScriptSpans(
      buildInline(
        lines.map((line) => toBodyLine(page, -1, line)),
        {...options, pageBreaks: false},
      ),
      options.lang,
    ),
  })
  const bold = (line: Line) => line.words.every((word) => word.font.bold || !/[\p{L}\p{N}]/u.test(word.text))
  return {
    type: 'table',
    children: grid.cells.map((entry) => {
      const name = entry.lines.filter(bold)
      const rest = entry.lines.filter((line) => !bold(line))
      const parts = name.length > 0 && rest.length > 0 ? [name, rest] : [entry.lines]
      return {type: 'tableRow', children: parts.map(cell), data: {source: source(grid.page, [entry.box])}}
    }),
    data: {source: source(grid.page, [grid.region])},
  }
}

function referencesIn(node: Heading | ListItem | Blockquote | Paragraph | Figure, out: string[] = []): string[] {
  for (const child of node.children as Array<{type: string; identifier?: string; children?: unknown[]}>) {
    if (child.type === 'footnoteReference' && child.identifier) out.push(child.identifier)
    else if (Array.isArray(child.children)) referencesIn(child as unknown as Paragraph, out)
  }
  return out
}

function blockPages(block: Block): Set<number> {
  const lines =
    block.kind === 'paragraph' || block.kind === 'heading'
      ? block.lines
      : block.kind === 'item' || block.kind === 'quote'
        ? block.paragraphs.flat()
        : []
  return new Set(lines.map((line) => line.page.number))
}

function assemble(blocks: Block[], options: AssembleOptions): Array<FlowContent | Section> {
  const built = blocks.map((block) => buildNode(block, options))
  // A note follows the block that first refers to it; a note nobody refers to stays where it was printed.
  const definitions = new Map<string, FootnoteDefinition>()
  for (const node of built) if (Array.isArray(node)) for (const note of node) definitions.set(note.identifier, note)
  const placed = new Set<string>()
  const referenced = new Set<string>()
  built.forEach((node, index) => {
    if (!node || Array.isArray(node)) return
    const pages = blockPages(blocks[index]!)
    for (const id of referencesIn(node)) {
      if (pages.has(definitions.get(id)?.data?.source?.page ?? 0)) referenced.add(id)
    }
  })

  const root: Array<FlowContent | Section> = []
  const sections: Section[] = []
  let lists: OpenList[] = []
  let pendingBreaks: PageBreak[] = []
  let pendingNotes: FootnoteDefinition[] = []

  const container = (): Array<Heading | FlowContent | Section> => {
    const section = sections[sections.length - 1]
    return section ? section.children : (root as Array<Heading | FlowContent | Section>)
  }
  const flushBreaks = () => {
    for (const node of pendingNotes) container().push(node)
    for (const node of pendingBreaks) container().push(node)
    pendingBreaks = []
    pendingNotes = []
  }
  const notesFor = (node: Heading | ListItem | Blockquote | Paragraph | Figure, block: Block): FootnoteDefinition[] => {
    const out: FootnoteDefinition[] = []
    const pages = blockPages(block)
    for (const id of referencesIn(node)) {
      const definition = definitions.get(id)
      // Only a footnote of the same page moves; endnotes stay where they are printed.
      if (!definition || placed.has(id) || !pages.has(definition.data?.source?.page ?? 0)) continue
      placed.add(id)
      out.push(definition)
    }
    return out
  }

  const insertBefore = (index: number) => {
    for (const node of options.inserts?.get(index) ?? []) {
      lists = []
      flushBreaks()
      container().push(node)
    }
  }
  blocks.forEach((block, index) => {
    insertBefore(index)
    const node = built[index]
    if (block.kind === 'break') {
      if (lists.length > 0) pendingBreaks.push(breakNode(block.page, options.context))
      else container().push(breakNode(block.page, options.context))
      return
    }
    if (Array.isArray(node)) {
      const loose = node.filter((note) => !referenced.has(note.identifier) && !placed.has(note.identifier))
      for (const note of loose) placed.add(note.identifier)
      // Notes of a page a list runs over wait for the list to end.
      if (lists.length > 0) pendingNotes.push(...loose)
      else container().push(...loose)
      return
    }
    if (!node) return
    if (block.kind === 'item' && node.type === 'listItem') {
      const item = node
      // Breaks between items open the next item, where the page began.
      if (pendingBreaks.length > 0) {
        item.children.unshift(...pendingBreaks)
        pendingBreaks = []
        // On the new page the list may stand at another left edge: the same marker goes on with it.
        const same = [...lists].reverse().find((open) => open.pattern === block.marker.pattern)
        if (same) {
          const shift = block.markerX - same.markerX
          for (const open of lists) open.markerX += shift
        }
      }
      pendingNotes.push(...notesFor(item, block))
      // Numbers of several levels nest by their levels (`1.3:` under `1`), whatever their indent.
      const level = block.marker.level ?? 1
      while (
        lists.length > 0 &&
        (block.markerX < lists[lists.length - 1]!.markerX - 3 || level < lists[lists.length - 1]!.level)
      ) {
        lists.pop()
      }
      const current = lists[lists.length - 1]
      if (current && Math.abs(block.markerX - current.markerX) <= 3 && current.pattern === block.marker.pattern) {
        current.node.children.push(item)
        return
      }
      const list: List = {type: 'list', ordered: block.marker.ordered, children: [item]}
      if (block.marker.ordered) {
        list.start = block.marker.value ?? 1
        list.marker = block.marker.pattern
      } else list.marker = block.marker.marker
      list.data = {source: {page: block.paragraphs[0]![0]!.page.number}}
      if (current && (block.markerX > current.markerX + 3 || level > current.level)) {
        const parentItem = current.node.children[current.node.children.length - 1]!
        parentItem.children.push(list)
      } else {
        if (current) lists = lists.slice(0, -1)
        if (lists.length === 0) container().push(list)
        else {
          const parent = lists[lists.length - 1]!
          parent.node.children[parent.node.children.length - 1]!.children.push(list)
        }
      }
      lists.push({node: list, markerX: block.markerX, pattern: block.marker.pattern, level})
      return
    }
    lists = []
    flushBreaks()
    if (node.type === 'heading') {
      const heading = node
      while (sections.length > 0 && sections[sections.length - 1]!.depth >= heading.depth) sections.pop()
      const depth = Math.min(heading.depth, sections.length + 1) as Depth
      heading.depth = depth
      const section: Section = {type: 'section', depth, children: [heading]}
      container().push(section)
      sections.push(section)
      container().push(...notesFor(heading, block))
      return
    }
    if (node.type === 'listItem') return
    container().push(node, ...notesFor(node, block))
  })
  insertBefore(blocks.length)
  flushBreaks()
  return root
}

function findFirstHeading(nodes: Array<FlowContent | Section>): string | undefined {
  for (const node of nodes) {
    if (node.type === 'section') {
      const heading = node.children[0]
      if (heading?.type === 'heading') return plainText(heading)
    }
  }
  return undefined
}

function imageOnly(layout: Layout, pages: LayoutPage[], context: Context, options: NormalizeOptions): NormalizeResult {
  if (pages.length === 0) {
    warn(
      context,
      'empty-document',
      'Unexpected document without pages, expected at least one page: the edition is empty',
    )
  } else {
    warn(
      context,
      'image-only-document',
      `Unexpected document without a text layer (${pages.length} page${pages.length === 1 ? '' : 's'} of images), expected text: the edition carries page images only; run OCR to get the text`,
      {page: pages[0]?.number ?? 1},
    )
  }
  const children: Root['children'] = []
  for (const page of pages) {
    children.push({type: 'pageBreak', page: page.number, label: page.label ?? String(page.number)})
    for (const image of page.images) {
      children.push({
        type: 'figure',
        children: [{type: 'image', data: {source: source(page.number, [image.bbox])}}],
      })
    }
  }
  const meta: Meta = {authors: infoAuthors(layout.info), lang: options.lang ?? layout.info.lang ?? 'und'}
  const title = infoTitle(layout.info)
  if (title) meta.title = title
  const date = isoDatePart(layout.info.created)
  if (date) meta.date = date
  meta.source = sourceFacts(layout)
  return {tree: {type: 'root', version: AST_VERSION, meta: orderMeta(meta), children}, diagnostics: context.diagnostics}
}
