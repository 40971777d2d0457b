import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {strFromU8, unzipSync} from 'fflate'
import {describe, expect, it} from 'vitest'
import {flipBytes, hostileInputs, manyPages, textPdf} from './hostile.js'

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const report = fileURLToPath(
  new URL('../../../fixtures/reports/rasanah-2024-defense-alliance/rasanah-2024-defense-alliance.pdf', import.meta.url),
)

interface Entry {
  input: string
  status: 'converted' | 'failed' | 'skipped'
  outputs: Array<{path: string; edition: string}>
  error?: {code: string; message: string}
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

/** Markup of every edition a run wrote that a reader renders: the HTML, the Markdown, and the XHTML, OPF and nav inside each EPUB. */
function editionTexts(entry: Entry): Array<{edition: string; text: string}> {
  return entry.outputs.flatMap((output) => {
    const bytes = readFileSync(output.path)
    if (output.edition === 'epub') {
      return Object.values(unzipSync(new Uint8Array(bytes))).map((file) => ({edition: 'epub', text: strFromU8(file)}))
    }
    if (output.edition === 'html' || output.edition === 'md')
      return [{edition: output.edition, text: bytes.toString('utf8')}]
    return []
  })
}

/** Run one batch over `files` and return the JSON report, the exit code and stderr. */
function batch(files: Record<string, Uint8Array>, {to = 'html,epub,pdf,md,json', timeout = 120} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'folio-hostile-'))
  mkdirSync(join(dir, 'in'))
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, 'in', name), data)
  const run = spawnSync(
    process.execPath,
    [
      bin,
      'convert',
      'in',
      '--out',
      'out',
      '--to',
      to,
      '--report',
      'report.json',
      '--timeout',
      String(timeout),
      '--max-memory',
      '2048',
    ],
    {cwd: dir, encoding: 'utf8', env: {...process.env, CI: 'true'}, maxBuffer: 64 * 1024 * 1024},
  )
  const parsed = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {files: Entry[]}
  return {dir, code: run.status, stderr: run.stderr, files: parsed.files}
}

function expectSafe(entries: Entry[], dir: string) {
  for (const entry of entries) {
    expect(['converted', 'failed']).toContain(entry.status)
    if (entry.status === 'failed') {
      expect(entry.error?.message, entry.input).toContain(entry.input.split('/').at(-1))
      continue
    }
    for (const {edition, text} of editionTexts(entry)) {
      // Markdown keeps markup from the text as escaped text (`\<script>`), which no reader runs.
      expect(text).not.toMatch(edition === 'md' ? /(?<!\\)<script/i : /<script/i)
      if (edition !== 'md') expect(text).not.toMatch(/<[^>]*\son(error|load|click)=/i)
      expect(text).not.toMatch(/javascript:|data:text\/html|file:\/\/\//i)
      expect(text).not.toContain('folio-pwned-open')
      expect(text).not.toContain('folio-pwned-names')
    }
  }
  for (const path of walk(dir)) {
    const rel = relative(dir, path)
    expect(rel.startsWith('in/') || rel.startsWith('out/') || rel === 'report.json', rel).toBe(true)
    expect(rel.endsWith('.partial'), rel).toBe(false)
  }
}

describe('hostile and broken PDFs', () => {
  it('reports every bad input by name, converts the rest safely and writes nothing stray', () => {
    const good = new Uint8Array(readFileSync(report))
    const inputs = hostileInputs(good)
    const {dir, code, stderr, files} = batch(inputs)
    expect(code).toBe(1)
    expect(files).toHaveLength(Object.keys(inputs).length)
    expectSafe(files, dir)
    const status = Object.fromEntries(files.map((f) => [f.input.split('/').at(-1), f.status]))
    for (const name of [
      'truncated-10.pdf',
      'empty-file.pdf',
      'not-a-pdf.pdf',
      'zero-pages.pdf',
      'page-tree-loop.pdf',
    ]) {
      expect(status[name], name).toBe('failed')
      expect(stderr).toContain(name)
    }
    for (const name of [
      'huge-page.pdf',
      'deeply-nested.pdf',
      'big-image.pdf',
      'many-paths.pdf',
      'javascript-actions.pdf',
      'hostile-links.pdf',
      'markup-in-text.pdf',
    ]) {
      expect(status[name], name).toBe('converted')
    }
    const links = files.find((f) => f.input.endsWith('hostile-links.pdf'))
    const html = readFileSync(links?.outputs.find((o) => o.edition === 'html')?.path ?? '', 'utf8')
    expect(html).toContain('script link')
    const markup = files.find((f) => f.input.endsWith('markup-in-text.pdf'))
    const markupHtml = readFileSync(markup?.outputs.find((o) => o.edition === 'html')?.path ?? '', 'utf8')
    expect(markupHtml).toContain('&#x3C;script>alert("folio-pwned-text")&#x3C;/script>')
  })

  it('keeps names with spaces, parentheses and non-Latin letters, and stays inside --out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-names-'))
    mkdirSync(join(dir, 'in'))
    const names = ['report with spaces (draft) تقرير ü.pdf', 'v1..2.pdf', '..hidden.pdf']
    for (const name of names) writeFileSync(join(dir, 'in', name), textPdf())
    // A directory scan skips hidden files; a hidden file named on its own converts.
    const args = [bin, 'convert', 'in/../in', 'in/../in/..hidden.pdf', '--out', 'out', '--to', 'html']
    const run = spawnSync(process.execPath, args, {cwd: dir, encoding: 'utf8'})
    expect(run.status).toBe(0)
    const written = readdirSync(join(dir, 'out')).filter((f) => !f.startsWith('.folio'))
    expect(written.sort()).toEqual(['..hidden.html', 'v1..2.html', 'report with spaces (draft) تقرير ü.html'].sort())
    expect(readdirSync(dir).sort()).toEqual(['in', 'out'])
  })

  it('converts a 10,000-page PDF or stops it at the time limit with a clear message', () => {
    const {files, stderr} = batch({'ten-thousand.pdf': manyPages(10_000)}, {to: 'html', timeout: 60})
    const [entry] = files
    // 9,999 pages without text are summed up, not printed one by one.
    expect(stderr.split('\n').length).toBeLessThan(50)
    if (entry?.status === 'failed') expect(entry.error?.message).toMatch(/over 60 s.*--timeout/)
    else expect(entry?.status).toBe('converted')
  })

  it('survives seeded random damage to the report', () => {
    const good = new Uint8Array(readFileSync(report))
    const count = Number(process.env.FUZZ_CASES ?? 8)
    const seed = Number(process.env.FUZZ_SEED ?? 20240514)
    const inputs: Record<string, Uint8Array> = {}
    for (let i = 0; i < count; i++) inputs[`fuzz-${seed + i}.pdf`] = flipBytes(good, seed + i, 1 + (i % 5) * 20)
    const {dir, code, files} = batch(inputs)
    expect([0, 1]).toContain(code)
    expect(files).toHaveLength(count)
    expectSafe(files, dir)
  })
})
