import type {
  Content,
  Diagnostic,
  PhrasingContent as FolioPhrasing,
  ListItem,
  NodeByType,
  NodeType,
  PageBreak,
  Root,
  Severity,
} from '@folio/ast'
import {listItemLabel} from '@folio/ast'
import type {
  BlockContent,
  FootnoteDefinition,
  Html,
  Root as MdastRoot,
  PhrasingContent,
  RootContent,
  TableCell,
  TableRow,
} from 'mdast'
import {gfmToMarkdown} from 'mdast-util-gfm'
import {toMarkdown as serialize} from 'mdast-util-to-markdown'
import {childrenOf} from './children.js'
import {formatDate} from './date.js'
import {diagnostic} from './diagnostic.js'
import {headingName} from './handlers/heading.js'
import {orderedType} from './handlers/list.js'
import {safeImageSource, safeUrl} from './safe-url.js'
import {cleanText} from './text.js'
import type {ParentNode} from './types.js'
import {wholeWords} from './whole-words.js'

export interface MarkdownResult {
  value: string
  diagnostics: Diagnostic[]
}

/** Turns one Folio node into mdast nodes (none, one or several). */
export type MarkdownHandler<T = Content> = (state: MarkdownState, node: T, parent: Content | undefined) => RootContent[]

/** A Markdown handler per node type. */
export type MarkdownHandlers = {[T in NodeType]: MarkdownHandler<NodeByType[T]>}

export interface ToMarkdownOptions {
  /** Handlers that replace the defaults for their node types (or add unknown types). */
  handlers?: Partial<MarkdownHandlers> & Record<string, MarkdownHandler<never> | undefined>
}

export interface MarkdownState {
  /** Render one node through its handler (unknown types are reported, their children kept). */
  one(node: Content, parent: Content | undefined): RootContent[]
  /** Render the children of a parent of inline content. */
  phrasing(parent: ParentNode): PhrasingContent[]
  /** Render the children of a parent of blocks; stray inline content is gathered into paragraphs. */
  blocks(parent: ParentNode): BlockContent[]
  /** Text made safe (see `cleanText`), with diagnostics. */
  clean(value: string, node?: Content): string
  report(ruleId: string, severity: Severity, message: string, node?: Content): void
  /** Footnote definitions, written after the body. */
  readonly definitions: FootnoteDefinition[]
}

const inlineTypes = new Set(['text', 'strong', 'emphasis', 'link', 'footnoteReference', 'image', 'inlineCode', 'break'])

function pageComment(state: MarkdownState, node: PageBreak): Html {
  // A label can never close the comment it sits in.
  const label = state.clean(node.label || String(node.page), node).replace(/--|[<>]/g, '')
  return {type: 'html', value: `<!-- page ${label} -->`}
}

/** The default Markdown handler of every node type. */
export const markdownHandlers: MarkdownHandlers = {
  root: (state, node) => state.blocks(node),
  section: (state, node) => state.blocks(node),
  heading(state, node) {
    if (headingName(node) === '') {
      state.report('empty-heading', 'warning', 'Unexpected heading without text, expected a title', node)
      return []
    }
    // As in the HTML edition: the title is `#`, depth-1 sections `##`.
    const depth = node.depth + 1
    if (depth > 6)
      state.report('heading-rank-above-six', 'info', `Unexpected heading rank ${depth}, expected 1 to 6`, node)
    const children = state.phrasing(node)
    if (node.numbering) children.unshift({type: 'text', value: `${state.clean(node.numbering, node)} `})
    return [{type: 'heading', depth: Math.min(6, depth) as 1 | 2 | 3 | 4 | 5 | 6, children}]
  },
  paragraph(state, node) {
    const children = state.phrasing(node)
    return children.length === 0 ? [] : [{type: 'paragraph', children}]
  },
  list(state, node) {
    // Markdown numbers lists 1, 2, 3 only: items lettered or in roman numerals keep their printed labels.
    const type = node.ordered ? orderedType(node.marker) : undefined
    const lettered = type !== undefined && type !== '1'
    return [
      {
        type: 'list',
        ordered: node.ordered && !lettered,
        start: node.ordered && !lettered ? (node.start ?? 1) : null,
        spread: false,
        children: childrenOf<ListItem>(node).map((item, index) => {
          const children = state.blocks(item)
          const label = lettered ? listItemLabel(node, index) : undefined
          if (label !== undefined) {
            const first = children[0]
            if (first?.type === 'paragraph') first.children.unshift({type: 'text', value: `${label} `})
            else children.unshift({type: 'paragraph', children: [{type: 'text', value: label}]})
          }
          return {type: 'listItem', spread: false, children}
        }),
      },
    ]
  },
  listItem: (state, node) => [{type: 'listItem', spread: false, children: state.blocks(node)}],
  blockquote: (state, node) => [{type: 'blockquote', children: state.blocks(node)}],
  aside(state, node) {
    const children = state.blocks(node)
    if (node.title) {
      const title = state.clean(node.title, node)
      children.unshift({type: 'paragraph', children: [{type: 'strong', children: [{type: 'text', value: title}]}]})
    }
    return [{type: 'blockquote', children}]
  },
  code: (state, node) => [{type: 'code', lang: null, meta: null, value: state.clean(node.value, node)}],
  figure(state, node) {
    // A table's caption comes before it, as in the HTML edition; an image's stays under it.
    const blocks = state.blocks(node)
    const table = node.children.some((child) => child.type === 'table')
    const caption = node.children.at(-1)?.type === 'caption' ? blocks.at(-1) : undefined
    return table && caption ? [caption, ...blocks.slice(0, -1)] : blocks
  },
  image(state, node) {
    const url = node.url === undefined ? undefined : safeImageSource(node.url)
    if (url === undefined) {
      state.report(
        'image-not-embedded',
        'info',
        'Unexpected image without a usable source, expected an embedded image',
        node,
      )
      return []
    }
    return [{type: 'image', url, alt: state.clean(node.alt ?? '', node), title: null}]
  },
  caption: (state, node) => [{type: 'paragraph', children: [{type: 'emphasis', children: state.phrasing(node)}]}],
  table(state, node) {
    const rows = childrenOf(node).flatMap((row) => state.one(row, node)) as TableRow[]
    return rows.length === 0 ? [] : [{type: 'table', align: null, children: rows}]
  },
  tableRow: (state, node) => [
    {type: 'tableRow', children: childrenOf(node).flatMap((cell) => state.one(cell, node)) as TableCell[]},
  ],
  tableCell: (state, node) => [
    // A GFM cell holds one line: page markers stay out of it.
    {
      type: 'tableCell',
      children: state.phrasing({
        ...node,
        children: childrenOf<FolioPhrasing>(node).filter((c) => c.type !== 'pageBreak'),
      }),
    },
  ],
  footnoteDefinition(state, node) {
    state.definitions.push({
      type: 'footnoteDefinition',
      identifier: node.identifier,
      label: node.identifier,
      children: state.blocks(node),
    })
    return []
  },
  footnoteReference: (_, node) => [{type: 'footnoteReference', identifier: node.identifier, label: node.identifier}],
  pageBreak: (state, node) => [pageComment(state, node)],
  // The report's own contents page is data, not text.
  toc: () => [],
  tocEntry: () => [],
  text: (state, node) => [{type: 'text', value: state.clean(node.value, node)}],
  strong: (state, node) => [{type: 'strong', children: state.phrasing(node)}],
  emphasis: (state, node) => [{type: 'emphasis', children: state.phrasing(node)}],
  link(state, node) {
    const url = safeUrl(node.url)
    if (url === undefined) {
      state.report('unsafe-link-dropped', 'info', 'Unexpected link URL, expected an http, https or mailto URL', node)
      return state.phrasing(node)
    }
    const title = node.title ? state.clean(node.title, node) : null
    return [{type: 'link', url, title, children: state.phrasing(node)}]
  },
  // Markdown cannot say which language a run of text is in.
  span: (state, node) => state.phrasing(node),
}

/**
 * The tree as GitHub-flavoured Markdown, through mdast and
 * `mdast-util-to-markdown` (what `remark-stringify` uses), one handler per
 * node type as for HTML. Headings follow the HTML edition: the title is `#`,
 * depth-1 sections `##`. Footnotes become GFM footnotes; page breaks become
 * HTML comments (`<!-- page 3 -->`); links keep only http, https and mailto URLs.
 */
export function toMarkdown(tree: Root, options: ToMarkdownOptions = {}): MarkdownResult {
  if (tree?.type !== 'root') {
    throw new TypeError(`Unexpected \`${String(tree?.type)}\`, expected a Folio \`root\``)
  }
  if (typeof tree.meta?.lang !== 'string') {
    throw new TypeError('Unexpected tree without `meta.lang`, expected a BCP 47 language tag')
  }
  const diagnostics: Diagnostic[] = []
  const table = {...markdownHandlers, ...options.handlers} as Record<string, MarkdownHandler<never> | undefined>

  const state: MarkdownState = {
    definitions: [],
    one(node, parent) {
      const handler = table[node.type] as MarkdownHandler | undefined
      if (handler) return handler(state, node, parent)
      state.report(
        'unknown-node',
        'warning',
        `Unexpected node \`${String(node.type)}\`, expected a Folio node type`,
        node,
      )
      if (Array.isArray((node as {children?: unknown}).children)) return state.blocks(node as ParentNode)
      if ('value' in node && typeof node.value === 'string')
        return [{type: 'text', value: state.clean(node.value, node)}]
      return []
    },
    phrasing(parent) {
      return wholeWords(childrenOf(parent)).flatMap((child) => state.one(child, parent)) as PhrasingContent[]
    },
    blocks(parent) {
      const out: BlockContent[] = []
      let run: PhrasingContent[] | undefined
      for (const node of childrenOf(parent).flatMap((child) => state.one(child, parent))) {
        if (inlineTypes.has(node.type)) {
          if (run) run.push(node as PhrasingContent)
          else {
            run = [node as PhrasingContent]
            out.push({type: 'paragraph', children: run})
          }
        } else {
          run = undefined
          out.push(node as BlockContent)
        }
      }
      return out
    },
    clean(value, node) {
      const result = cleanText(value)
      if (result.removed > 0) {
        state.report(
          'control-character-dropped',
          'info',
          'Unexpected control characters in text, expected printable text',
          node,
        )
      }
      if (result.balanced) {
        state.report(
          'bidi-control-balanced',
          'info',
          'Unexpected unbalanced bidi controls in text, expected each embedding or isolate to be closed',
          node,
        )
      }
      return result.value
    },
    report(ruleId, severity, message, node) {
      diagnostics.push(diagnostic(ruleId, severity, message, node))
    },
  }

  const {meta} = tree
  const front: RootContent[] = []
  const title = meta.title?.trim()
  if (title) front.push({type: 'heading', depth: 1, children: [{type: 'text', value: state.clean(title)}]})
  if (meta.subtitle) {
    front.push({
      type: 'paragraph',
      children: [{type: 'emphasis', children: [{type: 'text', value: state.clean(meta.subtitle)}]}],
    })
  }
  const line = [
    (meta.authors ?? []).filter((a) => typeof a === 'string' && a.trim() !== '').join(', '),
    meta.publisher ?? '',
    meta.date ? (formatDate(meta.date, meta.lang) ?? meta.date) : '',
  ].filter((part) => part !== '')
  if (line.length > 0) front.push({type: 'paragraph', children: [{type: 'text', value: state.clean(line.join(' · '))}]})

  const body = state.one(tree, undefined)
  const mdast: MdastRoot = {type: 'root', children: [...front, ...body, ...state.definitions]}
  const value = serialize(mdast, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    emphasis: '_',
    strong: '*',
    fences: true,
    listItemIndent: 'one',
    rule: '-',
  })
  return {value, diagnostics}
}
