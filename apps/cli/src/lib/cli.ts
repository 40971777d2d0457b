import {mkdir, readFile, stat, writeFile} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import {dirname, relative, resolve, sep} from 'node:path'
import {performance} from 'node:perf_hooks'
import type {ArgsDef, CommandDef} from 'citty'
import {defineCommand, renderUsage, runCommand} from 'citty'
import {Presets, SingleBar} from 'cli-progress'
import {Tinypool} from 'tinypool'
import {cacheWriter, isFresh, readCache, remember} from './cache.js'
import {type CheckArgs, check, checkArgs} from './check.js'
import type {FileConfig} from './config.js'
import {loadConfig} from './config.js'
import type {Input} from './inputs.js'
import {expandInputs, outputBase, parseShard, shard, UsageError} from './inputs.js'
import {inspectFile, parsePages} from './inspect.js'
import {cacheKey} from './pipeline.js'
import type {Report} from './report.js'
import {summarize, toJunit} from './report.js'
import type {ConvertOptions, Edition, FileResult, Task} from './types.js'
import {DEFAULT_EDITIONS, EDITIONS} from './types.js'
import {VERSION} from './version.js'

/** Exit codes, documented in the README. */
export const EXIT = {ok: 0, failed: 1, usage: 2} as const

/** The PDFs a batch command reads. */
const inputsArg = {
  type: 'positional',
  required: false,
  description: 'PDF files, directories (recursive) or globs',
  valueHint: 'file.pdf|dir|glob',
} as const

const convertArgs = {
  out: {
    type: 'string',
    alias: 'o',
    description: 'Directory for the editions (mirrors the input tree)',
    valueHint: 'dir',
  },
  to: {type: 'string', description: `Editions, comma-separated: ${EDITIONS.join(', ')} (default: html,epub,pdf)`},
  concurrency: {type: 'string', alias: 'j', description: 'Files converted at once on worker threads (default: cores)'},
  password: {type: 'string', description: 'Password for encrypted PDFs'},
  'page-size': {type: 'string', description: 'Page size of the PDF edition: A4 or Letter (default: A4)'},
  lang: {type: 'string', description: 'Document language (BCP 47) when the PDF does not say'},
  strict: {type: 'boolean', description: 'Treat warnings as failures (exit 1)'},
  force: {type: 'boolean', description: 'Convert even files unchanged since the last run'},
  shard: {type: 'string', description: 'Convert only shard i of n of the sorted inputs (1-based), e.g. 2/4'},
  report: {type: 'string', description: 'Write a JSON report to this file'},
  junit: {type: 'string', description: 'Write a JUnit XML report to this file'},
  timeout: {type: 'string', description: 'Seconds allowed per file (default: 300)'},
  'max-memory': {type: 'string', description: 'Heap limit per worker in MB (default: 4096)'},
  config: {type: 'string', description: 'Config file (default: folio.config.json, or "folio" in package.json)'},
  quiet: {type: 'boolean', alias: 'q', description: 'Print only failures and the summary'},
  verbose: {type: 'boolean', alias: 'v', description: 'Print info diagnostics too'},
} as const satisfies ArgsDef

type ConvertArgs = {[K in keyof typeof convertArgs]?: string | boolean | undefined} & {_: string[]}

function positiveInteger(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new UsageError(`Unexpected --${name} \`${String(value)}\`, expected a positive integer`)
  return number
}

function parseEditions(value: string | string[] | undefined): Edition[] {
  if (value === undefined) return DEFAULT_EDITIONS
  const names = (Array.isArray(value) ? value : value.split(','))
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  for (const name of names) {
    if (!(EDITIONS as readonly string[]).includes(name)) {
      throw new UsageError(`Unexpected edition \`${name}\`, expected one of ${EDITIONS.join(', ')}`)
    }
  }
  if (names.length === 0) throw new UsageError('Unexpected empty --to, expected at least one edition')
  return [...new Set(names)] as Edition[]
}

function describe(result: FileResult): string {
  if (result.status === 'failed') return `✖ ${result.input}: ${result.error?.message ?? 'failed'}`
  if (result.status === 'skipped') return `- ${result.input} (unchanged, skipped)`
  const total = Object.values(result.timings).reduce((sum, ms) => sum + ms, 0)
  return `✔ ${result.input} (${result.pages ?? 0} pages, ${Math.round(total)} ms)`
}

/** How many diagnostics of one rule a file prints before the rest are summed up in a line. */
const SHOWN_PER_RULE = 5

function printDiagnostics(result: FileResult, verbose: boolean, write: (line: string) => void): void {
  const shown = result.diagnostics.filter((d) => verbose || d.severity !== 'info')
  const byRule = new Map<string, typeof shown>()
  for (const d of shown) {
    const list = byRule.get(d.ruleId)
    if (list) list.push(d)
    else byRule.set(d.ruleId, [d])
  }
  for (const [ruleId, list] of byRule) {
    for (const d of list.slice(0, SHOWN_PER_RULE)) {
      write(`  ${result.input}:${d.place?.page ?? ''} ${d.severity} ${d.ruleId} ${d.message}`)
    }
    const rest = list.slice(SHOWN_PER_RULE)
    if (rest.length === 0) continue
    const pages = rest.map((d) => d.place?.page).filter((page): page is number => page !== undefined)
    const span =
      pages.length > 0
        ? ` on pages ${pages.reduce((a, b) => Math.min(a, b))}–${pages.reduce((a, b) => Math.max(a, b))}`
        : ''
    write(`  ${result.input}: … and ${rest.length} more ${ruleId}${span} (all of them in --report)`)
  }
}

export async function convert(args: ConvertArgs, cwd: string = process.cwd()): Promise<number> {
  const unknownFlag = args._.find((arg) => arg.startsWith('-'))
  if (unknownFlag) throw new UsageError(`Unexpected option \`${unknownFlag}\``)
  const config: FileConfig = await loadConfig(cwd, typeof args.config === 'string' ? args.config : undefined)
  if (typeof args.out !== 'string' || args.out === '')
    throw new UsageError('Unexpected missing --out, expected a directory')
  if (args._.length === 0) throw new UsageError('Unexpected missing input, expected PDF files, directories or globs')

  const pageSize = (args['page-size'] as string | undefined) ?? config.pageSize
  if (pageSize !== undefined && pageSize !== 'A4' && pageSize !== 'Letter') {
    throw new UsageError(`Unexpected --page-size \`${pageSize}\`, expected A4 or Letter`)
  }
  const options: ConvertOptions = {to: parseEditions((args.to as string | undefined) ?? config.to)}
  const password = (args.password as string | undefined) ?? config.password
  if (password !== undefined) options.password = password
  if (pageSize !== undefined) options.pageSize = pageSize
  const lang = (args.lang as string | undefined) ?? config.lang
  if (lang !== undefined) options.lang = lang
  const concurrency = positiveInteger(args.concurrency ?? config.concurrency, 'concurrency') ?? availableParallelism()
  const timeout = positiveInteger(args.timeout ?? config.timeout, 'timeout') ?? 300
  const maxMemory = positiveInteger(args['max-memory'] ?? config.maxMemory, 'max-memory') ?? 4096
  const shardSpec = typeof args.shard === 'string' ? parseShard(args.shard) : undefined
  const quiet = args.quiet === true
  const verbose = args.verbose === true
  const out = resolve(cwd, args.out)

  // Editions written into a folder that is also an input are not inputs themselves.
  let inputs = (await expandInputs(args._, cwd)).filter((input) => !input.path.startsWith(out + sep))
  if (inputs.length === 0) throw new UsageError(`Unexpected inputs without PDF files: ${args._.join(' ')}`)
  if (shardSpec) inputs = shard(inputs, shardSpec)

  const started = performance.now()
  const write = (line: string) => process.stderr.write(`${line}\n`)
  const cache = await readCache(out)
  await mkdir(out, {recursive: true})
  const cacheFile = cacheWriter(out, cache)
  const results: FileResult[] = new Array(inputs.length)
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    maxThreads: Math.min(concurrency, Math.max(inputs.length, 1)),
    minThreads: 0,
    idleTimeout: 1000,
    resourceLimits: {maxOldGenerationSizeMb: maxMemory},
  })

  // A live bar on a terminal; one plain line per file in CI, in logs and with --quiet.
  const live = process.stderr.isTTY === true && !process.env.CI && !quiet
  const bar = live
    ? new SingleBar(
        {
          format: ' {bar} {value}/{total} files | ETA {eta_formatted} | {file}',
          hideCursor: true,
          stream: process.stderr,
        },
        Presets.shades_classic,
      )
    : undefined
  bar?.start(inputs.length, 0, {file: ''})
  const failures: FileResult[] = []
  let done = 0
  const report = (result: FileResult, index: number) => {
    results[index] = result
    done++
    if (bar) {
      bar.increment({file: result.input})
      if (result.status === 'failed' || result.diagnostics.length > 0) failures.push(result)
      return
    }
    if (!quiet || result.status === 'failed') write(`[${done}/${inputs.length}] ${describe(result)}`)
    if (!quiet) printDiagnostics(result, verbose, write)
  }

  // The pool takes tasks in the order they come: largest files first, so a
  // big report does not start last and leave the other workers idle.
  const sizes = await Promise.all(
    inputs.map((input) =>
      stat(input.path).then(
        (info) => info.size,
        () => 0,
      ),
    ),
  )
  const order = inputs.map((_, index) => index).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b)
  await Promise.all(
    order.map(async (index) => {
      const input = inputs[index] as Input
      const task: Task = {
        input: input.path,
        display: relative(cwd, input.path) || input.path,
        outBase: outputBase(out, input),
        options,
      }
      if (args.force !== true) {
        const data = await readFile(input.path).catch(() => undefined)
        if (data && (await isFresh(cache, task.display, cacheKey(data, options, VERSION)))) {
          report({input: task.display, status: 'skipped', timings: {}, outputs: [], diagnostics: []}, index)
          return
        }
      }
      let result: FileResult
      try {
        result = await pool.run({task, version: VERSION}, {signal: AbortSignal.timeout(timeout * 1000)})
      } catch (error) {
        const name = (error as Error).name
        const message =
          name === 'AbortError' || name === 'TimeoutError'
            ? `Unexpected conversion time over ${timeout} s, expected less (--timeout)`
            : /memory/i.test(String((error as Error).message))
              ? `Unexpected memory use over ${maxMemory} MB, expected less (--max-memory)`
              : `Unexpected crash: ${(error as Error).message}`
        result = {
          input: task.display,
          status: 'failed',
          timings: {},
          outputs: [],
          diagnostics: [],
          error: {code: 'limit', message},
        }
      }
      if (
        result.status === 'converted' &&
        args.strict === true &&
        result.diagnostics.some((d) => d.severity === 'warning')
      ) {
        result.status = 'failed'
        result.error = {code: 'strict', message: 'Unexpected warnings with --strict'}
      }
      remember(cache, result)
      if (result.status === 'converted') await cacheFile.save()
      report(result, index)
    }),
  )
  await pool.destroy()
  if (bar) {
    bar.stop()
    for (const result of failures) {
      write(describe(result))
      printDiagnostics(result, verbose, write)
    }
  }

  const summary = summarize(results, performance.now() - started)
  await cacheFile.save()
  const full: Report = {tool: {name: 'folio', version: VERSION}, summary, files: results}
  if (typeof args.report === 'string') {
    await mkdir(dirname(resolve(cwd, args.report)), {recursive: true})
    await writeFile(resolve(cwd, args.report), `${JSON.stringify(full, null, 2)}\n`)
  }
  if (typeof args.junit === 'string') {
    await mkdir(dirname(resolve(cwd, args.junit)), {recursive: true})
    await writeFile(resolve(cwd, args.junit), toJunit(full))
  }
  write(
    `${summary.converted} converted, ${summary.skipped} skipped, ${summary.failed} failed, ${summary.warnings} warnings in ${(summary.milliseconds / 1000).toFixed(1)} s`,
  )
  return summary.failed > 0 ? EXIT.failed : EXIT.ok
}

const convertCommand = defineCommand({
  meta: {name: 'convert', description: 'Convert PDF reports into accessible HTML, EPUB and PDF/UA editions'},
  args: {
    inputs: inputsArg,
    ...convertArgs,
  },
  async run({args}) {
    process.exitCode = await convert(args as unknown as ConvertArgs)
  },
})

const inspectArgs = {
  out: {type: 'string', alias: 'o', description: 'Directory for the inspection page', valueHint: 'dir'},
  password: {type: 'string', description: 'Password for an encrypted PDF'},
  pages: {type: 'string', description: 'Pages to show, e.g. 1-3,7 (default: all)'},
  scale: {type: 'string', description: 'Pixels per PDF point of the page images (default: 1.5)'},
} as const satisfies ArgsDef

type InspectArgs = {[K in keyof typeof inspectArgs]?: string | boolean | undefined} & {_: string[]}

export async function inspect(args: InspectArgs, cwd: string = process.cwd()): Promise<number> {
  const unknownFlag = args._.find((arg) => arg.startsWith('-'))
  if (unknownFlag) throw new UsageError(`Unexpected option \`${unknownFlag}\``)
  if (typeof args.out !== 'string' || args.out === '')
    throw new UsageError('Unexpected missing --out, expected a directory')
  const [input, ...rest] = args._
  if (input === undefined) throw new UsageError('Unexpected missing input, expected one PDF file')
  if (rest.length > 0) throw new UsageError(`Unexpected second input \`${rest[0]}\`, expected one PDF file`)
  let scale: number | undefined
  if (args.scale !== undefined) {
    scale = Number(args.scale)
    if (!(Number.isFinite(scale) && scale > 0 && scale <= 10))
      throw new UsageError(`Unexpected --scale \`${String(args.scale)}\`, expected a number above 0 and at most 10`)
  }
  const options: Parameters<typeof inspectFile>[1] = {out: resolve(cwd, args.out)}
  if (typeof args.password === 'string') options.password = args.password
  if (typeof args.pages === 'string') options.pages = parsePages(args.pages)
  if (scale !== undefined) options.scale = scale
  try {
    const result = await inspectFile(resolve(cwd, input), options)
    process.stderr.write(
      `✔ ${input} → ${relative(cwd, result.path) || result.path} (${result.pages} pages, ${result.blocks} blocks)\n`,
    )
    return EXIT.ok
  } catch (error) {
    if (error instanceof UsageError) throw error
    process.stderr.write(`✖ ${input}: ${(error as Error)?.message ?? String(error)}\n`)
    return EXIT.failed
  }
}

const inspectCommand = defineCommand({
  meta: {
    name: 'inspect',
    description: 'Write an HTML page showing each page with the blocks Folio found, by kind and in reading order',
  },
  args: {
    input: {type: 'positional', required: false, description: 'One PDF file', valueHint: 'file.pdf'},
    ...inspectArgs,
  },
  async run({args}) {
    process.exitCode = await inspect(args as unknown as InspectArgs)
  },
})

const checkCommand = defineCommand({
  meta: {
    name: 'check',
    description: 'Check PDFs against the machine-checkable PDF/UA-1 rules (veraPDF profile, Matterhorn Protocol)',
  },
  args: {
    inputs: inputsArg,
    ...checkArgs,
  },
  async run({args}) {
    process.exitCode = await check(args as unknown as CheckArgs)
  },
})

export const mainCommand = defineCommand({
  meta: {
    name: 'folio',
    version: VERSION,
    description: 'Accessible editions (HTML, EPUB 3, tagged PDF/UA) of report PDFs',
  },
  subCommands: {convert: convertCommand, inspect: inspectCommand, check: checkCommand},
})

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first] = argv
  const subs: Record<string, {command: CommandDef; args: ArgsDef}> = {
    convert: {command: convertCommand as unknown as CommandDef, args: convertArgs},
    inspect: {command: inspectCommand as unknown as CommandDef, args: inspectArgs},
    check: {command: checkCommand as unknown as CommandDef, args: checkArgs},
  }
  const chosen = first === undefined ? undefined : subs[first]
  const sub = chosen?.command
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
    process.stdout.write(
      `${await renderUsage(sub ?? (mainCommand as unknown as CommandDef), sub ? (mainCommand as unknown as CommandDef) : undefined)}\n`,
    )
    return argv.length === 0 ? EXIT.usage : EXIT.ok
  }
  if (argv.includes('--version')) {
    process.stdout.write(`${VERSION}\n`)
    return EXIT.ok
  }
  if (!sub) {
    process.stderr.write(
      `folio: Unexpected command \`${first}\`, expected convert, inspect or check (see folio --help)\n`,
    )
    return EXIT.usage
  }
  const known = new Set<string>()
  for (const [name, def] of Object.entries(chosen?.args ?? {})) {
    known.add(`--${name}`)
    known.add(`--no-${name}`)
    if ('alias' in def) known.add(`-${def.alias}`)
  }
  const unknown = argv.slice(1).find((arg) => arg.startsWith('-') && !known.has(arg.split('=')[0] ?? arg))
  if (unknown) {
    process.stderr.write(`folio: Unexpected option \`${unknown}\` (see folio ${first} --help)\n`)
    return EXIT.usage
  }
  try {
    process.exitCode = EXIT.ok
    await runCommand(mainCommand, {rawArgs: argv})
    return Number(process.exitCode ?? EXIT.ok)
  } catch (error) {
    if (error instanceof UsageError || (error as {name?: string}).name === 'CLIError') {
      process.stderr.write(`folio: ${(error as Error).message} (see folio ${first} --help)\n`)
      return EXIT.usage
    }
    throw error
  }
}
