export {convert, EXIT, main} from './lib/cli.js'
export {convertFile} from './lib/pipeline.js'
export type {Report, Summary} from './lib/report.js'
export type {ConvertOptions, Edition, FileResult, OutputFile, Task} from './lib/types.js'
