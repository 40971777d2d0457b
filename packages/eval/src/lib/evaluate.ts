import {existsSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import {basename, join} from 'node:path'
import type {Root} from '@folio/ast'
import {check, fromJson} from '@folio/ast'
import {listReports} from '@folio/fixtures'
import {Tinypool} from 'tinypool'
import {listCorpusGold} from './corpus.js'
import {type DocumentScore, score, type TotalScore, total} from './metrics.js'
import {emptyFound, type FileRun, type Found, runFile} from './pipeline.js'

export interface EvalOptions {
  /** Folder of fixture reports (one folder each, with a PDF and maybe `gold.json`). */
  reports: string
  /** Folder of PDFs without gold to survey; absent or missing on disk: skipped. */
  corpus?: string
  /**
   * Gold trees for PDFs outside the checkout: `gold` holds one folder per PDF
   * (`<name>/gold.json`), `pdfs` the PDFs (`<name>.pdf`). A gold whose PDF is
   * missing is a skipped row, never a failure.
   */
  corpusGold?: {gold: string; pdfs: string}
  /** Seconds one PDF may take before it is reported as failed (isolated runs only). */
  timeout?: number
  /** Run each PDF in a worker thread, so a hang or a crash stays with that file. Default true. */
  isolate?: boolean
  /** Memory limit of the worker in MB. */
  maxMemory?: number
  /** Called with one line per PDF as it is done. */
  onProgress?: (line: string) => void
  /** Only the fixtures and corpus files whose name contains one of these. */
  only?: readonly string[]
}

export interface GoldDocument {
  /** The fixture's name, or `corpus/<name>` for a gold tree of a corpus PDF. */
  name: string
  file: string
  score?: DocumentScore
  found: Found
  error?: string
  /** Why the document was not run (its PDF is not on this machine); not a failure. */
  skipped?: string
}

export interface SurveyDocument {
  /** `fixtures/<name>` for a fixture without gold, else the corpus file name. */
  name: string
  found: Found
  error?: string
}

export interface EvalReport {
  gold: {
    dir: string
    documents: GoldDocument[]
    total: TotalScore
    /** Documents that produced no score (the pipeline or their gold failed). */
    failed: number
    /** Documents not run because their PDF is absent. */
    skipped: number
  }
  survey: {
    documents: SurveyDocument[]
    corpus: {dir: string | null; skipped?: string}
  }
}

interface GoldInput {
  tree: Root
  artifacts: string[]
}

async function readGold(goldPath: string, artifactsPath: string | undefined): Promise<GoldInput> {
  let tree: Root
  try {
    tree = fromJson(await readFile(goldPath, 'utf8'))
  } catch (error) {
    throw new Error(`${goldPath}: ${(error as Error).message}`)
  }
  const problems = check(tree)
  if (problems.length > 0) {
    throw new Error(
      `${goldPath}: ${problems[0]!.message} (${problems.length} problem${problems.length > 1 ? 's' : ''})`,
    )
  }
  if (artifactsPath === undefined) return {tree, artifacts: []}
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(artifactsPath, 'utf8'))
  } catch (error) {
    throw new Error(`${artifactsPath}: ${(error as Error).message}`)
  }
  // A plain list of lines, or an object with the list in `lines`.
  const lines = Array.isArray(parsed) ? parsed : (parsed as {lines?: unknown} | null)?.lines
  if (!Array.isArray(lines) || !lines.every((line) => typeof line === 'string')) {
    throw new Error(`${artifactsPath}: Unexpected content, expected [string] or {"lines": [string]}`)
  }
  return {tree, artifacts: lines}
}

type Runner = {run: (path: string) => Promise<FileRun>; close: () => Promise<void>}

function makeRunner(options: EvalOptions): Runner {
  if (options.isolate === false) return {run: runFile, close: async () => {}}
  const timeout = options.timeout ?? 300
  const maxMemory = options.maxMemory ?? 4096
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 1000,
    resourceLimits: {maxOldGenerationSizeMb: maxMemory},
  })
  return {
    async run(path) {
      try {
        return (await pool.run({path}, {signal: AbortSignal.timeout(timeout * 1000)})) as FileRun
      } catch (error) {
        const name = (error as Error).name
        const message =
          name === 'AbortError' || name === 'TimeoutError'
            ? `timeout: Unexpected run time over ${timeout} s, expected less`
            : /memory/i.test(String((error as Error).message))
              ? `memory: Unexpected memory use over ${maxMemory} MB, expected less`
              : `crash: ${(error as Error).message}`
        return {file: basename(path), found: emptyFound(), diagnostics: [], furniture: [], error: message}
      }
    },
    close: () => pool.destroy(),
  }
}

/**
 * Runs the pipeline over every fixture report, the corpus gold trees and the
 * corpus: scores the fixtures and corpus PDFs that have a gold tree, surveys
 * the rest. One failing PDF is a row with an error, never an exception; a gold
 * tree whose PDF is absent is a skipped row.
 */
export async function evaluate(options: EvalOptions): Promise<EvalReport> {
  const progress = options.onProgress ?? (() => {})
  const runner = makeRunner(options)
  const documents: GoldDocument[] = []
  const survey: SurveyDocument[] = []
  const corpus: EvalReport['survey']['corpus'] = {dir: options.corpus ?? null}
  try {
    const wanted = (name: string): boolean =>
      options.only === undefined || options.only.some((part) => name.toLowerCase().includes(part.toLowerCase()))
    for (const report of listReports(options.reports)) {
      if (!wanted(report.name)) continue
      const run = await runner.run(report.pdf)
      if (report.gold === undefined) {
        survey.push(surveyRow(`fixtures/${report.name}`, run))
        progress(`${report.name}: no gold, surveyed${run.error ? ` (${run.error})` : ''}`)
        continue
      }
      const row = await scoreRow(report.name, run, report.gold, report.artifacts)
      documents.push(row)
      progress(`${report.name}: ${row.error ?? 'scored'}`)
    }

    const scoredCorpus = new Set<string>()
    if (options.corpusGold !== undefined) {
      for (const entry of listCorpusGold(options.corpusGold.gold, options.corpusGold.pdfs)) {
        const name = `corpus/${entry.name}`
        if (!wanted(entry.name)) continue
        if (!entry.present) {
          documents.push({name, file: `${entry.name}.pdf`, found: emptyFound(), skipped: 'source PDF not found'})
          progress(`${name}: skipped: source PDF not found (${entry.pdf})`)
          continue
        }
        const row = await scoreRow(name, await runner.run(entry.pdf), entry.gold, entry.artifacts)
        documents.push(row)
        scoredCorpus.add(`${entry.name}.pdf`)
        progress(`${name}: ${row.error ?? 'scored'}`)
      }
    }

    if (options.corpus === undefined) corpus.skipped = 'no corpus folder given'
    else if (!existsSync(options.corpus)) corpus.skipped = `${options.corpus} not found`
    else {
      const files = (await readdir(options.corpus))
        .filter((file) => file.toLowerCase().endsWith('.pdf') && wanted(file) && !scoredCorpus.has(file))
        .sort()
      for (const file of files) {
        const run = await runner.run(join(options.corpus, file))
        survey.push(surveyRow(file, run))
        progress(`${file}: ${run.error ?? 'surveyed'}`)
      }
    }
  } finally {
    await runner.close()
  }
  const scores = documents.flatMap((row) => (row.score ? [row.score] : []))
  const skipped = documents.filter((row) => row.skipped !== undefined).length
  return {
    gold: {
      dir: options.reports,
      documents,
      total: total(scores),
      failed: documents.length - scores.length - skipped,
      skipped,
    },
    survey: {documents: survey, corpus},
  }
}

async function scoreRow(
  name: string,
  run: FileRun,
  goldPath: string,
  artifactsPath: string | undefined,
): Promise<GoldDocument> {
  const row: GoldDocument = {name, file: run.file, found: run.found}
  try {
    const gold = await readGold(goldPath, artifactsPath)
    if (run.error !== undefined) row.error = run.error
    else if (run.tree) {
      const artifacts = [...new Set([...gold.artifacts, ...run.furniture])]
      row.score = score(gold.tree, run.tree, {artifacts})
    } else row.error = 'Unexpected run without a tree'
  } catch (error) {
    row.error = `gold: ${(error as Error).message}`
  }
  return row
}

function surveyRow(name: string, run: FileRun): SurveyDocument {
  return run.error === undefined ? {name, found: run.found} : {name, found: run.found, error: run.error}
}
