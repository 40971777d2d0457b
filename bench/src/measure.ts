/**
 * Measure one PDF through every stage in a fresh process, so that peak
 * memory (maxRSS) belongs to this file alone. Prints one JSON line.
 *
 * The first run pays the process's warm-up (loading modules, pdf.js' font
 * data, word lists, the render fonts) and is reported apart as `first`; the
 * figures per stage are medians over the `runs` runs after it. Each stage is
 * timed on the wall clock and in CPU time of this process (user + system),
 * which other jobs on a shared machine do not inflate.
 * A long report may be warmed up on a shorter file (`warm`) instead of itself.
 * With 0 runs it makes one pass alone (the peak memory of one conversion).
 * Usage: node dist/measure.js <file.pdf> [runs] [stages] [warm.pdf]
 */
import {readFile} from 'node:fs/promises'
import {basename} from 'node:path'
import {performance} from 'node:perf_hooks'
import {extract} from '@folio/extract'
import {normalize} from '@folio/normalize'
import {toEpub} from '@folio/render-epub'
import {toHtml} from '@folio/render-html'
import {toPdf} from '@folio/render-pdf'

const [file, runsArg = '3', stagesArg = 'extract,normalize,html,epub,pdf', warmFile] = process.argv.slice(2)
if (!file) throw new Error('Usage: measure <file.pdf> [runs] [stages]')
/** 0 runs: one pass only, with nothing before it, for the peak memory of a single conversion. */
const runs = Math.max(0, Number(runsArg))
const stages = new Set(stagesArg.split(','))

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
const cpuMs = () => {
  const {user, system} = process.cpuUsage()
  return (user + system) / 1000
}

const data = new Uint8Array(await readFile(file))
const warmData = warmFile ? new Uint8Array(await readFile(warmFile)) : data
/** Wall and CPU ms per stage, one entry per run (run 0 is the warm-up run). */
const wall: Record<string, number[]> = {}
const cpu: Record<string, number[]> = {}
const note = (stage: string, wallMs: number, cpuUsed: number) => {
  wall[stage] = [...(wall[stage] ?? []), wallMs]
  cpu[stage] = [...(cpu[stage] ?? []), cpuUsed]
}
const record = async <T>(stage: string, run: () => Promise<T> | T): Promise<T> => {
  const start = performance.now()
  const startCpu = cpuMs()
  const result = await run()
  note(stage, performance.now() - start, cpuMs() - startCpu)
  return result
}

/**
 * One pass through the pipeline. The Layout is only referenced inside this
 * function's first half, so it can be collected once normalize has built the
 * tree (the CLI's worker holds it no longer either).
 */
async function pass(input: Uint8Array, name: string): Promise<number> {
  const start = performance.now()
  const startCpu = cpuMs()
  let layout: Awaited<ReturnType<typeof extract>> | undefined = await record('extract', () =>
    extract(input.slice(), {file: name}),
  )
  const pages = layout.pageCount
  if (!stages.has('normalize')) return pages
  const whole = layout
  layout = undefined
  const {tree} = await record('normalize', () => normalize(whole))
  if (stages.has('html')) await record('html', () => toHtml(tree))
  if (stages.has('epub')) await record('epub', () => toEpub(tree))
  if (stages.has('pdf')) await record('pdf', () => toPdf(tree))
  note('pipeline', performance.now() - start, cpuMs() - startCpu)
  return pages
}

let pages = 0
if (runs === 0) pages = await pass(data, basename(file))
else {
  await pass(warmData, basename(warmFile ?? file))
  for (let run = 1; run <= runs; run++) pages = await pass(data, basename(file))
}

const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 10) / 10)
const result: Record<string, unknown> = {
  file: basename(file),
  pages,
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
}
for (const [stage, list] of Object.entries(wall)) result[stage] = round(median(list.slice(1)))
for (const [stage, list] of Object.entries(cpu)) result[`${stage}Cpu`] = round(median(list.slice(1)))
if (warmFile) result['warm'] = basename(warmFile)
result['first'] = round(wall['pipeline']?.[0] ?? wall['extract']?.[0])
result['firstCpu'] = round(cpu['pipeline']?.[0] ?? cpu['extract']?.[0])
process.stdout.write(`${JSON.stringify(result)}\n`)
