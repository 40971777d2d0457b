import type {Element} from 'xast'
import {toXml} from 'xast-util-to-xml'
import {x} from 'xastscript'
import type {FileResult} from './types.js'

export interface Summary {
  converted: number
  skipped: number
  failed: number
  warnings: number
  milliseconds: number
}

export interface Report {
  tool: {name: 'folio'; version: string}
  summary: Summary
  files: FileResult[]
}

export function summarize(results: FileResult[], milliseconds: number): Summary {
  const summary: Summary = {converted: 0, skipped: 0, failed: 0, warnings: 0, milliseconds: Math.round(milliseconds)}
  for (const result of results) {
    summary[result.status]++
    summary.warnings += result.diagnostics.filter((d) => d.severity === 'warning').length
  }
  return summary
}

/** A JUnit XML report: one test case per input file. */
export function toJunit(report: Report): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(3)
  const cases: Element[] = report.files.map((file) => {
    const total = Object.values(file.timings).reduce((sum, ms) => sum + ms, 0)
    const children: Element[] = []
    if (file.status === 'failed') {
      children.push(x('failure', {type: file.error?.code ?? 'failed', message: file.error?.message ?? 'failed'}))
    } else if (file.status === 'skipped') {
      children.push(x('skipped', {message: 'unchanged since the last run'}))
    }
    const lines = file.diagnostics.map(
      (d) => `${file.input}:${d.place?.page ?? ''} ${d.severity} ${d.ruleId} ${d.message}`,
    )
    if (lines.length > 0) children.push(x('system-out', lines.join('\n')))
    return x('testcase', {classname: 'folio.convert', name: file.input, time: seconds(total)}, children)
  })
  const suite = x(
    'testsuite',
    {
      name: 'folio convert',
      tests: String(report.files.length),
      failures: String(report.summary.failed),
      errors: '0',
      skipped: String(report.summary.skipped),
      time: seconds(report.summary.milliseconds),
    },
    cases,
  )
  return `${toXml(x(null, [{type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"'}, x('testsuites', [suite])]))}\n`
}
