import type {Diagnostic} from '@folio/ast'
import {describe, expect, it} from 'vitest'
import {type DocLike, pdfDateToIso, readDocumentFacts} from '../src/lib/document.js'

/** A document proxy answering like pdf.js does, from plain data. */
function doc(parts: {
  info?: Record<string, unknown>
  xmp?: Record<string, unknown>
  outline?: unknown[]
  labels?: string[] | null
  marked?: boolean
  pages?: number
}): DocLike {
  return {
    numPages: parts.pages ?? 2,
    getMetadata: async () => ({
      info: parts.info ?? {},
      metadata: parts.xmp ? {get: (k: string) => parts.xmp?.[k]} : null,
    }),
    getOutline: async () => parts.outline ?? null,
    getPageLabels: async () => parts.labels ?? null,
    getMarkInfo: async () => (parts.marked === undefined ? null : new Map([['Marked', parts.marked]])),
    getDestination: async (id: string) => (id === 'chapter-2' ? [{num: 12, gen: 0}, {name: 'XYZ'}] : null),
    getPageIndex: async (ref: {num: number}) => (ref.num === 12 ? 1 : 0),
  }
}

describe('pdfDateToIso', () => {
  it.each([
    ["D:20260420140300-04'00'", '2026-04-20T18:03:00Z'],
    ['D:20201002001208Z', '2020-10-02T00:12:08Z'],
    ["D:19981201103000+01'00", '1998-12-01T09:30:00Z'],
    ['D:2016', '2016-01-01T00:00:00Z'],
    ['2024-05-14T10:00:00+02:00', '2024-05-14T08:00:00Z'],
  ])('%s → %s', (input, iso) => {
    expect(pdfDateToIso(input)).toBe(iso)
  })

  it('gives nothing for what is not a date', () => {
    expect(pdfDateToIso('yesterday')).toBeUndefined()
    expect(pdfDateToIso(undefined)).toBeUndefined()
  })
})

describe('readDocumentFacts', () => {
  it('prefers the info dictionary and falls back to XMP field by field', async () => {
    const facts = await readDocumentFacts(
      doc({
        info: {
          Title: '  Annual   Report ',
          Producer: 'Typesetter 1.0',
          EncryptFilterName: null,
          CreationDate: 'D:20240514',
        },
        xmp: {
          'dc:title': 'Ignored title',
          'dc:creator': ['A. Author', 'B. Author'],
          'dc:language': 'fr-CA',
          'xmp:modifydate': '2024-06-01T00:00:00Z',
        },
      }),
      [],
    )
    expect(facts.info).toEqual({
      title: 'Annual Report',
      author: 'A. Author, B. Author',
      producer: 'Typesetter 1.0',
      lang: 'fr-CA',
      created: '2024-05-14T00:00:00Z',
      modified: '2024-06-01T00:00:00Z',
    })
    expect(facts.encrypted).toBe(false)
  })

  it('reads the encrypted flag, Marked, labels and an outline with named destinations', async () => {
    const facts = await readDocumentFacts(
      doc({
        info: {EncryptFilterName: 'Standard'},
        marked: true,
        labels: ['i', '1'],
        outline: [
          {
            title: 'Part \uFB01rst',
            dest: 'chapter-2',
            items: [{title: 'Site', url: 'https://example.org/', items: []}],
          },
        ],
      }),
      [],
    )
    expect(facts.encrypted).toBe(true)
    expect(facts.tagged).toBe(true)
    expect(facts.labels).toEqual(['i', '1'])
    expect(facts.outline).toEqual([
      {title: 'Part first', page: 2, children: [{title: 'Site', url: 'https://example.org/', children: []}]},
    ])
  })

  it('reports an unreadable outline as a diagnostic and goes on', async () => {
    const broken = {...doc({}), getOutline: async () => Promise.reject(new Error('bad /Outlines'))}
    const diagnostics: Diagnostic[] = []
    const facts = await readDocumentFacts(broken, diagnostics)
    expect(facts.outline).toEqual([])
    expect(diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['damaged-outline', 'info']])
    expect(diagnostics[0]?.message).toMatch(/^Unexpected unreadable outline, expected bookmarks \(bad \/Outlines\)/)
  })
})
