import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {PDFArray, PDFDict, PDFDocument, PDFName} from 'pdf-lib'
import {beforeAll, describe, expect, it} from 'vitest'

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
const reports = join(root, 'fixtures/reports')

function folio(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, CI: 'true'}})
  return {code: run.status, stdout: run.stdout, stderr: run.stderr}
}

/** Ways to break Folio's edition on purpose, with the rules `folio check` must name. */
const breakers: Array<{name: string; rules: string[]; change: (pdf: PDFDocument) => void}> = [
  {name: 'no-lang', rules: ['lang'], change: (pdf) => pdf.catalog.delete(PDFName.of('Lang'))},
  {
    name: 'no-title-shown',
    rules: ['display-doc-title'],
    change: (pdf) => pdf.catalog.delete(PDFName.of('ViewerPreferences')),
  },
  {
    name: 'untagged-text',
    rules: ['content-marked', 'font-embedded'],
    change: (pdf) => pdf.getPage(1).drawText('untagged', {x: 10, y: 10, size: 8}),
  },
  {
    name: 'no-tabs',
    rules: ['link-contents', 'tabs'],
    change: (pdf) => {
      for (const page of pdf.getPages()) {
        const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
        for (const ref of annots?.asArray() ?? []) pdf.context.lookup(ref, PDFDict).delete(PDFName.of('Contents'))
        page.node.delete(PDFName.of('Tabs'))
      }
    },
  },
]

describe('folio check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-check-'))
  let edition: string
  beforeAll(() => {
    const converted = folio(['convert', reports, '--out', 'out', '--to', 'pdf', '--quiet'], dir)
    expect(converted.code, converted.stderr).toBe(0)
    edition = join('out', 'meridian-2025-urban-heat', 'meridian-2025-urban-heat.pdf')
  })

  it('passes the edition Folio made (exit 0), one verdict line naming the file', () => {
    const run = folio(['check', edition], dir)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^out\/meridian-2025-urban-heat\/meridian-2025-urban-heat\.pdf: passes \(\d+ pages\)\n$/)
    expect(run.code).toBe(0)
  })

  it('passes every fixture report’s edition, checked as a directory', () => {
    const run = folio(['check', 'out'], dir)
    const names = readdirSync(reports).filter((name) => !name.startsWith('.'))
    expect(names.length).toBeGreaterThan(5)
    expect(run.stdout.split('\n').filter(Boolean)).toEqual(
      names
        .sort()
        .map((name) => expect.stringMatching(new RegExp(`^out/${name}/${name}\\.pdf: passes \\(\\d+ pages\\)$`))),
    )
    expect(run.stderr).toBe(`${names.length} passed, 0 failed of ${names.length} files\n`)
    expect(run.code).toBe(0)
  })

  it('fails PDFs broken on purpose (exit 1), one `file:page rule message` line per failure', async () => {
    const good = readFileSync(join(dir, edition))
    const files: string[] = []
    for (const breaker of breakers) {
      const pdf = await PDFDocument.load(good, {updateMetadata: false})
      breaker.change(pdf)
      const file = `${breaker.name}.pdf`
      writeFileSync(join(dir, file), await pdf.save({useObjectStreams: false}))
      files.push(file)
    }
    const run = folio(['check', ...files], dir)
    expect(run.code).toBe(1)
    for (const breaker of breakers) {
      const file = `${breaker.name}.pdf`
      const lines = run.stdout.split('\n').filter((line) => line.startsWith(`${file}:`))
      const verdict = lines.at(-1) ?? ''
      const named = new RegExp(`^${file}: fails (\\d+) rules? \\(([a-z, -]+)\\) \\(\\d+ pages\\)$`).exec(verdict)
      expect(named, verdict).not.toBeNull()
      expect(named?.[2]?.split(', ').sort()).toEqual([...breaker.rules].sort())
      expect(Number(named?.[1])).toBe(breaker.rules.length)
      const failures = lines.slice(0, -1)
      expect(failures.length).toBeGreaterThan(0)
      for (const line of failures) {
        const match = /^[\w.-]+:(\d*) ([a-z-]+) Unexpected .+, expected .+$/.exec(line)
        expect(match, line).not.toBeNull()
        expect(breaker.rules).toContain(match?.[2])
      }
    }
    // Page-level failures name their page: the untagged text went on page 2.
    expect(run.stdout).toMatch(/^untagged-text\.pdf:2 content-marked Unexpected 1 painting operators? /m)
    expect(run.stdout).toContain('no-lang.pdf: lang Unexpected catalog without /Lang')
    expect(run.stderr).toBe(`0 passed, ${breakers.length} failed of ${breakers.length} files\n`)
  })

  it('fails a file that is no PDF with a clear message naming it, and goes on to the next file', () => {
    writeFileSync(join(dir, 'notes.pdf'), 'Minutes of the meeting\n')
    const run = folio(['check', 'notes.pdf', edition], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'notes.pdf: not-pdf Unexpected content starting "Minutes of the m", expected a PDF (a %PDF- header)\n',
    )
    expect(run.stdout).toContain('notes.pdf: fails 1 rule (not-pdf) (0 pages)\n')
    expect(run.stdout).toMatch(/out\/meridian-2025-urban-heat\/meridian-2025-urban-heat\.pdf: passes/)
  })

  it('prints one JSON report with --json', () => {
    writeFileSync(join(dir, 'empty.pdf'), '')
    const run = folio(['check', '--json', edition, 'empty.pdf'], dir)
    expect(run.code).toBe(1)
    const parsed = JSON.parse(run.stdout) as {
      tool: {name: string}
      summary: {files: number; passed: number; failed: number}
      files: Array<{file: string; passed: boolean; pages: number; failures: Array<{rule: string; message: string}>}>
    }
    expect(parsed.tool.name).toBe('folio')
    expect(parsed.summary).toEqual({files: 2, passed: 1, failed: 1})
    expect(parsed.files.map((file) => [file.file, file.passed])).toEqual([
      ['empty.pdf', false],
      ['out/meridian-2025-urban-heat/meridian-2025-urban-heat.pdf', true],
    ])
    expect(parsed.files[0]?.failures).toEqual([{rule: 'not-pdf', message: 'Unexpected empty file, expected a PDF'}])
    expect(parsed.files[1]?.pages).toBeGreaterThan(1)
  })

  it('answers usage errors with exit 2 and keeps --help working', () => {
    const none = folio(['check'], dir)
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('Unexpected missing input, expected PDF files, directories or globs')
    const missing = folio(['check', 'nowhere.pdf'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('Unexpected input `nowhere.pdf`: no such file or directory')
    const option = folio(['check', '--fast', edition], dir)
    expect(option.code).toBe(2)
    expect(option.stderr).toContain('Unexpected option `--fast`')
    const help = folio(['check', '--help'], dir)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--json')
    const top = folio(['--help'], dir)
    expect(top.code).toBe(0)
    expect(top.stdout.replace(/\u001b\[[\d;]*m/g, '')).toMatch(
      /^ *check +Check PDFs against the machine-checkable PDF\/UA-1 rules/m,
    )
    for (const command of ['convert', 'inspect']) expect(folio([command, '--help'], dir).code).toBe(0)
  })
})
