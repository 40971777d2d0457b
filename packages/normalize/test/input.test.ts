import {assert as assertTree} from '@folio/ast'
import type {Layout} from '@folio/extract'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {corpusDir, layoutOf, requireCorpus} from './helpers.js'

describe('arguments and odd input', () => {
  it('throws on a wrong argument, naming what it expected', () => {
    expect(() => normalize({} as Layout)).toThrow(/expected a Layout from @folio\/extract/)
    expect(() => normalize(null as unknown as Layout)).toThrow(TypeError)
    const empty: Layout = {
      pageCount: 0,
      info: {},
      tagged: false,
      encrypted: false,
      outline: [],
      pages: [],
      diagnostics: [],
    }
    expect(() => normalize(empty, {lang: ''})).toThrow(/expected a BCP 47 tag/)
  })

  it('gives an empty document a warning and a valid tree', () => {
    const empty: Layout = {
      pageCount: 0,
      info: {},
      tagged: false,
      encrypted: false,
      outline: [],
      pages: [],
      diagnostics: [],
    }
    const {tree, diagnostics} = normalize(empty)
    assertTree(tree)
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.severity])).toEqual([
      ['empty-document', 'warning'],
    ])
  })

  it.skipIf(!requireCorpus())(
    'is deterministic: the same layout twice gives the same tree and diagnostics',
    async () => {
      const layout = await layoutOf(`${corpusDir}/crs-lsb11421-esa-god-squad-legal-sidebar.pdf`)
      expect(JSON.stringify(normalize(layout))).toBe(JSON.stringify(normalize(layout)))
    },
  )

  it.skipIf(!requireCorpus())('reads pages handed over out of order and with damaged lines', async () => {
    const layout = await layoutOf(`${corpusDir}/dmca-copyright-office-summary-1998-encrypted.pdf`)
    const damaged: Layout = {
      ...layout,
      pages: [...layout.pages].reverse().map((page, index) =>
        index === 0
          ? {
              ...page,
              lines: [
                ...page.lines,
                {text: '', bbox: [0, 0, 0, 0], words: [], size: 0, dir: 'ltr', baseline: 0},
                {...page.lines[0]!, bbox: [-900, -900, -800, -880]},
              ],
            }
          : page,
      ),
    }
    const {tree} = normalize(damaged)
    assertTree(tree)
    expect(JSON.stringify(tree.children)).toBe(JSON.stringify(normalize(layout).tree.children))
  })
})
