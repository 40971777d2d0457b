export type {HtmlResult, ToHtmlOptions} from './lib/document.js'
export {toHtml} from './lib/document.js'
export {handlers} from './lib/handlers/index.js'
export {footnoteId, footnoteReferenceId, pageBreakId, sectionIds, slug} from './lib/ids.js'
export type {Labels} from './lib/labels.js'
export {labelsFor} from './lib/labels.js'
export {safeImageSource, safeUrl} from './lib/safe-url.js'
export {createState} from './lib/state.js'
export {stylesheet} from './lib/stylesheet.js'
export {cleanText} from './lib/text.js'
export {endnotes, toHast} from './lib/to-hast.js'
export type {
  MarkdownHandler,
  MarkdownHandlers,
  MarkdownResult,
  MarkdownState,
  ToMarkdownOptions,
} from './lib/to-markdown.js'
export {markdownHandlers, toMarkdown} from './lib/to-markdown.js'
export type {Handler, HandlerOverrides, HandlerResult, Handlers, State, ToHastOptions} from './lib/types.js'
