import type {PhrasingContent} from '@folio/ast'
import type {BlockOptions, InlineContext, State, Tag} from '../state.js'

/** Set phrasing content as a block of lines in the current container. */
export function setText(
  state: State,
  tag: Tag,
  children: readonly PhrasingContent[],
  context: Partial<InlineContext> = {},
  options: Partial<BlockOptions> = {},
): void {
  const {type} = state
  const small = state.noteStyle
    ? {size: type.noteSize, leading: type.noteLeading}
    : state.asideStyle
      ? {size: type.asideSize, leading: type.asideLeading}
      : undefined
  const pieces = state.inline(children, state.context(tag, {...(small ? {size: small.size} : {}), ...context}))
  if (pieces.every((piece) => piece.space)) return
  const width = options.width ?? state.width
  const lines = state.breakLines(pieces, width)
  const leading = options.leading ?? small?.leading ?? type.leading
  const words = pieces.filter((piece) => !piece.space && /\p{L}/u.test(piece.text))
  const rtl = words.length > 0 && words.every((piece) => piece.rtl)
  state.placeLines(lines, {
    align: rtl ? 'right' : 'left',
    indent: state.indent,
    width,
    leading,
    spaceBefore: 0,
    spaceAfter: leading * 0.55,
    ...options,
  })
}
