import {markdownTable} from 'markdown-table'
import type {EvalReport} from './evaluate.js'
import type {Found} from './pipeline.js'

const ratio = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : value.toFixed(2)
const ms = (value: number | null): string => (value === null ? '–' : value.toFixed(1))
/** Lines read out of their column, of the line pairs checked against pdftotext. */
const interleaved = (order: Found['order']): string => (order ? `${order.interleaved}/${order.checked}` : '–')
const oneLine = (value: string): string => {
  const line = value.replace(/\s+/g, ' ').replaceAll('|', '/')
  return line.length > 80 ? `${line.slice(0, 77)}…` : line
}

/** Columns of the gold table, in order. */
export const goldColumns = [
  'document',
  'heading P',
  'heading R',
  'level',
  'list-item R',
  'text sim',
  'broken words',
  'over-joins',
  'artifact leaks',
  'table R',
  'table P',
  'cell acc',
  'aside R',
  'aside P',
  'interleaved',
  'note',
]

/** Columns of the survey table, in order. */
export const surveyColumns = [
  'PDF',
  'pages',
  'headings',
  'list items',
  'paragraphs',
  'tables',
  'asides',
  'notes',
  'fatal',
  'warning',
  'info',
  'extract ms/page',
  'normalize ms/page',
  'interleaved',
  'note',
]

/** The gold table: one row per document and a total row (ratios pooled, counts summed). */
export function goldTable(report: EvalReport): string {
  const dashes = new Array<string>(goldColumns.length - 2).fill('–')
  const rows = report.gold.documents.map((row) => {
    if (row.skipped !== undefined) return [row.name, ...dashes, `skipped: ${row.skipped}`]
    if (!row.score) return [row.name, ...dashes, `failed: ${oneLine(row.error ?? '')}`]
    const s = row.score
    const notes: string[] = []
    if (row.found.treeProblems > 0) notes.push(`${row.found.treeProblems} tree problems`)
    return [
      row.name,
      ratio(s.headings.precision),
      ratio(s.headings.recall),
      ratio(s.headings.levelAgreement),
      ratio(s.listItems.recall),
      ratio(s.text.similarity),
      String(s.brokenWords.count),
      String(s.overJoins.count),
      String(s.artifactLeaks.count),
      ratio(s.tables.recall),
      ratio(s.tables.precision),
      ratio(s.tables.cellAccuracy),
      ratio(s.asides.recall),
      ratio(s.asides.precision),
      interleaved(row.found.order),
      notes.join('; '),
    ]
  })
  const sum = report.gold.total
  rows.push([
    `total (${sum.documents} scored)`,
    ratio(sum.headingPrecision),
    ratio(sum.headingRecall),
    ratio(sum.levelAgreement),
    ratio(sum.listItemRecall),
    ratio(sum.textSimilarity),
    String(sum.brokenWords),
    String(sum.overJoins),
    String(sum.artifactLeaks),
    ratio(sum.tableRecall),
    ratio(sum.tablePrecision),
    ratio(sum.cellAccuracy),
    ratio(sum.asideRecall),
    ratio(sum.asidePrecision),
    interleaved(
      report.gold.documents.reduce<Found['order']>((all, row) => {
        const order = row.found.order
        if (!order) return all
        return {
          checked: (all?.checked ?? 0) + order.checked,
          interleaved: (all?.interleaved ?? 0) + order.interleaved,
          samples: [],
        }
      }, null),
    ),
    [
      report.gold.failed > 0 ? `${report.gold.failed} failed` : '',
      report.gold.skipped > 0 ? `${report.gold.skipped} skipped` : '',
    ]
      .filter(Boolean)
      .join(', '),
  ])
  const align = goldColumns.map((_, index) => (index === 0 || index === goldColumns.length - 1 ? 'l' : 'r'))
  return markdownTable([goldColumns, ...rows], {align})
}

/** The survey table: what the pipeline found in PDFs without gold. */
export function surveyTable(report: EvalReport): string {
  const rows = report.survey.documents.map((row) => {
    const f = row.found
    return [
      row.name,
      String(f.pages),
      String(f.headings),
      String(f.listItems),
      String(f.paragraphs),
      String(f.tables),
      String(f.asides),
      String(f.notes),
      String(f.diagnostics.fatal),
      String(f.diagnostics.warning),
      String(f.diagnostics.info),
      ms(f.extractMsPerPage),
      ms(f.normalizeMsPerPage),
      interleaved(f.order),
      row.error ? `failed: ${oneLine(row.error)}` : f.treeProblems > 0 ? `${f.treeProblems} tree problems` : '',
    ]
  })
  return markdownTable([surveyColumns, ...rows], {
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
  })
}

/** The whole report as printed: the gold table, then the survey table, then what was skipped. */
export function formatReport(report: EvalReport): string {
  const parts: string[] = []
  parts.push(`## Gold fixtures (${report.gold.documents.length})`, '')
  parts.push(
    report.gold.documents.length > 0 ? goldTable(report) : `No fixture with a gold.json under ${report.gold.dir}.`,
  )
  parts.push('', `## PDFs without gold (${report.survey.documents.length})`, '')
  if (report.survey.documents.length > 0) parts.push(surveyTable(report))
  if (report.survey.corpus.skipped) {
    if (report.survey.documents.length > 0) parts.push('')
    parts.push(`Corpus skipped: ${report.survey.corpus.skipped}.`)
  }
  return `${parts.join('\n')}\n`
}
