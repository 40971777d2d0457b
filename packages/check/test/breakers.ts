/** Ways to break a good PDF/UA file on purpose, each with the rules the checker must name. */
import {PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber} from 'pdf-lib'

export interface Breaker {
  name: string
  rules: string[]
  change: (pdf: PDFDocument) => void
}

function visitStructure(pdf: PDFDocument, visit: (dict: PDFDict) => void): void {
  const walk = (dict: PDFDict) => {
    visit(dict)
    const kids = dict.lookup(PDFName.of('K'))
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []
    for (const kid of list) {
      const child = kid instanceof PDFNumber ? undefined : pdf.context.lookup(kid)
      if (child instanceof PDFDict && !child.get(PDFName.of('Type'))) walk(child)
    }
  }
  walk(pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict))
}

export const breakers: Breaker[] = [
  {name: 'no /Lang', rules: ['lang'], change: (pdf) => pdf.catalog.delete(PDFName.of('Lang'))},
  {
    name: 'no viewer preferences',
    rules: ['display-doc-title'],
    change: (pdf) => pdf.catalog.delete(PDFName.of('ViewerPreferences')),
  },
  {name: 'no /MarkInfo', rules: ['marked'], change: (pdf) => pdf.catalog.delete(PDFName.of('MarkInfo'))},
  {
    name: 'suspects',
    rules: ['suspects'],
    change: (pdf) => pdf.catalog.set(PDFName.of('MarkInfo'), pdf.context.obj({Marked: true, Suspects: true})),
  },
  {
    name: 'XMP without title or pdfuaid',
    rules: ['title', 'xmp-pdfuaid'],
    change: (pdf) => {
      const xmp =
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF></x:xmpmeta>'
      pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(pdf.context.stream(xmp)))
    },
  },
  {
    name: 'no structure tree',
    rules: ['struct-tree'],
    change: (pdf) => pdf.catalog.delete(PDFName.of('StructTreeRoot')),
  },
  {
    name: 'no parent tree',
    rules: ['parent-tree'],
    change: (pdf) => pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).delete(PDFName.of('ParentTree')),
  },
  {
    name: 'untagged text in a standard font',
    rules: ['content-marked', 'font-embedded'],
    change: (pdf) => pdf.getPage(0).drawText('untagged', {x: 10, y: 10, size: 8}),
  },
  {
    name: 'links without /Contents, pages without /Tabs',
    rules: ['link-contents', 'tabs'],
    change: (pdf) => {
      for (const page of pdf.getPages()) {
        const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
        for (const ref of annots?.asArray() ?? []) pdf.context.lookup(ref, PDFDict).delete(PDFName.of('Contents'))
        page.node.delete(PDFName.of('Tabs'))
      }
    },
  },
  {
    name: 'fonts without /ToUnicode',
    rules: ['font-tounicode'],
    change: (pdf) => {
      for (const [, object] of pdf.context.enumerateIndirectObjects()) {
        if (object instanceof PDFDict && object.get(PDFName.of('Type'))?.toString() === '/Font')
          object.delete(PDFName.of('ToUnicode'))
      }
    },
  },
  {
    name: 'skipped heading, figure without alt, note without id, unknown list item type',
    rules: ['figure-alt', 'heading-skip', 'list-structure', 'note-id', 'struct-type'],
    change: (pdf) =>
      visitStructure(pdf, (dict) => {
        const role = dict.get(PDFName.of('S'))?.toString()
        if (role === '/H2') dict.set(PDFName.of('S'), PDFName.of('H4'))
        if (role === '/Figure') dict.delete(PDFName.of('Alt'))
        if (role === '/Note') dict.delete(PDFName.of('ID'))
        if (role === '/LI') dict.set(PDFName.of('S'), PDFName.of('Item'))
      }),
  },
  {
    name: 'a link annotation in a Span',
    rules: ['link-tag'],
    change: (pdf) =>
      visitStructure(pdf, (dict) => {
        if (dict.get(PDFName.of('S'))?.toString() === '/Link') dict.set(PDFName.of('S'), PDFName.of('Span'))
      }),
  },
  {
    name: 'a circular role map and a remapped standard type',
    rules: ['role-map-circular', 'role-map-standard'],
    change: (pdf) => {
      const roleMap = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('RoleMap'), PDFDict)
      roleMap.set(PDFName.of('Chapter'), PDFName.of('Part2'))
      roleMap.set(PDFName.of('Part2'), PDFName.of('Chapter'))
      roleMap.set(PDFName.of('P'), PDFName.of('Span'))
    },
  },
]
