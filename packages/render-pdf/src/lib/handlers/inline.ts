import type {Emphasis, FootnoteReference, Link, Span, Strong, Text} from '@folio/ast'
import {isRtl} from '../fonts.js'
import type {InlineContext, PhrasingHandlers, Piece, State} from '../state.js'

const safeSchemes = /^(https?:|mailto:)/i

function text(node: Text, state: State, context: InlineContext): Piece[] {
  if (context.lang || !/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(node.value))
    return state.text(node.value, context)
  // Right-to-left script with no span saying its language: keep its logical order for extraction.
  const pieces: Piece[] = []
  for (const stretch of node.value.match(
    /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF][\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\s\d\p{P}]*|[^\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]+/gu,
  ) ?? []) {
    if (!isRtl(stretch[0] ?? '')) {
      pieces.push(...state.text(stretch, context))
      continue
    }
    // In a right-to-left document such text is in the document's language; elsewhere its language is unknown.
    if (!state.rtlDocument) {
      state.report(
        'warning',
        'lang-missing',
        'Unexpected right-to-left text without a language, expected a `span` with `lang` around it',
      )
    }
    // The space after the stretch stays in it, so the text read out keeps the word break.
    const tag = state.tag('Span', context.tag, {actual: stretch})
    pieces.push(...state.text(stretch, {...context, tag}))
  }
  return pieces
}

function strong(node: Strong, state: State, context: InlineContext): Piece[] {
  const style = context.style === 'italic' || context.style === 'boldItalic' ? 'boldItalic' : 'bold'
  return state.inline(node.children, {...context, style})
}

function emphasis(node: Emphasis, state: State, context: InlineContext): Piece[] {
  const style = context.style === 'bold' || context.style === 'boldItalic' ? 'boldItalic' : 'italic'
  return state.inline(node.children, {...context, style})
}

function link(node: Link, state: State, context: InlineContext): Piece[] {
  const url = node.url.trim()
  if (context.link || !safeSchemes.test(url)) {
    state.report(
      'info',
      'link-dropped',
      `Unexpected link \`${url.slice(0, 80)}\`, expected an http, https or mailto URL outside another link`,
    )
    return state.inline(node.children, context)
  }
  const label = plain(node).trim()
  const target = url.replace(/^mailto:/i, '')
  const contents = node.title ?? (label && label !== target && label !== url ? `${label}: ${target}` : target)
  const tag = state.tag('Link', context.tag)
  return state.inline(node.children, {
    ...context,
    tag,
    link: {url, contents, tag},
    color: state.type.linkColor,
    underline: true,
  })
}

function footnoteReference(node: FootnoteReference, state: State, context: InlineContext): Piece[] {
  const label = node.label ?? node.identifier
  const tag = state.tag('Link', context.tag)
  return state.text(label, {
    ...context,
    tag,
    size: context.size * 0.68,
    rise: context.size * 0.36,
    color: state.type.linkColor,
    link: {destination: noteDestination(node.identifier), contents: `Note ${label}`, tag},
  })
}

function span(node: Span, state: State, context: InlineContext): Piece[] {
  if (!node.lang && !node.dir) return state.inline(node.children, context)
  const options: {lang?: string; actual?: string} = {}
  if (node.lang) options.lang = node.lang
  const value = plain(node)
  if (node.dir === 'rtl' || [...value].some((char) => isRtl(char))) options.actual = value
  const tag = state.tag('Span', context.tag, options)
  const inner: InlineContext = {...context, tag}
  if (node.lang) inner.lang = node.lang
  return state.inline(node.children, inner)
}

/** The named destination of a footnote. */
export function noteDestination(identifier: string): string {
  return `note-${identifier}`
}

function plain(node: {children?: unknown[]; value?: unknown}): string {
  if (typeof node.value === 'string') return node.value
  if (!Array.isArray(node.children)) return ''
  return node.children.map((child) => plain(child as {children?: unknown[]; value?: unknown})).join('')
}

/** Phrasing content to pieces, keyed by node type. */
export const phrasingHandlers: PhrasingHandlers = {
  text,
  strong,
  emphasis,
  link,
  footnoteReference,
  span,
  pageBreak: () => [],
}
