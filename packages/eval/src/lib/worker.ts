import {type FileRun, runFile} from './pipeline.js'

/** Entry point of a pool worker: one PDF per task. */
export default function run({path}: {path: string}): Promise<FileRun> {
  return runFile(path)
}
