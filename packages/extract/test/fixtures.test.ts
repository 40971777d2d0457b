import {listReports} from '@folio/fixtures'
import {describe, expect, it} from 'vitest'
import {extract} from '../src/index.js'
import {pdftotextPages, readPdf, requireTool} from './helpers.js'
import {comparable, withoutLeaders, wordSimilarity} from './similarity.js'

const reports = listReports()

describe.runIf(reports.length > 0)('fixture reports', () => {
  it.each(reports.map((r) => [r.name, r.pdf]))(
    '%s: text matches pdftotext -raw (≥ 0.98) and has no ligature forms',
    async (name, pdf) => {
      const layout = await extract(readPdf(pdf), {file: `${name}.pdf`})
      expect(layout.pages.length).toBe(layout.pageCount)
      const text = layout.pages.map((p) => p.lines.map((l) => l.text).join('\n'))
      expect(text.join('\n')).not.toMatch(/[\uFB00-\uFB06\u00A0]/)
      if (!requireTool('pdftotext')) return
      const reference = pdftotextPages(pdf)
      const similarity = wordSimilarity(
        withoutLeaders(comparable(text.join('\n'))),
        withoutLeaders(comparable(reference.join('\n'))),
      )
      console.info(`similarity ${name}: ${similarity.toFixed(4)}`)
      expect(similarity).toBeGreaterThanOrEqual(0.98)
    },
  )
})
