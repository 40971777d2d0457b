export {ExtractError, type ExtractErrorCode} from './lib/errors.js'
export {type ExtractOptions, extract} from './lib/extract.js'
export {type RenderedPage, type RenderPagesOptions, renderPages} from './lib/render-pages.js'
export type * from './lib/types.js'
