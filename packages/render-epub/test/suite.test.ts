import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Diagnostic} from '@folio/ast'
import {toHtml} from '@folio/render-html'
import type {Element as HastElement, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString as hastText} from 'hast-util-to-string'
import {beforeAll, describe, expect, it} from 'vitest'
import {toEpub} from '../src/index.js'
import {goldTrees, type NamedTree, pageLabels, pipelineTrees, variantTrees} from './fixtures.js'
import {ace, contentFiles, epubcheck, fileText, hasChromium, hasEpubcheck, unzip} from './tools.js'
import {byName, parseXml, textOf} from './xml.js'

/**
 * Every tree the edition is proven on: the canonical tree and its variants, the fixtures' gold trees, and the
 * trees the pipeline makes from the fixture PDFs and from a sample of the corpus.
 */
interface Edition extends NamedTree {
  value: Uint8Array
  diagnostics: Diagnostic[]
}

let editions: Edition[] = []

beforeAll(async () => {
  const trees = [...variantTrees(), ...goldTrees(), ...(await pipelineTrees())]
  editions = await Promise.all(trees.map(async (named) => ({...named, ...(await toEpub(named.tree))})))
}, 600_000)

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Body text, and the notes apart (the HTML edition gathers them at the end, the EPUB by chapter). */
function splitNotes(container: HastElement | HastRoot): {body: string; notes: string[]} {
  // Backlinks are navigation: a note called from two chapters links back to the chapter that holds it.
  for (const backlink of selectAll('[role=doc-backlink]', container)) backlink.children = []
  const notes = selectAll('[role=doc-endnotes] li', container).map((li) => normalize(hastText(li)))
  // The notes' headings go with them: the EPUB heads each chapter's notes, the HTML edition heads them once.
  for (const section of selectAll('[role=doc-endnotes]', container)) section.children = []
  return {body: normalize(hastText(container)), notes}
}

describe('toEpub on every tree', () => {
  it('covers the fixtures and the pipeline', () => {
    const kinds = new Set(editions.map((edition) => edition.name.split(':')[0]))
    console.log(`${editions.length} editions: ${editions.map((edition) => edition.name).join(', ')}`)
    if (process.env['CI']) expect([...kinds]).toEqual(expect.arrayContaining(['canonical', 'gold', 'pdf']))
  })

  it('holds exactly the body text of the HTML edition', {timeout: 300_000}, () => {
    for (const edition of editions) {
      // The HTML edition's text: its main content, then the colophon it keeps apart (as the EPUB does).
      const page = fromHtml(toHtml(edition.tree).value) as HastRoot
      const html = splitNotes(select('main', page)!)
      const colophon = select('body > aside.colophon', page)
      if (colophon) html.body = normalize(`${html.body} ${hastText(colophon)}`)
      const files = unzip(edition.value)
      let body = ''
      const notes: string[] = []
      for (const path of contentFiles(files)) {
        const part = splitNotes(select('body', fromHtml(fileText(files, path)) as HastRoot)!)
        body += ` ${part.body}`
        notes.push(...part.notes)
      }
      expect(normalize(body), edition.name).toBe(html.body)
      expect(notes.sort(), edition.name).toEqual(html.notes.sort())
    }
  })

  it('lists every print page in the page-list, in order', {timeout: 300_000}, () => {
    for (const edition of editions) {
      const files = unzip(edition.value)
      const list = byName(parseXml(fileText(files, 'EPUB/nav.xhtml')), 'nav').find(
        (nav) => nav.attributes['epub:type'] === 'page-list',
      )
      const labels = list ? byName(list, 'a').map((a) => textOf(a)) : []
      expect(labels, edition.name).toEqual(pageLabels(edition.tree))
      expect(
        edition.diagnostics.filter((d) => d.ruleId === 'page-list-mismatch'),
        edition.name,
      ).toEqual([])
    }
  })

  it('passes epubcheck with no error and no warning', {timeout: 900_000}, async () => {
    if (!hasEpubcheck()) return
    const reports = await epubcheck(editions)
    for (const report of reports) {
      console.log(
        `epubcheck ${report.name}: ${report.fatals} fatals / ${report.errors} errors / ${report.warnings} warnings`,
      )
    }
    for (const report of reports) {
      expect(report.output, report.name).toContain('EPUBCheck completed')
      expect([report.name, report.fatals, report.errors, report.warnings], report.output).toEqual([
        report.name,
        0,
        0,
        0,
      ])
    }
  })

  it('passes Ace by DAISY with no violation', {timeout: 1_800_000}, async () => {
    if (!hasChromium()) return
    const directory = await mkdtemp(join(tmpdir(), 'folio-ace-'))
    const failures: string[] = []
    for (const [index, edition] of editions.entries()) {
      const file = join(directory, `${index}.epub`)
      await writeFile(file, edition.value)
      const result = await ace(file, join(directory, String(index)))
      console.log(`Ace ${edition.name}: ${result.outcome}, ${result.violations.length} violations`)
      if (result.outcome !== 'pass' || result.violations.length > 0) {
        failures.push(`${edition.name}: ${result.outcome} ${result.violations.join('; ')}`)
      }
    }
    expect(failures).toEqual([])
  })
})
