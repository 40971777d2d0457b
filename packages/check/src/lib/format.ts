import type {CheckResult, Failure} from './types.js'

/** One line per failure: `file:page rule message` (the page is empty for document-wide rules). */
export function formatFailure(file: string, failure: Failure): string {
  return `${file}:${failure.page ?? ''} ${failure.rule} ${failure.message}`
}

/** The verdict on a file: `file: passes (N pages)` or `file: fails N rules (a, b) (N pages)`. */
export function formatVerdict(file: string, result: CheckResult): string {
  const failed = [...new Set(result.failures.map((failure) => failure.rule))]
  const pages = `${result.pages} ${result.pages === 1 ? 'page' : 'pages'}`
  if (failed.length === 0) return `${file}: passes (${pages})`
  return `${file}: fails ${failed.length} ${failed.length === 1 ? 'rule' : 'rules'} (${failed.join(', ')}) (${pages})`
}

/** Every failure line of a result, then its verdict, each ending in a newline. */
export function formatResult(result: CheckResult, file: string = result.file ?? 'file'): string {
  return [...result.failures.map((failure) => formatFailure(file, failure)), formatVerdict(file, result)]
    .map((line) => `${line}\n`)
    .join('')
}

/** Failures one per line as `rule (page N): message`, empty when there are none (for test assertions). */
export function formatFailures(failures: readonly Failure[]): string {
  return failures
    .map((failure) => `${failure.rule}${failure.page ? ` (page ${failure.page})` : ''}: ${failure.message}`)
    .join('\n')
}
