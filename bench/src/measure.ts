/**
 * Measure one PDF through every stage in a fresh process, so that peak
 * memory (maxRSS) belongs to this file alone. Prints one JSON line.
 * Usage: node dist/measure.js <file.pdf> <runs> [stages]
 */
import {readFile} from 'node:fs/promises'
import {basename} from 'node:path'
import {performance} from 'node:perf_hooks'
import {extract} from '@folio/extract'
import {normalize} from '@folio/normalize'
import {toEpub} from '@folio/render-epub'
import {toHtml} from '@folio/render-html'
import {toPdf} from '@folio/render-pdf'

const [file, runsArg = '3', stagesArg = 'extract,normalize,html,epub,pdf'] = process.argv.slice(2)
if (!file) throw new Error('Usage: measure <file.pdf> [runs] [stages]')
const runs = Number(runsArg)
const stages = new Set(stagesArg.split(','))

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

const data = new Uint8Array(await readFile(file))
const times: Record<string, number[]> = {}
const record = async <T>(stage: string, run: () => Promise<T> | T): Promise<T> => {
  const start = performance.now()
  const result = await run()
  const list = times[stage] ?? []
  list.push(performance.now() - start)
  times[stage] = list
  return result
}

let pages = 0
for (let run = 0; run < runs; run++) {
  const start = performance.now()
  const layout = await record('extract', () => extract(data.slice(), {file: basename(file)}))
  pages = layout.pageCount
  if (!stages.has('normalize')) continue
  const {tree} = await record('normalize', () => normalize(layout))
  if (stages.has('html')) await record('html', () => toHtml(tree))
  if (stages.has('epub')) await record('epub', () => toEpub(tree))
  if (stages.has('pdf')) await record('pdf', () => toPdf(tree))
  const list = times['pipeline'] ?? []
  list.push(performance.now() - start)
  times['pipeline'] = list
}

const result: Record<string, unknown> = {
  file: basename(file),
  pages,
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}
for (const [stage, list] of Object.entries(times)) result[stage] = Math.round(median(list) * 10) / 10
process.stdout.write(`${JSON.stringify(result)}\n`)
