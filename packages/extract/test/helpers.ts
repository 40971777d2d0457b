import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

/** The shared corpus of real PDFs (override with FOLIO_CORPUS). */
export const corpusDir =
  process.env['FOLIO_CORPUS'] ?? fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url))

export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url))

/** Corpus PDFs by file name; empty when the corpus is not on this machine. */
export function corpusFiles(): string[] {
  if (!existsSync(corpusDir)) return []
  return readdirSync(corpusDir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
}

export function corpusPath(name: string): string {
  return join(corpusDir, name)
}

export function readPdf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path))
}

/** The MANIFEST.tsv of the corpus as rows keyed by column name. */
export function manifest(): Map<string, Record<string, string>> {
  const rows = new Map<string, Record<string, string>>()
  const path = join(corpusDir, 'MANIFEST.tsv')
  if (!existsSync(path)) return rows
  const [header, ...lines] = readFileSync(path, 'utf8').split('\n').filter(Boolean)
  const keys = (header ?? '').split('\t')
  for (const line of lines) {
    const cells = line.split('\t')
    const row: Record<string, string> = {}
    keys.forEach((k, i) => {
      row[k] = cells[i] ?? ''
    })
    if (row['file']) rows.set(row['file'], row)
  }
  return rows
}

function hasTool(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], {stdio: 'ignore'})
    return true
  } catch (error) {
    // pdftotext -v/--version exits 0 or 99 depending on the release; ENOENT means missing.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT'
  }
}

/**
 * Whether an external tool is usable. In CI a missing tool is a failure, not a skip; on a
 * developer machine the caller skips with a visible reason.
 */
export function requireTool(tool: string): boolean {
  const ok = hasTool(tool)
  if (!ok && process.env['CI']) throw new Error(`Expected \`${tool}\` in CI (install it in .ci/run)`)
  if (!ok) console.warn(`skipping: \`${tool}\` is not installed`)
  return ok
}

/**
 * The shared corpus lives beside the checkout, not in it, and no install step
 * provides it: where it is absent, corpus tests skip with a reason (in CI too).
 */
export function requireCorpus(): boolean {
  const ok = corpusFiles().length > 0
  if (!ok) console.warn(`skipping corpus tests: no corpus at ${corpusDir} (set FOLIO_CORPUS)`)
  return ok
}

type QpdfValue = string | number | boolean | null | QpdfValue[] | {[key: string]: QpdfValue}

function qpdfString(value: QpdfValue | undefined): string | undefined {
  if (typeof value !== 'string') return undefined
  if (value.startsWith('u:')) return value.slice(2)
  if (value.startsWith('b:')) return Buffer.from(value.slice(2), 'hex').toString('latin1')
  return value
}

/** URI link targets per 1-based page, as qpdf (an independent PDF parser) reads them. */
export function qpdfLinkUris(path: string): Map<number, string[]> {
  // qpdf exits with 3 when it repaired something: the JSON is still complete.
  const result = spawnSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-key=pages', path], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  if (result.status !== 0 && result.status !== 3) throw new Error(`qpdf failed on ${path} (${result.status})`)
  const json = JSON.parse(result.stdout) as {
    qpdf: [unknown, Record<string, {value?: QpdfValue}>]
    pages: Array<{object: string}>
  }
  const objects = json.qpdf[1]
  const resolve = (v: QpdfValue | undefined): QpdfValue | undefined =>
    typeof v === 'string' && / \d+ R$/.test(v) ? objects[`obj:${v}`]?.value : v
  const out = new Map<number, string[]>()
  json.pages.forEach((page, i) => {
    const dict = objects[`obj:${page.object}`]?.value as {[key: string]: QpdfValue} | undefined
    const annots = resolve(dict?.['/Annots'])
    const uris: string[] = []
    for (const ref of Array.isArray(annots) ? annots : []) {
      const annot = resolve(ref) as {[key: string]: QpdfValue} | undefined
      if (annot?.['/Subtype'] !== '/Link') continue
      const action = resolve(annot['/A']) as {[key: string]: QpdfValue} | undefined
      const uri = qpdfString(resolve(action?.['/URI']) as QpdfValue)
      if (action?.['/S'] === '/URI' && uri) uris.push(uri)
    }
    out.set(i + 1, uris)
  })
  return out
}

/** pdftotext -raw output per page (form feeds separate pages). */
export function pdftotextPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-cropbox', '-enc', 'UTF-8', path, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return text.split('\f')
}
