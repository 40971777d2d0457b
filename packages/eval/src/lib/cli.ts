import {mkdir, writeFile} from 'node:fs/promises'
import {dirname, resolve} from 'node:path'
import {reportsDir} from '@folio/fixtures'
import type {ArgsDef} from 'citty'
import {defineCommand, parseArgs, renderUsage} from 'citty'
import {corpusGoldDir, defaultCorpus} from './corpus.js'
import {type EvalOptions, evaluate} from './evaluate.js'
import {formatReport} from './report.js'

/** Exit codes: 0 all gold fixtures scored, 1 a gold fixture failed or none was found, 2 bad usage. */
export const EXIT = {ok: 0, failed: 1, usage: 2} as const

const args = {
  reports: {type: 'string', description: `Folder of fixture reports (default: ${reportsDir})`},
  corpus: {type: 'string', description: 'Folder of PDFs without gold to survey (default: ../shared/corpus)'},
  'no-corpus': {type: 'boolean', description: 'Skip the survey of the corpus'},
  'corpus-gold': {
    type: 'string',
    description: `Folder of gold trees for corpus PDFs, one folder per PDF (default: ${corpusGoldDir})`,
  },
  'no-corpus-gold': {type: 'boolean', description: 'Skip the gold trees of corpus PDFs'},
  json: {type: 'string', description: 'Write the results as JSON to this file (default: eval-results.json)'},
  timeout: {type: 'string', description: 'Seconds allowed per PDF (default: 300)'},
  only: {
    type: 'string',
    description: 'Only the fixtures and corpus PDFs whose name contains one of these (comma-separated)',
  },
  'in-process': {type: 'boolean', description: 'Run every PDF in this process instead of a worker thread'},
  help: {type: 'boolean', alias: 'h', description: 'Show this help'},
} as const satisfies ArgsDef

const command = defineCommand({
  meta: {name: 'folio-eval', description: 'Score the pipeline against the gold fixtures and survey PDFs without gold'},
  args,
})

class UsageError extends Error {}

/** Runs the eval; resolves to the exit code. Tables go to stdout, progress to stderr. */
export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  try {
    // `pnpm eval -- --no-corpus` hands the separator on: drop it.
    const parsed = parseArgs(argv[0] === '--' ? argv.slice(1) : argv, args)
    if (parsed.help) {
      process.stdout.write(`${await renderUsage(command)}\n`)
      return EXIT.ok
    }
    if (parsed._.length > 0) throw new UsageError(`Unexpected argument \`${parsed._[0]}\`, expected options only`)
    const timeout = parsed.timeout === undefined ? 300 : Number(parsed.timeout)
    if (!Number.isInteger(timeout) || timeout < 1) {
      throw new UsageError(`Unexpected --timeout \`${parsed.timeout}\`, expected a positive integer`)
    }
    const options: EvalOptions = {
      reports: parsed.reports ? resolve(cwd, parsed.reports) : reportsDir,
      timeout,
      isolate: parsed['in-process'] !== true,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    }
    const only: unknown = parsed.only
    if (typeof only === 'string') {
      const parts = only
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
      if (parts.length === 0) throw new UsageError('Unexpected empty --only, expected names')
      options.only = parts
    }
    // The parser reads `--no-corpus` as `corpus: false`.
    const corpus: unknown = parsed.corpus
    if (corpus !== false && parsed['no-corpus'] !== true) {
      options.corpus = typeof corpus === 'string' && corpus ? resolve(cwd, corpus) : defaultCorpus
    }
    // The gold trees of corpus PDFs are scored against the corpus folder even when its survey is skipped.
    const corpusGold: unknown = parsed['corpus-gold']
    if (corpusGold !== false && parsed['no-corpus-gold'] !== true) {
      options.corpusGold = {
        gold: typeof corpusGold === 'string' && corpusGold ? resolve(cwd, corpusGold) : corpusGoldDir,
        pdfs: typeof corpus === 'string' && corpus ? resolve(cwd, corpus) : defaultCorpus,
      }
    }
    const report = await evaluate(options)
    process.stdout.write(formatReport(report))
    const jsonPath = resolve(cwd, parsed.json ?? 'eval-results.json')
    await mkdir(dirname(jsonPath), {recursive: true})
    await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`)
    process.stderr.write(`Results written to ${jsonPath}\n`)
    const run = report.gold.documents.length - report.gold.skipped
    return run === 0 || report.gold.failed > 0 ? EXIT.failed : EXIT.ok
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`folio-eval: ${error.message}\n`)
      return EXIT.usage
    }
    throw error
  }
}
