import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fromJson, type Root, u} from '@folio/ast'
import {canonicalTree} from './canonical.js'

const FIXTURES = new URL('../../../fixtures/reports/', import.meta.url).pathname

/** The gold trees of the shared fixtures: real reports, checked by hand. */
export function goldTrees(): Array<{name: string; tree: Root}> {
  if (!existsSync(FIXTURES)) return []
  return readdirSync(FIXTURES)
    .filter((name) => existsSync(join(FIXTURES, name, 'gold.json')))
    .sort()
    .map((name) => ({name, tree: fromJson(readFileSync(join(FIXTURES, name, 'gold.json'), 'utf8'))}))
}

/** Trees that reach the corners of the packaging: no sections, no dates, right-to-left, another language. */
export function variantTrees(): Array<{name: string; tree: Root}> {
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
      u.section(2, [u.heading(2, [u.text('Einleitung')]), u.paragraph([u.text('Gleicher Titel, andere Ebene.')])]),
    ]),
    u.section(1, [
      u.heading(1, [u.text('Einleitung')]),
      u.pageBreak(7, 'vii'),
      u.paragraph([u.text('Noch einmal dieselbe Überschrift, und die Fußnote erneut.'), u.footnoteReference('a')]),
    ]),
    u.footnoteDefinition('a', [u.paragraph([u.text('Die Anmerkung.')])]),
  ])
  const noAlt = canonicalTree()
  noAlt.meta.title = 'An image without a description'
  const evidence = noAlt.children.find(
    (child) => child.type === 'section' && child.children.some((c) => c.type === 'figure'),
  )
  if (evidence?.type === 'section') {
    for (const child of evidence.children) {
      if (child.type === 'figure') for (const part of child.children) if (part.type === 'image') delete part.alt
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
