import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fromJson, type Root, u} from '@folio/ast'
import {extract} from '@folio/extract'
import {normalize} from '@folio/normalize'
import {canonicalTree} from './canonical.js'

const FIXTURES = new URL('../../../fixtures/reports/', import.meta.url).pathname
/** The shared corpus of PDFs nobody here made, beside the repository. */
const CORPUS = new URL('../../../../shared/corpus/', import.meta.url).pathname
/** Corpus files that reach other corners: French, tagged chapters, two columns, encryption, a scan. */
const CORPUS_SAMPLE = [
  'chelsea-plan-directeur-transport-actif-2021-fr.pdf',
  'pdfua-reference-barrierefreie-pdf-chapter-de-tagged.pdf',
  'dense-passage-retrieval-two-column-latex-paper.pdf',
  'dmca-copyright-office-summary-1998-encrypted.pdf',
  'linn-sequencer-brochure-scanned-image-only.pdf',
  'crs-r47324-seabed-mining-beyond-national-jurisdiction.pdf',
  'pdfua-reference-textbook-chapter-physical-development-tagged.pdf',
]

export interface NamedTree {
  name: string
  tree: Root
}

/** The gold trees of the shared fixtures: real reports, checked by hand. */
export function goldTrees(): NamedTree[] {
  if (!existsSync(FIXTURES)) return []
  return readdirSync(FIXTURES)
    .filter((name) => existsSync(join(FIXTURES, name, 'gold.json')))
    .sort()
    .map((name) => ({name: `gold:${name}`, tree: fromJson(readFileSync(join(FIXTURES, name, 'gold.json'), 'utf8'))}))
}

/** Trees made by the pipeline itself (extract, normalize) from the fixture PDFs and a sample of the corpus. */
export async function pipelineTrees(): Promise<NamedTree[]> {
  const files: string[] = []
  if (existsSync(FIXTURES)) {
    for (const name of readdirSync(FIXTURES).sort()) {
      const pdf = join(FIXTURES, name, `${name}.pdf`)
      if (existsSync(pdf)) files.push(pdf)
    }
  }
  if (existsSync(CORPUS)) {
    for (const name of CORPUS_SAMPLE) if (existsSync(join(CORPUS, name))) files.push(join(CORPUS, name))
  } else {
    console.warn(`The shared corpus is not at ${CORPUS}: only fixture PDFs are converted`)
  }
  const trees: NamedTree[] = []
  for (const file of files) {
    const layout = await extract(new Uint8Array(readFileSync(file)), {file})
    trees.push({
      name: `pdf:${file
        .split('/')
        .pop()!
        .replace(/\.pdf$/, '')}`,
      tree: normalize(layout).tree,
    })
  }
  return trees
}

/** Trees that reach the corners of the packaging: no sections, no dates, right-to-left, another language. */
export function variantTrees(): NamedTree[] {
  const bare = u.root({lang: 'en'}, [
    u.paragraph([u.text('A note with no title, no date and no headings.')]),
    u.paragraph([u.text('It still makes a valid edition.')]),
  ])
  const arabic = u.root(
    {title: 'تقرير عن التحالفات', lang: 'ar', dir: 'rtl', date: '2024', publisher: 'معهد الدراسات'},
    [
      u.section(1, [u.heading(1, [u.text('مقدمة')]), u.paragraph([u.text('نص الفقرة الأولى.')]), u.pageBreak(2, '٢')]),
      u.section(1, [u.heading(1, [u.text('خاتمة')]), u.paragraph([u.text('نص الخاتمة.')])]),
    ],
  )
  const german = u.root({title: 'Bündnisse im Wandel', lang: 'de-DE', date: '2023-11', authors: ['Jana Roth']}, [
    u.section(1, [
      u.heading(1, [u.text('Einleitung')]),
      u.paragraph([u.text('Ein Satz mit einer Fußnote.'), u.footnoteReference('a')]),
      u.section(2, [u.heading(2, [u.text('EINLEITUNG')]), u.paragraph([u.text('Gleicher Titel, andere Ebene.')])]),
    ]),
    u.section(1, [
      u.heading(1, [u.text('Einleitung')]),
      u.pageBreak(7, 'vii'),
      u.pageBreak(8, 'viii'),
      u.paragraph([u.text('Noch einmal dieselbe Überschrift, und die Fußnote erneut.'), u.footnoteReference('a')]),
    ]),
    u.footnoteDefinition('a', [u.paragraph([u.text('Die Anmerkung.')])]),
  ])
  const noAlt = canonicalTree()
  noAlt.meta.title = 'An image without a description'
  for (const child of noAlt.children) {
    if (child.type !== 'section') continue
    for (const block of child.children) {
      if (block.type === 'figure') for (const part of block.children) if (part.type === 'image') delete part.alt
    }
  }
  return [
    {name: 'canonical', tree: canonicalTree()},
    {name: 'bare', tree: bare},
    {name: 'arabic-rtl', tree: arabic},
    {name: 'german-repeated-headings', tree: german},
    {name: 'image-without-alt', tree: noAlt},
  ]
}

/** The print page labels of a tree, in order (the report's own contents page left out). */
export function pageLabels(tree: Root): string[] {
  const labels: string[] = []
  const visit = (node: Root | Root['children'][number]) => {
    if (node.type === 'pageBreak') labels.push(node.label === '' ? String(node.page) : node.label)
    if (node.type !== 'toc' && 'children' in node) {
      for (const child of node.children) visit(child as Root['children'][number])
    }
  }
  visit(tree)
  return labels
}
