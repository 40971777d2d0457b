import type {Handlers} from '../types.js'
import {aside} from './aside.js'
import {blockquote} from './blockquote.js'
import {code} from './code.js'
import {caption, figure, image} from './figure.js'
import {footnoteDefinition, footnoteReference} from './footnote.js'
import {heading} from './heading.js'
import {emphasis, strong} from './inline.js'
import {link} from './link.js'
import {list} from './list.js'
import {listItem} from './list-item.js'
import {pageBreak} from './page-break.js'
import {paragraph} from './paragraph.js'
import {root} from './root.js'
import {section} from './section.js'
import {span} from './span.js'
import {table, tableCell, tableRow} from './table.js'
import {text} from './text.js'
import {toc, tocEntry} from './toc.js'

/** The default handler of every node type. */
export const handlers: Handlers = {
  root,
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
  tableRow,
  tableCell,
  footnoteDefinition,
  footnoteReference,
  pageBreak,
  toc,
  tocEntry,
  text,
  strong,
  emphasis,
  link,
  span,
}
