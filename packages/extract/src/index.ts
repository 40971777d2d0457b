export {ExtractError, type ExtractErrorCode} from './lib/errors.js'
export {type ExtractOptions, extract} from './lib/extract.js'
export type * from './lib/types.js'
