import {readFile} from 'node:fs/promises'
import {isAbsolute, relative} from 'node:path'
import type {CheckResult} from '@folio/check'
import {checkPdf, formatFailure, formatVerdict} from '@folio/check'
import type {ArgsDef} from 'citty'
import {expandInputs, UsageError} from './inputs.js'
import {VERSION} from './version.js'

export const checkArgs = {
  json: {type: 'boolean', description: 'Print one JSON document with every file’s result on stdout'},
} as const satisfies ArgsDef

export type CheckArgs = {[K in keyof typeof checkArgs]?: string | boolean | undefined} & {_: string[]}

/** What `folio check --json` prints. */
export interface CheckReport {
  tool: {name: 'folio'; version: string}
  summary: {files: number; passed: number; failed: number}
  files: Array<Omit<CheckResult, 'structure' | 'file'> & {file: string}>
}

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
function display(path: string, cwd: string): string {
  const rel = relative(cwd, path)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

async function checkFile(path: string, file: string): Promise<CheckResult> {
  let data: Uint8Array
  try {
    data = new Uint8Array(await readFile(path))
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    return {
      file,
      passed: false,
      pages: 0,
      structure: [],
      failures: [{rule: 'unreadable', message: `Unexpected ${reason} reading the file, expected a readable file`}],
    }
  }
  return checkPdf(data, {file})
}

/**
 * Check PDF files against the machine-checkable PDF/UA-1 rules. Prints one
 * line per failure (`file:page rule message`) and a verdict per file on
 * stdout, or one JSON report with `--json`. Resolves to the exit code:
 * 0 every file passes, 1 some file fails.
 */
export async function check(args: CheckArgs, cwd: string = process.cwd()): Promise<number> {
  const unknownFlag = args._.find((arg) => arg.startsWith('-'))
  if (unknownFlag) throw new UsageError(`Unexpected option \`${unknownFlag}\``)
  if (args._.length === 0) throw new UsageError('Unexpected missing input, expected PDF files, directories or globs')
  const inputs = await expandInputs(args._, cwd)
  if (inputs.length === 0) throw new UsageError(`Unexpected inputs without PDF files: ${args._.join(' ')}`)
  const json = args.json === true
  const report: CheckReport = {
    tool: {name: 'folio', version: VERSION},
    summary: {files: inputs.length, passed: 0, failed: 0},
    files: [],
  }
  for (const input of inputs) {
    const file = display(input.path, cwd)
    const result = await checkFile(input.path, file)
    if (result.passed) report.summary.passed++
    else report.summary.failed++
    if (json) {
      report.files.push({file, passed: result.passed, pages: result.pages, failures: result.failures})
      continue
    }
    let out = ''
    for (const failure of result.failures) out += `${formatFailure(file, failure)}\n`
    process.stdout.write(`${out}${formatVerdict(file, result)}\n`)
  }
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else if (inputs.length > 1) {
    process.stderr.write(`${report.summary.passed} passed, ${report.summary.failed} failed of ${inputs.length} files\n`)
  }
  return report.summary.failed > 0 ? 1 : 0
}
