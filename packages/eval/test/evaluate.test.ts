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

// Each case spawns the pipeline: allow a slow, shared machine.
describe('folio-eval binary', {timeout: 120_000}, () => {
  it('prints the tables, writes the JSON and exits 1 when a gold fixture fails', async () => {
    const json = join(work, 'results', 'eval.json')
    const result = spawnSync(process.execPath, [bin, '--reports', reports, '--no-corpus', '--json', json], {
      encoding: 'utf8',
    })
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
      [bin, '--reports', reports, '--no-corpus', '--only', 'not-a,no-gold', '--json', json],
      {encoding: 'utf8'},
    )
    expect(result.status).toBe(1)
    const written = JSON.parse(await readFile(json, 'utf8')) as EvalReport
    expect(written.gold.documents.map((row) => row.name)).toEqual(['not-a-pdf'])
    expect(written.survey.documents.map((row) => row.name)).toEqual(['fixtures/no-gold'])
  })

  it('exits 2 on a bad option, naming it', () => {
    const result = spawnSync(process.execPath, [bin, '--timeout', 'soon'], {encoding: 'utf8'})
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Unexpected --timeout `soon`, expected a positive integer')
  })
})
