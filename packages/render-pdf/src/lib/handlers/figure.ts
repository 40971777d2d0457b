import type {Caption, Content, Figure, Image} from '@folio/ast'
import {plainText} from '@folio/ast'
import type {State, Tag} from '../state.js'
import {table} from './table.js'
import {setText} from './text-block.js'

/** A figure: its image (a Figure element with alternative text) or its table, and its caption. */
export function figure(node: Figure, state: State, parent: Tag): void {
  const caption = node.children.find((child): child is Caption => child.type === 'caption')
  const saved = state.figureCaption
  const reserve = state.figureReserve
  state.figureCaption = caption ? plainText(caption).trim() : undefined
  // The image keeps room for its caption below it.
  state.figureReserve = caption ? captionHeight(caption, state) : 0
  const first = node.children[0]
  if (first?.type === 'table' && state.handlers.table === table) {
    // A table's caption is set above it, inside the Table element (a caller's own table handler gets the figure as it is).
    table(first, state, parent, caption)
    for (const child of node.children.slice(1)) if (child !== caption) state.one(child, parent)
  } else state.all(node, parent)
  state.figureCaption = saved
  state.figureReserve = reserve
}

function captionHeight(node: Caption, state: State): number {
  const pieces = state.inline(
    node.children,
    state.context(state.tag('Caption', undefined), {style: 'italic', size: state.type.size * 0.9}),
  )
  return state.breakLines(pieces, state.width).length * state.type.leading
}

/**
 * The height a block needs at the head of its page, for the heading before
 * it to keep: an image (and its caption) whole, else a few lines.
 */
export function keepHeight(node: Content | undefined, state: State): number {
  const lines = state.type.keepLines * state.type.leading
  if (node?.type === 'image') {
    const size = imageSize(node, state)
    return size ? size.height + state.type.leading * 0.5 : lines
  }
  if (node?.type === 'figure') {
    const first = node.children[0]
    const caption = node.children.find((child): child is Caption => child.type === 'caption')
    const image = first?.type === 'image' ? imageSize(first, state) : undefined
    if (image) return image.height + state.type.leading * 0.5 + (caption ? captionHeight(caption, state) : 0)
  }
  return lines
}

export function caption(node: Caption, state: State, parent: Tag): void {
  setText(state, state.tag('Caption', parent), node.children, {style: 'italic', size: state.type.size * 0.9})
}

interface OpenedImage {
  width: number
  height: number
}

/** Decode a `data:` URI of a PNG or JPEG image; anything else is not embedded. */
function decode(url: string): Buffer | undefined {
  const match = /^data:image\/(png|jpe?g);base64,([A-Za-z0-9+/=\s]+)$/i.exec(url)
  return match?.[2] ? Buffer.from(match[2], 'base64') : undefined
}

const opened = new WeakMap<Image, {image: OpenedImage; width: number; height: number} | null>()

/** The image opened once, and its size on the page: the measure at most, and 60% of the page height. */
function imageSize(node: Image, state: State): {image: OpenedImage; width: number; height: number} | undefined {
  const known = opened.get(node)
  if (known !== undefined) return known ?? undefined
  const data = node.url ? decode(node.url) : undefined
  let result: {image: OpenedImage; width: number; height: number} | null = null
  if (data) {
    try {
      const image = (state.doc as unknown as {openImage: (data: Buffer) => OpenedImage}).openImage(data)
      const {geometry} = state
      const maxHeight = (geometry.height - geometry.top - geometry.bottom) * 0.6
      const scale = Math.min(1, state.width / image.width, maxHeight / image.height)
      result = {image, width: image.width * scale, height: image.height * scale}
    } catch {
      result = null
    }
  }
  opened.set(node, result)
  return result ?? undefined
}

export function image(node: Image, state: State, parent: Tag): void {
  const data = node.url ? decode(node.url) : undefined
  if (!data) {
    state.report(
      'info',
      'image-dropped',
      `Unexpected image ${node.url ? 'that is not a PNG or JPEG data URI' : 'without data'}, expected a PNG or JPEG \`data:\` URI`,
    )
    return
  }
  const {doc, geometry} = state
  const size = imageSize(node, state)
  if (!size) {
    state.report('warning', 'image-invalid', 'Unexpected image data that cannot be decoded, expected a PNG or JPEG')
    return
  }
  const {width, height} = size
  if (height + state.figureReserve > state.room && state.y > geometry.top) state.newPage()
  const x = geometry.left + state.indent + (state.width - width) / 2
  const y = state.y
  const alt = node.alt?.trim() || state.figureCaption
  if (alt) {
    const tag = state.tag('Figure', parent, {alt})
    state.openFor(tag)
    doc.image(size.image as never, x, y, {width, height})
    state.closeContent()
  } else {
    // Without alternative text the image cannot be read out: keep it as decoration and say so.
    state.report(
      'warning',
      'image-alt-missing',
      'Unexpected image without alternative text, expected `alt` or a caption',
    )
    state.artifact('Layout', () => {
      doc.image(size.image as never, x, y, {width, height})
    })
  }
  state.y += height + state.type.leading * 0.5
}
