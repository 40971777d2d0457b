import type {Handlers} from '../state.js'
import {aside, blockquote, code, footnoteDefinition} from './blocks.js'
import {caption, figure, image} from './figure.js'
import {list, listItem} from './list.js'
import {paragraph} from './paragraph.js'
import {heading, section} from './section.js'
import {table} from './table.js'

/** Block content to PDF, keyed by node type. */
export const handlers: Handlers = {
  section,
  heading,
  paragraph,
  list,
  listItem,
  blockquote,
  aside,
  code,
  figure,
  image,
  caption,
  table,
  footnoteDefinition,
  // Milestones of the source's pages and its contents page are not part of this edition's text.
  pageBreak: () => {},
  toc: () => {},
}
