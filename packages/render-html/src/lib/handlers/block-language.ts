import type {PhrasingContent, Span} from '@folio/ast'

/**
 * The span that makes up all of a block's text, if any: a line of Arabic
 * quoted on its own. Its language and direction then belong to the block, so
 * that the line is aligned and ordered as a right-to-left paragraph.
 */
export function soleSpan(children: PhrasingContent[]): Span | undefined {
  const content = children.filter(
    (child) => child.type !== 'pageBreak' && !(child.type === 'text' && child.value.trim() === ''),
  )
  const only = content.length === 1 ? content[0] : undefined
  if (only?.type !== 'span' || (only.lang === undefined && only.dir === undefined)) return undefined
  return only
}
