import {convertFile} from './pipeline.js'
import type {FileResult, Task} from './types.js'

/** Entry point of a pool worker: one task, one file. */
export default function run({task, version}: {task: Task; version: string}): Promise<FileResult> {
  return convertFile(task, version)
}
