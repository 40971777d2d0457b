/**
 * `pnpm bench`: pages per second of every stage and of the whole pipeline,
 * peak memory, a batch at 1 and 2 workers, and the peers a user would reach
 * for (pdftotext, mutool, calibre's ebook-convert) on the same files.
 * Writes bench/RESULTS.md. A benchmark, never a test.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, totalmem} from 'node:os'
import {basename, join, resolve} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const root = resolve(here, '../..')
const tmp = join(root, 'bench/tmp')
const runs = Number(process.env.BENCH_RUNS ?? 3)
const report = join(root, 'fixtures/reports/rasanah-2024-defense-alliance/rasanah-2024-defense-alliance.pdf')
const corpus = resolve(root, '../shared/corpus')

const has = (command: string, args = ['-v']) => spawnSync(command, args, {stdio: 'ignore'}).error === undefined

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** Median wall time in ms of a command over `runs` runs; undefined when it fails. */
function timeCommand(command: string, args: string[]): number | undefined {
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const start = performance.now()
    const result = spawnSync(command, args, {stdio: 'ignore'})
    if (result.status !== 0) return undefined
    times.push(performance.now() - start)
  }
  return median(times)
}

interface Measure {
  file: string
  pages: number
  maxRssMb: number
  extract?: number
  normalize?: number
  html?: number
  epub?: number
  pdf?: number
  pipeline?: number
  error?: string
}

function measure(file: string, stages?: string): Measure {
  const args = [join(here, 'measure.js'), file, String(runs)]
  if (stages) args.push(stages)
  const result = spawnSync(process.execPath, ['--max-old-space-size=8192', ...args], {encoding: 'utf8'})
  if (result.status !== 0) {
    return {
      file: basename(file),
      pages: 0,
      maxRssMb: 0,
      error: (result.stderr.trim().split('\n').at(-1) ?? 'failed').slice(0, 120),
    }
  }
  return JSON.parse(result.stdout) as Measure
}

/** The report's pages repeated to `pages` pages, with qpdf. */
function longReport(pages: number): string | undefined {
  const target = join(tmp, `report-${pages}p.pdf`)
  if (existsSync(target)) return target
  const info = execFileSync('qpdf', ['--show-npages', report], {encoding: 'utf8'})
  const per = Number(info.trim())
  const copies = Math.ceil(pages / per)
  const args = ['--empty', '--pages', ...Array.from({length: copies}, () => report), '--', join(tmp, 'all.pdf')]
  execFileSync('qpdf', args)
  execFileSync('qpdf', ['--empty', '--pages', join(tmp, 'all.pdf'), `1-${pages}`, '--', target])
  return target
}

const fmt = (n: number | undefined, digits = 0) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits))
const pps = (pages: number, ms: number | undefined) => (ms ? (pages * 1000) / ms : undefined)

mkdirSync(tmp, {recursive: true})
const files: string[] = []
const fixtures = join(root, 'fixtures/reports')
for (const dir of readdirSync(fixtures)) {
  for (const name of readdirSync(join(fixtures, dir))) if (name.endsWith('.pdf')) files.push(join(fixtures, dir, name))
}
if (existsSync(corpus))
  for (const name of readdirSync(corpus).sort()) if (name.endsWith('.pdf')) files.push(join(corpus, name))
const long = has('qpdf', ['--version'])
  ? [50, 200, 1000].map(longReport).filter((f): f is string => f !== undefined)
  : []

const lines: string[] = []
const log = (line = '') => {
  lines.push(line)
  process.stdout.write(`${line}\n`)
}

log('# Folio benchmark')
log()
log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform} ${process.arch}. Medians of ${runs} runs.`,
)
log()
log('## Stages (pages per second) and peak memory')
log()
log('| file | pages | extract | normalize | html | epub | pdf | pipeline | pipeline ms | peak MB |')
log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
const measured: Measure[] = []
for (const file of [...files, ...long]) {
  const m = measure(file)
  measured.push(m)
  if (m.error) {
    log(`| ${m.file} | – | failed: ${m.error.replace(/\|/g, '/')} | | | | | | | |`)
    continue
  }
  const cells = [m.extract, m.normalize, m.html, m.epub, m.pdf, m.pipeline].map((ms) => fmt(pps(m.pages, ms)))
  log(`| ${m.file} | ${m.pages} | ${cells.join(' | ')} | ${fmt(m.pipeline)} | ${m.maxRssMb} |`)
}

log()
log('## Peers (same files; ratio = Folio time / peer time, lower is better for Folio)')
log()
const peers: Array<{name: string; available: boolean; args: (file: string) => [string, string[]]}> = [
  {name: 'pdftotext', available: has('pdftotext'), args: (f) => ['pdftotext', [f, join(tmp, 'peer.txt')]]},
  {
    name: 'mutool xhtml',
    available: has('mutool', ['-v']),
    args: (f) => ['mutool', ['convert', '-F', 'xhtml', '-o', join(tmp, 'peer.xhtml'), f]],
  },
  {
    name: 'ebook-convert',
    available: has('ebook-convert', ['--version']),
    args: (f) => ['ebook-convert', [f, join(tmp, 'peer.epub')]],
  },
]
log(
  `| file | pages | Folio extract+normalize ms | Folio pipeline ms | ${peers.map((p) => `${p.name} ms | ratio`).join(' | ')} |`,
)
log(`|---|---:|---:|---:|${peers.map(() => '---:|---:').join('|')}|`)
for (const m of measured) {
  if (m.error) continue
  const file = [...files, ...long].find((f) => basename(f) === m.file) ?? m.file
  const folioText = (m.extract ?? 0) + (m.normalize ?? 0)
  const cells = peers.map((peer) => {
    if (!peer.available) return 'not installed | –'
    if (peer.name === 'ebook-convert' && m.pages > 60) return 'skipped | –'
    const [command, args] = peer.args(file)
    const ms = timeCommand(command, args)
    const folioMs = peer.name === 'pdftotext' ? folioText : m.pipeline
    return `${fmt(ms)} | ${ms && folioMs ? fmt(folioMs / ms, 2) : '–'}`
  })
  log(`| ${m.file} | ${m.pages} | ${fmt(folioText)} | ${fmt(m.pipeline)} | ${cells.join(' | ')} |`)
}

log()
log('## Batch through the CLI (fixtures and corpus, html+epub+pdf)')
log()
const cli = join(root, 'apps/cli/dist/bin.js')
const batch: Record<number, number> = {}
for (const workers of [1, 2]) {
  const times: number[] = []
  for (let run = 0; run < Math.min(runs, 2); run++) {
    const out = join(tmp, `batch-${workers}`)
    rmSync(out, {recursive: true, force: true})
    const start = performance.now()
    spawnSync(
      process.execPath,
      [cli, 'convert', ...files, '--out', out, '--concurrency', String(workers), '--force', '--quiet'],
      {stdio: 'ignore'},
    )
    times.push(performance.now() - start)
  }
  batch[workers] = median(times)
}
const totalPages = measured
  .filter((m) => !m.error && files.some((f) => basename(f) === m.file))
  .reduce((sum, m) => sum + m.pages, 0)
log('| workers | files | pages | wall s | pages/s |')
log('|---:|---:|---:|---:|---:|')
for (const workers of [1, 2]) {
  log(
    `| ${workers} | ${files.length} | ${totalPages} | ${fmt((batch[workers] ?? 0) / 1000, 1)} | ${fmt(pps(totalPages, batch[workers]), 1)} |`,
  )
}
log()
log(`Speed-up at 2 workers: ${fmt((batch[1] ?? 0) / (batch[2] ?? 1), 2)}×`)

const text = measured.filter((m) => !m.error && m.pipeline && files.some((f) => basename(f) === m.file))
const pagesAll = text.reduce((s, m) => s + m.pages, 0)
const msAll = text.reduce((s, m) => s + (m.pipeline ?? 0), 0)
log()
log(`Whole pipeline over the fixtures and corpus: ${fmt(pps(pagesAll, msAll), 1)} pages/s on one core.`)
writeFileSync(join(root, 'bench/RESULTS.md'), `${lines.join('\n')}\n`)
