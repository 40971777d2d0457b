import type {Caption, Figure, Image} from '@folio/ast'
import {plainText} from '@folio/ast'
import type {State, Tag} from '../state.js'
import {setText} from './text-block.js'

/** A figure: its image (a Figure element with alternative text) and its caption. */
export function figure(node: Figure, state: State, parent: Tag): void {
  const caption = node.children.find((child): child is Caption => child.type === 'caption')
  const saved = state.figureCaption
  state.figureCaption = caption ? plainText(caption).trim() : undefined
  state.all(node, parent)
  state.figureCaption = saved
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
  let opened: OpenedImage
  try {
    opened = (doc as unknown as {openImage: (data: Buffer) => OpenedImage}).openImage(data)
  } catch (error) {
    state.report(
      'warning',
      'image-invalid',
      `Unexpected image data (${(error as Error).message}), expected a PNG or JPEG`,
    )
    return
  }
  const maxHeight = (geometry.height - geometry.top - geometry.bottom) * 0.6
  const scale = Math.min(1, state.width / opened.width, maxHeight / opened.height)
  const width = opened.width * scale
  const height = opened.height * scale
  if (height > state.room && state.y > geometry.top) state.newPage()
  const x = geometry.left + state.indent + (state.width - width) / 2
  const y = state.y
  const alt = node.alt?.trim() || state.figureCaption
  if (alt) {
    const tag = state.tag('Figure', parent, {alt})
    state.openFor(tag)
    doc.image(opened as never, x, y, {width, height})
    state.closeContent()
  } else {
    // Without alternative text the image cannot be read out: keep it as decoration and say so.
    state.report(
      'warning',
      'image-alt-missing',
      'Unexpected image without alternative text, expected `alt` or a caption',
    )
    state.artifact('Layout', () => {
      doc.image(opened as never, x, y, {width, height})
    })
  }
  state.y += height + state.type.leading * 0.5
}
