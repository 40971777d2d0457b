import type {Content, Diagnostic, PhrasingContent as FolioPhrasing, PageBreak, Root} from '@folio/ast'
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
import {formatDate} from './date.js'
import {diagnostic} from './diagnostic.js'
import {safeImageSource, safeUrl} from './safe-url.js'
import {cleanText} from './text.js'
import {wholeWords} from './whole-words.js'

export interface MarkdownResult {
  value: string
  diagnostics: Diagnostic[]
}

type Flow = RootContent

/**
 * The tree as GitHub-flavoured Markdown, through mdast and
 * `mdast-util-to-markdown` (what `remark-stringify` uses). Headings follow the
 * HTML edition: the title is `#`, depth-1 sections `##`. Footnotes become GFM
 * footnotes; page breaks become HTML comments (`<!-- page 3 -->`); links keep
 * only http, https and mailto URLs.
 */
export function toMarkdown(tree: Root): MarkdownResult {
  if (tree?.type !== 'root') {
    throw new TypeError(`Unexpected \`${String(tree?.type)}\`, expected a Folio \`root\``)
  }
  if (typeof tree.meta?.lang !== 'string') {
    throw new TypeError('Unexpected tree without `meta.lang`, expected a BCP 47 language tag')
  }
  const diagnostics: Diagnostic[] = []
  const report = (ruleId: string, severity: Diagnostic['severity'], message: string, node?: Content) =>
    diagnostics.push(diagnostic(ruleId, severity, message, node))
  const definitions: FootnoteDefinition[] = []

  const clean = (value: string, node?: Content): string => {
    const result = cleanText(value)
    if (result.removed > 0) {
      report(
        'control-character-dropped',
        'info',
        'Unexpected control characters in text, expected printable text',
        node,
      )
    }
    if (result.balanced) {
      report(
        'bidi-control-balanced',
        'info',
        'Unexpected unbalanced bidi controls in text, expected each embedding or isolate to be closed',
        node,
      )
    }
    return result.value
  }

  const pageComment = (node: PageBreak): Html => ({
    type: 'html',
    value: `<!-- page ${clean(node.label || String(node.page), node).replace(/--|[<>]/g, '')} -->`,
  })

  const phrasing = (nodes: FolioPhrasing[]): PhrasingContent[] => wholeWords(nodes).flatMap(inline)

  function inline(node: FolioPhrasing): PhrasingContent[] {
    switch (node.type) {
      case 'text':
        return [{type: 'text', value: clean(node.value, node)}]
      case 'strong':
        return [{type: 'strong', children: phrasing(node.children)}]
      case 'emphasis':
        return [{type: 'emphasis', children: phrasing(node.children)}]
      case 'span':
        return phrasing(node.children)
      case 'link': {
        const url = safeUrl(node.url)
        if (url === undefined) {
          report('unsafe-link-dropped', 'info', 'Unexpected link URL, expected an http, https or mailto URL', node)
          return phrasing(node.children)
        }
        return [
          {type: 'link', url, title: node.title ? clean(node.title, node) : null, children: phrasing(node.children)},
        ]
      }
      case 'footnoteReference':
        return [{type: 'footnoteReference', identifier: node.identifier, label: node.identifier}]
      case 'pageBreak':
        return [pageComment(node)]
      default:
        return unknown(node as Content) as PhrasingContent[]
    }
  }

  function unknown(node: Content): Flow[] {
    report('unknown-node', 'warning', `Unexpected node \`${String(node.type)}\`, expected a Folio node type`, node)
    if ('children' in node && Array.isArray(node.children)) return node.children.flatMap((child) => flow(child))
    if ('value' in node && typeof node.value === 'string') return [{type: 'text', value: clean(node.value, node)}]
    return []
  }

  function blocks(nodes: Content[]): BlockContent[] {
    return nodes.flatMap((child) => flow(child)) as BlockContent[]
  }

  function flow(node: Content): Flow[] {
    switch (node.type) {
      case 'section':
        return node.children.flatMap((child) => flow(child))
      case 'heading': {
        const depth = node.depth + 1
        if (depth > 6)
          report('heading-rank-above-six', 'info', `Unexpected heading rank ${depth}, expected 1 to 6`, node)
        const children = phrasing(node.children)
        if (node.numbering) children.unshift({type: 'text', value: `${clean(node.numbering, node)} `})
        return [{type: 'heading', depth: Math.min(6, depth) as 1 | 2 | 3 | 4 | 5 | 6, children}]
      }
      case 'paragraph': {
        const children = phrasing(node.children)
        return children.length === 0 ? [] : [{type: 'paragraph', children}]
      }
      case 'list':
        return [
          {
            type: 'list',
            ordered: node.ordered,
            start: node.ordered ? (node.start ?? 1) : null,
            spread: false,
            children: node.children.map((item) => ({
              type: 'listItem',
              spread: false,
              children: blocks(item.children),
            })),
          },
        ]
      case 'blockquote':
        return [{type: 'blockquote', children: blocks(node.children)}]
      case 'aside': {
        const children = blocks(node.children)
        if (node.title) {
          children.unshift({
            type: 'paragraph',
            children: [{type: 'strong', children: [{type: 'text', value: clean(node.title, node)}]}],
          })
        }
        return [{type: 'blockquote', children}]
      }
      case 'code':
        return [{type: 'code', lang: null, meta: null, value: clean(node.value, node)}]
      case 'figure':
        return node.children.flatMap((child) => flow(child))
      case 'image': {
        const url = node.url === undefined ? undefined : safeImageSource(node.url)
        if (url === undefined) {
          report(
            'image-not-embedded',
            'info',
            'Unexpected image without a usable source, expected an embedded image',
            node,
          )
          return []
        }
        return [{type: 'paragraph', children: [{type: 'image', url, alt: clean(node.alt ?? '', node), title: null}]}]
      }
      case 'caption':
        return [{type: 'paragraph', children: [{type: 'emphasis', children: phrasing(node.children)}]}]
      case 'table': {
        const rows: TableRow[] = node.children.map((row) => ({
          type: 'tableRow',
          children: row.children.map(
            (cell): TableCell => ({
              type: 'tableCell',
              children: phrasing(cell.children.filter((c) => c.type !== 'pageBreak')),
            }),
          ),
        }))
        return rows.length === 0 ? [] : [{type: 'table', align: null, children: rows}]
      }
      case 'footnoteDefinition':
        definitions.push({
          type: 'footnoteDefinition',
          identifier: node.identifier,
          label: node.identifier,
          children: blocks(node.children),
        })
        return []
      case 'pageBreak':
        return [pageComment(node)]
      case 'toc':
      case 'tocEntry':
        return []
      case 'text':
      case 'strong':
      case 'emphasis':
      case 'link':
      case 'span':
      case 'footnoteReference':
        return [{type: 'paragraph', children: inline(node)}]
      default:
        return unknown(node)
    }
  }

  const {meta} = tree
  const front: Flow[] = []
  const title = meta.title?.trim()
  if (title) front.push({type: 'heading', depth: 1, children: [{type: 'text', value: clean(title)}]})
  if (meta.subtitle)
    front.push({
      type: 'paragraph',
      children: [{type: 'emphasis', children: [{type: 'text', value: clean(meta.subtitle)}]}],
    })
  const line = [
    (meta.authors ?? []).filter((a) => typeof a === 'string' && a.trim() !== '').join(', '),
    meta.publisher ?? '',
    meta.date ? (formatDate(meta.date, meta.lang) ?? meta.date) : '',
  ].filter((part) => part !== '')
  if (line.length > 0) front.push({type: 'paragraph', children: [{type: 'text', value: clean(line.join(' · '))}]})

  const body = tree.children.flatMap((child) => flow(child))
  const mdast: MdastRoot = {type: 'root', children: [...front, ...body, ...definitions]}
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
