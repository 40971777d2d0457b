/** Typesetting faults read back from a tagged PDF: headings left alone, widows and orphans. */
import type {CheckResult, StructElement} from '@folio/check'
import {baselines} from './read-back.js'

export interface LayoutReport {
  /** Headings whose next block starts on a later page. */
  strandedHeadings: string[]
  /** Paragraph parts of fewer than two lines on a page, as `page:lines`. */
  shortParts: string[]
  /** Paragraphs that cross a page. */
  crossing: number
  /** Captions on another page than the figure before them. */
  captionsApart: string[]
}

export function layoutReport(checked: CheckResult, texts: Map<string, string>): LayoutReport {
  const pagesOf = (node: StructElement): number[] =>
    node.children.flatMap((child) => ('mcid' in child ? [child.page ?? 0] : 'role' in child ? pagesOf(child) : []))
  const flat: StructElement[] = []
  const visit = (node: StructElement) => {
    if (/^(H\d|P|Title|Figure|Caption|Table)$/.test(node.role)) flat.push(node)
    else for (const child of node.children) if ('role' in child) visit(child)
  }
  for (const root of checked.structure) visit(root)
  const report: LayoutReport = {strandedHeadings: [], shortParts: [], crossing: 0, captionsApart: []}
  for (const [index, block] of flat.entries()) {
    const next = flat[index + 1]
    const previous = flat[index - 1]
    if (block.role === 'Caption' && previous?.role === 'Figure' && pagesOf(previous).at(-1) !== pagesOf(block)[0]) {
      report.captionsApart.push(`Caption on page ${pagesOf(block)[0]}`)
    }
    if (!/^H\d$/.test(block.role) || !next) continue
    if (pagesOf(next)[0] !== pagesOf(block).at(-1))
      report.strandedHeadings.push(`${block.role} on page ${pagesOf(block).at(-1)}`)
  }
  const ys = baselines.get(texts)
  for (const block of flat) {
    if (block.role !== 'P') continue
    const counts = new Map<number, number[]>()
    const gather = (node: StructElement) => {
      for (const child of node.children) {
        if ('mcid' in child) {
          const page = child.page ?? 0
          counts.set(page, [...(counts.get(page) ?? []), ...(ys?.get(`${page}:${child.mcid}`) ?? [])])
        } else if ('role' in child) gather(child)
      }
    }
    gather(block)
    if (counts.size < 2) continue
    report.crossing++
    for (const [page, values] of counts) {
      // Baselines closer than half a line are one line (a raised note mark sits on its line).
      const lines = [...values]
        .sort((a, b) => b - a)
        .filter((y, index, all) => index === 0 || (all[index - 1] ?? 0) - y > 7)
      if (lines.length < 2) report.shortParts.push(`${page}:${lines.length}`)
    }
  }
  return report
}
