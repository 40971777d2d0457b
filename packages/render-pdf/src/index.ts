export {type PageSize, pageSizes} from './lib/geometry.js'
export {handlers} from './lib/handlers/index.js'
export {phrasingHandlers} from './lib/handlers/inline.js'
export type {
  Handler,
  Handlers,
  InlineContext,
  PhrasingHandler,
  PhrasingHandlers,
  Piece,
  State,
  Tag,
} from './lib/state.js'
export {type Options, producer, type Result, toPdf} from './lib/to-pdf.js'
