import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv} from 'ajv'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import reportSchema from '../schema/report.schema.json' with {type: 'json'}
import {makePdf, makeReport} from './make-pdf.js'

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
const report = join(root, 'fixtures/reports/rasanah-2024-defense-alliance/rasanah-2024-defense-alliance.pdf')

function folio(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, CI: 'true'}})
  return {code: run.status, stdout: run.stdout, stderr: run.stderr}
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'folio-cli-'))
}

function qpdfAvailable(): boolean {
  const found = spawnSync('qpdf', ['--version']).status === 0
  if (!found && process.env.CI) throw new Error('qpdf is required in CI (apt-get install qpdf)')
  return found
}

describe('folio --help', () => {
  it('documents every option of convert', () => {
    const {code, stdout} = folio(['convert', '--help'], root)
    expect(code).toBe(0)
    for (const option of [
      '--out',
      '--to',
      '--concurrency',
      '--password',
      '--page-size',
      '--strict',
      '--force',
      '--shard',
      '--report',
      '--junit',
      '--timeout',
      '--max-memory',
      '--quiet',
      '--verbose',
      '--config',
    ]) {
      expect(stdout).toContain(option)
    }
  })

  it('lists the convert command', () => {
    const {code, stdout} = folio(['--help'], root)
    expect(code).toBe(0)
    expect(stdout).toContain('convert')
  })
})

describe('usage errors exit 2', () => {
  it.each([
    [['convert', 'x.pdf'], /--out/],
    [['convert', '--out', 'o'], /missing input/],
    [['convert', 'missing.pdf', '--out', 'o'], /no such file/],
    [['convert', 'a.pdf', '--out', 'o', '--bogus'], /--bogus/],
    [['convert', 'a.pdf', '--out', 'o', '--to', 'docx'], /docx/],
    [['convert', 'a.pdf', '--out', 'o', '--shard', '3/2'], /shard/],
    [['frobnicate'], /frobnicate/],
  ])('%j', (args, message) => {
    const dir = workspace()
    writeFileSync(join(dir, 'a.pdf'), makeReport('A'))
    const {code, stderr} = folio(args, dir)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(existsSync(join(dir, 'o', 'a.html'))).toBe(false)
  })
})

describe('folio convert', () => {
  it('converts the bundled report into the three default editions', () => {
    const dir = workspace()
    const {code, stderr} = folio(['convert', report, '--out', 'out'], dir)
    expect(stderr).toMatch(/1 converted, 0 skipped, 0 failed/)
    expect(code).toBe(0)
    const files = readdirSync(join(dir, 'out'))
      .filter((f) => !f.startsWith('.'))
      .sort()
    expect(files).toEqual([
      'rasanah-2024-defense-alliance.epub',
      'rasanah-2024-defense-alliance.html',
      'rasanah-2024-defense-alliance.pdf',
    ])
    const html = readFileSync(join(dir, 'out/rasanah-2024-defense-alliance.html'), 'utf8')
    expect(html).toMatch(/<h\d[^>]*>[^<]*US Motives Behind the Formation of a Regional Security Alliance/)
    expect(readFileSync(join(dir, 'out/rasanah-2024-defense-alliance.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
    expect(readFileSync(join(dir, 'out/rasanah-2024-defense-alliance.epub')).subarray(30, 38).toString()).toBe(
      'mimetype',
    )
  })

  it('reports a mixed batch, goes on after failures and leaves no partial output', () => {
    const dir = workspace()
    mkdirSync(join(dir, 'in/sub'), {recursive: true})
    writeFileSync(join(dir, 'in/good.pdf'), makeReport('A good report'))
    writeFileSync(join(dir, 'in/sub/also good (2024) é.pdf'), makeReport('Another good report'))
    writeFileSync(join(dir, 'in/not-a-pdf.pdf'), 'this is plain text, not a PDF\n')
    const truncated = makeReport('Cut short')
    writeFileSync(join(dir, 'in/damaged.pdf'), truncated.subarray(0, Math.floor(truncated.length / 3)))
    writeFileSync(join(dir, 'in/scan.pdf'), makePdf([[], []]))
    const {code, stderr} = folio(
      ['convert', 'in', '--out', 'out', '--to', 'html,json', '--report', 'report.json', '--junit', 'junit.xml'],
      dir,
    )
    expect(code).toBe(1)
    expect(stderr).toMatch(/2 converted, 0 skipped, 3 failed/)
    expect(stderr).toMatch(/not-a-pdf\.pdf/)
    expect(stderr).toMatch(/damaged\.pdf/)
    expect(stderr).toMatch(/scan\.pdf: .*text/)
    expect(existsSync(join(dir, 'out/good.html'))).toBe(true)
    expect(existsSync(join(dir, 'out/sub/also good (2024) é.html'))).toBe(true)
    for (const name of ['not-a-pdf', 'damaged', 'scan']) {
      expect(existsSync(join(dir, `out/${name}.html`))).toBe(false)
      expect(existsSync(join(dir, `out/${name}.json`))).toBe(false)
    }
    expect(readdirSync(join(dir, 'out')).some((f) => f.endsWith('.partial'))).toBe(false)

    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))
    const validate = new Ajv({allErrors: true, strict: true}).compile(reportSchema)
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true)
    expect(json.files).toHaveLength(5)
    expect(json.summary).toMatchObject({converted: 2, failed: 3})
    const good = json.files.find((f: {input: string}) => f.input.endsWith('good.pdf'))
    expect(good.status).toBe('converted')
    expect(good.pages).toBe(2)
    expect(Object.keys(good.timings)).toEqual(expect.arrayContaining(['extract', 'normalize', 'html', 'json']))
    expect(good.outputs[0].sha256).toMatch(/^[0-9a-f]{64}$/)
    const damaged = json.files.find((f: {input: string}) => f.input.endsWith('damaged.pdf'))
    expect(damaged.status).toBe('failed')
    expect(damaged.error.message).toContain('damaged.pdf')

    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8')
    expect(XMLValidator.validate(junit)).toBe(true)
    // The JUnit schema CI systems read: testsuites > testsuite(name, tests, failures, errors, skipped, time)
    // > testcase(name, classname, time) with an optional failure(message, type) or skipped.
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => name === 'testcase',
    }).parse(junit)
    const suite = parsed.testsuites.testsuite
    expect(suite).toMatchObject({name: 'folio convert', tests: '5', failures: '3', errors: '0', skipped: '0'})
    expect(Number(suite.time)).toBeGreaterThan(0)
    expect(suite.testcase).toHaveLength(5)
    for (const testcase of suite.testcase) {
      expect(testcase.classname).toBe('folio.convert')
      expect(testcase.name).toMatch(/\.pdf$/)
      expect(Number(testcase.time)).toBeGreaterThanOrEqual(0)
    }
    const failed = suite.testcase.filter((testcase: {failure?: unknown}) => testcase.failure)
    expect(failed).toHaveLength(3)
    for (const testcase of failed) expect(testcase.failure.message).toContain(testcase.name.split('/').at(-1))
  })

  it('fails an encrypted PDF without its password and converts it with the password', () => {
    if (!qpdfAvailable()) return
    const dir = workspace()
    writeFileSync(join(dir, 'plain.pdf'), makeReport('Secret report'))
    expect(
      spawnSync('qpdf', ['--encrypt', 'user-pw', 'owner-pw', '256', '--', 'plain.pdf', 'locked.pdf'], {cwd: dir})
        .status,
    ).toBe(0)
    const without = folio(['convert', 'locked.pdf', '--out', 'out', '--to', 'html'], dir)
    expect(without.code).toBe(1)
    expect(without.stderr).toMatch(/locked\.pdf.*(password|encrypt)/i)
    expect(existsSync(join(dir, 'out/locked.html'))).toBe(false)
    const withPassword = folio(['convert', 'locked.pdf', '--out', 'out', '--to', 'html', '--password', 'user-pw'], dir)
    expect(withPassword.code).toBe(0)
    expect(readFileSync(join(dir, 'out/locked.html'), 'utf8')).toContain('Secret report')
  })

  it('skips unchanged files, and converts them again when options change or with --force', () => {
    const dir = workspace()
    writeFileSync(join(dir, 'a.pdf'), makeReport('First'))
    writeFileSync(join(dir, 'b.pdf'), makeReport('Second'))
    expect(folio(['convert', '.', '--out', 'out', '--to', 'json'], dir).stderr).toMatch(/2 converted, 0 skipped/)
    expect(folio(['convert', '.', '--out', 'out', '--to', 'json'], dir).stderr).toMatch(/0 converted, 2 skipped/)
    writeFileSync(join(dir, 'b.pdf'), makeReport('Second, revised'))
    expect(folio(['convert', '.', '--out', 'out', '--to', 'json'], dir).stderr).toMatch(/1 converted, 1 skipped/)
    expect(folio(['convert', '.', '--out', 'out', '--to', 'json,md'], dir).stderr).toMatch(/2 converted, 0 skipped/)
    expect(folio(['convert', '.', '--out', 'out', '--to', 'json,md', '--force'], dir).stderr).toMatch(
      /2 converted, 0 skipped/,
    )
  })

  it('resumes an interrupted batch where it stopped', async () => {
    const dir = workspace()
    const names = ['a', 'b', 'c', 'd']
    for (const name of names) writeFileSync(join(dir, `${name}.pdf`), makeReport(`Report ${name}`, 3))
    // Kill the run (no chance to clean up) as soon as its first file is done.
    await new Promise<void>((done) => {
      const child = spawn(process.execPath, [bin, 'convert', '.', '--out', 'out', '--to', 'html,pdf', '-j', '1'], {
        cwd: dir,
        env: {...process.env, CI: 'true'},
      })
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('✔')) child.kill('SIGKILL')
      })
      child.on('exit', () => done())
    })
    const again = folio(['convert', '.', '--out', 'out', '--to', 'html,pdf', '-j', '1'], dir)
    expect(again.code).toBe(0)
    const summary = /(\d+) converted, (\d+) skipped, 0 failed/.exec(again.stderr)
    expect(Number(summary?.[2])).toBeGreaterThanOrEqual(1)
    expect(Number(summary?.[1]) + Number(summary?.[2])).toBe(names.length)
    expect(readdirSync(join(dir, 'out')).some((f) => f.endsWith('.partial'))).toBe(false)
  })

  it('splits a batch into shards that cover every file exactly once', () => {
    const dir = workspace()
    const names = ['a', 'b', 'c', 'd', 'e']
    for (const name of names) writeFileSync(join(dir, `${name}.pdf`), makeReport(`Report ${name}`))
    const seen: string[] = []
    for (const shard of ['1/2', '2/2']) {
      const {code} = folio(['convert', '*.pdf', '--out', `out-${shard[0]}`, '--to', 'json', '--shard', shard], dir)
      expect(code).toBe(0)
      seen.push(...readdirSync(join(dir, `out-${shard[0]}`)).filter((f) => f.endsWith('.json') && !f.startsWith('.')))
    }
    expect(seen.sort()).toEqual(names.map((n) => `${n}.json`))
  })

  it('takes defaults from folio.config.json', () => {
    const dir = workspace()
    writeFileSync(join(dir, 'a.pdf'), makeReport('Configured'))
    writeFileSync(join(dir, 'folio.config.json'), JSON.stringify({to: ['md']}))
    expect(folio(['convert', 'a.pdf', '--out', 'out'], dir).code).toBe(0)
    expect(readdirSync(join(dir, 'out')).filter((f) => !f.startsWith('.'))).toEqual(['a.md'])
    writeFileSync(join(dir, 'folio.config.json'), JSON.stringify({colour: 'blue'}))
    const bad = folio(['convert', 'a.pdf', '--out', 'out'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/colour/)
  })

  it('writes byte-identical editions on every run', () => {
    const dir = workspace()
    writeFileSync(join(dir, 'a.pdf'), makeReport('Deterministic'))
    for (const out of ['one', 'two']) {
      expect(folio(['convert', 'a.pdf', '--out', out, '--to', 'html,epub,pdf,md,json'], dir).code).toBe(0)
    }
    for (const ext of ['html', 'epub', 'pdf', 'md', 'json']) {
      expect(readFileSync(join(dir, `one/a.${ext}`)).equals(readFileSync(join(dir, `two/a.${ext}`)))).toBe(true)
    }
  })
})
