export {checkPdf, MAX_PAGES, MAX_STRUCT_DEPTH, MAX_STRUCT_ELEMENTS} from './lib/check.js'
export {formatFailure, formatFailures, formatResult, formatVerdict} from './lib/format.js'
export {MAX_STREAM_BYTES} from './lib/objects.js'
export type {Rule} from './lib/rules.js'
export {ruleById, rules} from './lib/rules.js'
export type {
  AnnotationRef,
  CheckOptions,
  CheckResult,
  Failure,
  MarkedContentRef,
  StructChild,
  StructElement,
} from './lib/types.js'
