import {spawnSync} from 'node:child_process'
import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {toJson, u} from '@folio/ast'
import {beforeAll, describe, expect, it} from 'vitest'
import type {EvalReport} from '../src/index.js'
import {evaluate, formatReport} from '../src/index.js'

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

const gold = u.root({title: 'A report', lang: 'en'}, [u.paragraph([u.text('Body.')])])

/** A reports folder with bad inputs only: every row must fail, none may crash the run. */
let reports: string
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'folio-eval-'))
  reports = join(work, 'reports')
  const notPdf = join(reports, 'not-a-pdf')
  await mkdir(notPdf, {recursive: true})
  await writeFile(join(notPdf, 'not-a-pdf.pdf'), 'This is plain text, not a PDF.\n')
  await writeFile(join(notPdf, 'gold.json'), toJson(gold))
  const badGold = join(reports, 'bad-gold')
  await mkdir(badGold, {recursive: true})
  await writeFile(join(badGold, 'bad-gold.pdf'), '%PDF-1.7\ntruncated')
  await writeFile(join(badGold, 'gold.json'), JSON.stringify({type: 'root', version: '1.0.0', meta: {lang: 'en'}}))
  const badArtifacts = join(reports, 'bad-artifacts')
  await mkdir(badArtifacts, {recursive: true})
  await writeFile(join(badArtifacts, 'bad-artifacts.pdf'), '')
  await writeFile(join(badArtifacts, 'gold.json'), toJson(gold))
  await writeFile(join(badArtifacts, 'artifacts.json'), JSON.stringify({lines: [3]}))
  const corpusGold = join(work, 'corpus-gold', 'absent-report')
  await mkdir(corpusGold, {recursive: true})
  await writeFile(join(corpusGold, 'gold.json'), toJson(gold))
  await writeFile(join(corpusGold, 'artifacts.json'), JSON.stringify(['A running head']))
  // A folder without gold.json is no gold fixture.
  await mkdir(join(work, 'corpus-gold', 'notes-only'), {recursive: true})
  await writeFile(join(work, 'corpus-gold', 'notes-only', 'NOTES.md'), 'Not yet.\n')
  const noGold = join(reports, 'no-gold')
  await mkdir(noGold, {recursive: true})
  await writeFile(join(noGold, 'no-gold.pdf'), 'nothing')
})

describe('evaluate', {timeout: 120_000}, () => {
  it('reports every failing file as a row and keeps going', async () => {
    const report = await evaluate({reports, corpus: join(work, 'absent'), isolate: false})
    const rows = Object.fromEntries(report.gold.documents.map((row) => [row.name, row.error]))
    expect(Object.keys(rows)).toEqual(['bad-artifacts', 'bad-gold', 'not-a-pdf'])
    expect(rows['not-a-pdf']).toMatch(/^not-pdf: .*not-a-pdf\.pdf/)
    expect(rows['bad-gold']).toMatch(/^gold: .*gold\.json: .*authors/)
    expect(rows['bad-artifacts']).toMatch(
      /artifacts\.json: Unexpected content, expected \[string\] or \{"lines": \[string\]\}/,
    )
    expect(report.gold.failed).toBe(3)
    expect(report.gold.total.documents).toBe(0)
    expect(report.survey.documents.map((row) => row.name)).toEqual(['fixtures/no-gold'])
    expect(report.survey.documents[0]?.error).toMatch(/^not-pdf/)
    expect(report.survey.corpus.skipped).toBe(`${join(work, 'absent')} not found`)
    const text = formatReport(report)
    expect(text).toMatch(/\| not-a-pdf +\| +– .*\| failed: not-pdf: /)
    expect(text).toMatch(/\| total \(0 scored\) .*\| 3 failed +\|/)
    expect(text).toContain(`Corpus skipped: ${join(work, 'absent')} not found.`)
  })
})

describe('gold trees of corpus PDFs', {timeout: 120_000}, () => {
  it('are skipped, not failed, when their PDF is absent', async () => {
    const absent = join(work, 'no-such-corpus')
    const report = await evaluate({
      reports: join(work, 'no-reports'),
      corpusGold: {gold: join(work, 'corpus-gold'), pdfs: absent},
      isolate: false,
    })
    expect(report.gold.documents).toEqual([
      expect.objectContaining({name: 'corpus/absent-report', skipped: 'source PDF not found'}),
    ])
    expect(report.gold.documents[0]?.score).toBeUndefined()
    expect(report.gold.documents[0]?.error).toBeUndefined()
    expect([report.gold.failed, report.gold.skipped, report.gold.total.documents]).toEqual([0, 1, 0])
    const text = formatReport(report)
    expect(text).toMatch(/^\| corpus\/absent-report +\| +– .*\| skipped: source PDF not found +\|$/m)
    expect(text).toMatch(/\| total \(0 scored\) .*\| 1 skipped +\|/)
  })

  it('are scored against the PDF of their name when it is there', async () => {
    const pdfs = join(work, 'pdfs')
    await mkdir(pdfs, {recursive: true})
    await writeFile(join(pdfs, 'absent-report.pdf'), 'Plain text again.\n')
    const report = await evaluate({
      reports: join(work, 'no-reports'),
      corpus: pdfs,
      corpusGold: {gold: join(work, 'corpus-gold'), pdfs},
      isolate: false,
    })
    expect(report.gold.documents.map((row) => [row.name, row.skipped])).toEqual([['corpus/absent-report', undefined]])
    expect(report.gold.documents[0]?.error).toMatch(/^not-pdf: .*absent-report\.pdf/)
    expect(report.gold.failed).toBe(1)
    // A PDF scored against its gold is not surveyed again.
    expect(report.survey.documents).toEqual([])
  })
})

// Each case spawns the pipeline: allow a slow, shared machine.
describe('folio-eval binary', {timeout: 120_000}, () => {
  it('prints the tables, writes the JSON and exits 1 when a gold fixture fails', async () => {
    const json = join(work, 'results', 'eval.json')
    const result = spawnSync(
      process.execPath,
      [bin, '--reports', reports, '--no-corpus', '--no-corpus-gold', '--json', json],
      {
        encoding: 'utf8',
      },
    )
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('## Gold fixtures (3)')
    expect(result.stdout).toMatch(/\| document +\| heading P \| heading R \| level \|/)
    expect(result.stdout).toContain('Corpus skipped: no corpus folder given.')
    expect(result.stderr).toMatch(/not-a-pdf: not-pdf: /)
    const written = JSON.parse(await readFile(json, 'utf8')) as EvalReport
    expect(written.gold.documents).toHaveLength(3)
    expect(written.gold.failed).toBe(3)
  })

  it('runs only the PDFs named with --only', async () => {
    const json = join(work, 'results', 'only.json')
    const result = spawnSync(
      process.execPath,
      [bin, '--reports', reports, '--no-corpus', '--no-corpus-gold', '--only', 'not-a,no-gold', '--json', json],
      {encoding: 'utf8'},
    )
    expect(result.status).toBe(1)
    const written = JSON.parse(await readFile(json, 'utf8')) as EvalReport
    expect(written.gold.documents.map((row) => row.name)).toEqual(['not-a-pdf'])
    expect(written.survey.documents.map((row) => row.name)).toEqual(['fixtures/no-gold'])
  })

  it('reports corpus gold without its PDF as skipped, and does not fail on it', async () => {
    const json = join(work, 'results', 'skipped.json')
    const result = spawnSync(
      process.execPath,
      [
        bin,
        '--reports',
        reports,
        '--corpus',
        join(work, 'no-such-corpus'),
        '--corpus-gold',
        join(work, 'corpus-gold'),
        '--json',
        json,
      ],
      {encoding: 'utf8'},
    )
    expect(result.stdout).toContain('## Gold fixtures (4)')
    expect(result.stdout).toMatch(/^\| corpus\/absent-report +\| .*\| skipped: source PDF not found +\|$/m)
    expect(result.stdout).toMatch(/\| 3 failed, 1 skipped +\|/)
    expect(result.stderr).toMatch(/corpus\/absent-report: skipped: source PDF not found/)
    // The three bad fixtures fail the run; the skipped one adds nothing to that.
    expect(result.status).toBe(1)
    const written = JSON.parse(await readFile(json, 'utf8')) as EvalReport
    expect([written.gold.failed, written.gold.skipped]).toEqual([3, 1])
  })

  it('exits 2 on a bad option, naming it', () => {
    const result = spawnSync(process.execPath, [bin, '--timeout', 'soon'], {encoding: 'utf8'})
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Unexpected --timeout `soon`, expected a positive integer')
  })
})
