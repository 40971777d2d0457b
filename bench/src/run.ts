/**
 * `pnpm bench`: pages per second of every stage and of the whole pipeline,
 * peak memory, a batch at 1 and 2 workers, and the peers a user would reach
 * for (pdftotext, mutool, calibre's ebook-convert) on the same files.
 * Writes bench/RESULTS.md. A benchmark, never a test.
 *
 * Fairness: every file is measured in a fresh process; its first pass (module
 * loading, pdf.js' font data, word lists, render fonts) is reported apart and
 * the stage figures are medians of the passes after it. Pages per second are
 * per core, from the process's CPU time, which other jobs on a shared machine
 * do not inflate; wall times are printed beside them. Peers are timed with
 * /usr/bin/time when it is there, so their CPU time is compared too.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, loadavg, totalmem} from 'node:os'
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

const timeTool = existsSync('/usr/bin/time')

/**
 * Wall and CPU ms of one command (CPU only with /usr/bin/time), run `times`
 * times in a row under one timer and divided, so that a peer's few
 * milliseconds are not lost to the timer's 10 ms steps; undefined when it fails.
 */
function runTimed(command: string, args: string[], times = 1, anyExit = false): Timed | undefined {
  const quote = (arg: string) => `'${arg.replace(/'/g, "'\\''")}'`
  const line = [command, ...args].map(quote).join(' ')
  const script = times === 1 ? `exec ${line}` : `i=0; while [ $i -lt ${times} ]; do ${line} || exit 1; i=$((i+1)); done`
  const start = performance.now()
  const result = timeTool
    ? spawnSync('/usr/bin/time', ['-f', 'FOLIO-TIME %U %S', 'sh', '-c', script], {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      })
    : spawnSync('sh', ['-c', script], {stdio: 'ignore'})
  const wall = (performance.now() - start) / times
  if (result.status !== 0 && !(anyExit && result.status !== null)) return undefined
  const found = /FOLIO-TIME ([\d.]+) ([\d.]+)/.exec(String(result.stderr ?? ''))
  return {wall, cpu: found ? ((Number(found[1]) + Number(found[2])) * 1000) / times : undefined}
}

interface Timed {
  wall: number
  cpu: number | undefined
}

/** Median wall and CPU ms of a command over `runs` runs; undefined when it fails. */
function timeCommand(command: string, args: string[]): Timed | undefined {
  const probe = runTimed(command, args)
  if (!probe) return undefined
  // Enough repetitions per run for about half a second under the timer.
  const repeat = Math.min(25, Math.max(1, Math.ceil(500 / Math.max(probe.wall, 1))))
  const times: Timed[] = []
  for (let run = 0; run < runs; run++) {
    const timed = runTimed(command, args, repeat)
    if (!timed) return undefined
    times.push(timed)
  }
  const cpu = times.map((t) => t.cpu).filter((n): n is number => n !== undefined)
  return {wall: median(times.map((t) => t.wall)), cpu: cpu.length === times.length ? median(cpu) : undefined}
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
  extractCpu?: number
  normalizeCpu?: number
  htmlCpu?: number
  epubCpu?: number
  pdfCpu?: number
  pipelineCpu?: number
  first?: number
  firstCpu?: number
  warm?: string
  error?: string
}

function measure(file: string, warm?: string, passes = runs): Measure {
  const args = [join(here, 'measure.js'), file, String(passes), 'extract,normalize,html,epub,pdf']
  if (warm) args.push(warm)
  // The heap limit of the CLI's workers (--max-memory's default), so peak memory is what a user sees.
  const result = spawnSync(process.execPath, ['--max-old-space-size=4096', ...args], {encoding: 'utf8'})
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
// BENCH_ONLY (a regular expression on file names) narrows the run, for a quick look.
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined
if (only) files.splice(0, files.length, ...files.filter((f) => only.test(basename(f))))
const long = has('qpdf', ['--version'])
  ? [50, 200, 1000].map(longReport).filter((f): f is string => f !== undefined && (!only || only.test(basename(f))))
  : []

const lines: string[] = []
const results = join(root, 'bench/RESULTS.md')
const log = (line = '') => {
  lines.push(line)
  process.stdout.write(`${line}\n`)
  // Written as it goes, so a long run that is stopped still leaves what it measured.
  writeFileSync(results, `${lines.join('\n')}\n`)
}

log('# Folio benchmark')
log()
const loadBefore = loadavg()
log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform} ${process.arch}. Load average at start ${loadBefore.map((n) => n.toFixed(1)).join(' / ')} (1/5/15 min).`,
)
log()
log(
  `Every file runs in a fresh process: a first pass (module loading, pdf.js font data, word lists, render fonts; the long reports warm up on the ${basename(report)} instead) is reported apart, then ${runs} measured pass${runs === 1 ? '' : 'es'}; figures are medians of those. Pages per second are per core, from the process's CPU time (user + system), which other jobs on a shared machine do not inflate; wall times beside them. Peak memory (maxRSS) is that of one conversion alone in a process of its own, with the CLI's heap limit.`,
)
log()
log('## Stages (pages per second per core) and peak memory')
log()
log(
  '| file | pages | extract | normalize | html | epub | pdf | pipeline | pipeline CPU ms | pipeline wall ms | first pass CPU ms | peak MB |',
)
log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
const measured: Measure[] = []
for (const file of [...files, ...long]) {
  const m = measure(file, long.includes(file) ? report : undefined)
  // Peak memory of one conversion alone, in its own process (the timed passes leave garbage).
  if (!m.error) m.maxRssMb = measure(file, undefined, 0).maxRssMb
  measured.push(m)
  if (m.error) {
    log(`| ${m.file} | – | failed: ${m.error.replace(/\|/g, '/')} | | | | | | | | | |`)
    continue
  }
  const cells = [m.extractCpu, m.normalizeCpu, m.htmlCpu, m.epubCpu, m.pdfCpu, m.pipelineCpu].map((ms) =>
    fmt(pps(m.pages, ms)),
  )
  log(
    `| ${m.file} | ${m.pages} | ${cells.join(' | ')} | ${fmt(m.pipelineCpu)} | ${fmt(m.pipeline)} | ${fmt(m.firstCpu)}${m.warm ? ` (${m.warm})` : ''} | ${m.maxRssMb} |`,
  )
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
  `Folio's times are CPU ms of its measured passes; a peer's are CPU ms${timeTool ? '' : ' (wall: /usr/bin/time is missing)'}, medians of ${runs} runs. pdftotext is set against extract + normalize, the others against the whole pipeline to three editions.`,
)
log()
log(
  `| file | pages | Folio extract+normalize ms | Folio pipeline ms | ${peers.map((p) => `${p.name} ms | ratio`).join(' | ')} |`,
)
log(`|---|---:|---:|---:|${peers.map(() => '---:|---:').join('|')}|`)
const textRatios: number[] = []
for (const m of measured) {
  if (m.error) continue
  const file = [...files, ...long].find((f) => basename(f) === m.file) ?? m.file
  const folioText = (m.extractCpu ?? 0) + (m.normalizeCpu ?? 0)
  const cells = peers.map((peer) => {
    if (!peer.available) return 'not installed | –'
    if (peer.name === 'ebook-convert' && m.pages > 60) return 'skipped | –'
    const [command, args] = peer.args(file)
    const timed = timeCommand(command, args)
    const ms = timed?.cpu ?? timed?.wall
    const folioMs = peer.name === 'pdftotext' ? folioText : m.pipelineCpu
    const ratio = ms && folioMs ? folioMs / ms : undefined
    if (peer.name === 'pdftotext' && ratio !== undefined) textRatios.push(ratio)
    return `${fmt(ms)} | ${fmt(ratio, 1)}`
  })
  log(`| ${m.file} | ${m.pages} | ${fmt(folioText)} | ${fmt(m.pipelineCpu)} | ${cells.join(' | ')} |`)
}

log()
log('## Batch through the CLI (fixtures and corpus, html+epub+pdf)')
log()
const cli = join(root, 'apps/cli/dist/bin.js')
const batch: Record<number, number> = {}
const batchCpu: Record<number, number | undefined> = {}
for (const workers of [1, 2]) {
  const times: Timed[] = []
  for (let run = 0; run < Math.min(runs, 2); run++) {
    const out = join(tmp, `batch-${workers}`)
    rmSync(out, {recursive: true, force: true})
    const timed = runTimed(
      process.execPath,
      [cli, 'convert', ...files, '--out', out, '--concurrency', String(workers), '--force', '--quiet'],
      1,
      // The CLI exits with 1 when a file fails (the image-only PDF has no text layer): still timed.
      true,
    )
    if (timed) times.push(timed)
  }
  batch[workers] = median(times.map((t) => t.wall))
  const cpu = times.map((t) => t.cpu).filter((n): n is number => n !== undefined)
  batchCpu[workers] = cpu.length > 0 ? median(cpu) : undefined
}
const totalPages = measured
  .filter((m) => !m.error && files.some((f) => basename(f) === m.file))
  .reduce((sum, m) => sum + m.pages, 0)
log('| workers | files | pages | wall s | CPU s | pages/s (wall) |')
log('|---:|---:|---:|---:|---:|---:|')
for (const workers of [1, 2]) {
  log(
    `| ${workers} | ${files.length} | ${totalPages} | ${fmt((batch[workers] ?? 0) / 1000, 1)} | ${fmt((batchCpu[workers] ?? Number.NaN) / 1000, 1)} | ${fmt(pps(totalPages, batch[workers]), 1)} |`,
  )
}
const speedUp = (batch[1] ?? 0) / (batch[2] ?? 1)
log()
log(`Speed-up at 2 workers: ${fmt(speedUp, 2)}× (wall; it needs two idle cores to show).`)

const inFiles = (m: Measure) => !m.error && m.pipelineCpu !== undefined && files.some((f) => basename(f) === m.file)
const sumPps = (list: Measure[]) =>
  pps(
    list.reduce((sum, m) => sum + m.pages, 0),
    list.reduce((sum, m) => sum + (m.pipelineCpu ?? 0), 0),
  )
const fixturesDir = join(root, 'fixtures/reports')
const fixtureMeasures = measured.filter(
  (m) => inFiles(m) && files.some((f) => f.startsWith(fixturesDir) && basename(f) === m.file),
)
const longMeasures = measured.filter((m) => !m.error && long.some((f) => basename(f) === m.file))
const peak = (pages: number) => measured.find((m) => m.file === `report-${pages}p.pdf`)?.maxRssMb
const loadAfter = loadavg()
log()
log('## Against the targets')
log()
log('| target | measured | met |')
log('|---|---|---|')
const textPps = sumPps([...fixtureMeasures, ...longMeasures])
log(
  `| whole pipeline to three editions ≥ 50 pages/s per core on text reports | ${fmt(textPps, 1)} pages/s (fixtures and long reports); ${fmt(sumPps(measured.filter(inFiles)), 1)} over fixtures and corpus | ${textPps !== undefined && textPps >= 50 ? 'yes' : 'no'} |`,
)
const textRatio = textRatios.length > 0 ? median(textRatios) : undefined
log(
  `| extract + normalize within 3× of pdftotext | median ratio ${fmt(textRatio, 1)}× (best ${fmt(Math.min(...textRatios), 1)}×) | ${textRatio !== undefined && textRatio <= 3 ? 'yes' : 'no'} |`,
)
const p50 = peak(50)
const p200 = peak(200)
const p1000 = peak(1000)
log(
  `| peak memory < 400 MB on the 1,000-page report, growing less than linearly | ${p50 ?? '–'} / ${p200 ?? '–'} / ${p1000 ?? '–'} MB at 50 / 200 / 1,000 pages | ${p1000 !== undefined && p1000 < 400 ? 'yes' : 'no'} (growth ${p200 && p1000 ? (p1000 / p200 < 5 ? 'sublinear' : 'linear or worse') : '–'}) |`,
)
log(`| 2 workers ≥ 1.8× as fast as 1 | ${fmt(speedUp, 2)}× | ${speedUp >= 1.8 ? 'yes' : 'no'} |`)
log()
log(`Load average at the end ${loadAfter.map((n) => n.toFixed(1)).join(' / ')} (1/5/15 min).`)
const findings = join(root, 'bench/PROFILE.md')
if (existsSync(findings)) {
  log()
  for (const line of readFileSync(findings, 'utf8').trimEnd().split('\n')) log(line)
}
