import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {fixturesDir} from '@folio/fixtures'

/** Gold trees for real PDFs that live outside the checkout: `fixtures/corpus/<name>/gold.json`. */
export const corpusGoldDir = join(fixturesDir, 'corpus')

/** The corpus of real PDFs beside the checkout (`<repo>/../shared/corpus`), when there is one. */
export const defaultCorpus = join(fixturesDir, '..', '..', 'shared', 'corpus')

export interface CorpusGold {
  /** The folder name, which is the PDF's base name without `.pdf`. */
  name: string
  dir: string
  gold: string
  artifacts?: string
  /** Where the PDF should be: `<pdfs>/<name>.pdf`. */
  pdf: string
  /** Whether that PDF is there. */
  present: boolean
}

/**
 * Lists the gold trees under `dir` (one folder each, with `gold.json` and maybe
 * `artifacts.json`) with the path of their PDF in `pdfs`, sorted by name. The
 * PDFs are not part of the checkout: a missing one is reported, not thrown.
 */
export function listCorpusGold(dir: string, pdfs: string): CorpusGold[] {
  if (!existsSync(dir)) return []
  const golds: CorpusGold[] = []
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (!entry.isDirectory()) continue
    const folder = join(dir, entry.name)
    const files = readdirSync(folder)
    if (!files.includes('gold.json')) continue
    const pdf = join(pdfs, `${entry.name}.pdf`)
    const gold: CorpusGold = {
      name: entry.name,
      dir: folder,
      gold: join(folder, 'gold.json'),
      pdf,
      present: existsSync(pdf),
    }
    if (files.includes('artifacts.json')) gold.artifacts = join(folder, 'artifacts.json')
    golds.push(gold)
  }
  return golds.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
