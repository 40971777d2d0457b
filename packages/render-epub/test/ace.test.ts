import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {toEpub} from '../src/index.js'
import {goldTrees, variantTrees} from './fixtures.js'
import {requireTool} from './tools.js'

const CHROMIUM = '/usr/bin/chromium'
const require = createRequire(import.meta.url)
const ACE = join(dirname(require.resolve('@daisy/ace-cli/package.json')), 'bin', 'ace.js')

interface AceAssertion {
  'earl:result': {'earl:outcome': string}
  'earl:test'?: {'dct:title': string; 'earl:impact': string; 'dct:description'?: string}
  'earl:testSubject'?: {url: string}
  assertions?: AceAssertion[]
}

/** Ace by DAISY on one EPUB, with Debian's Chromium and no network: its JSON report. */
function ace(file: string, out: string): Promise<{outcome: string; violations: string[]; metadata: unknown}> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [ACE, '--force', '--silent', '--outdir', out, file],
      {env: {...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM, PUPPETEER_SKIP_DOWNLOAD: '1'}, maxBuffer: 1 << 24},
      async (error, stdout, stderr) => {
        try {
          const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as {
            'earl:result': {'earl:outcome': string}
            assertions: AceAssertion[]
            'a11y-metadata': unknown
          }
          const violations: string[] = []
          for (const document of report.assertions) {
            for (const assertion of document.assertions ?? []) {
              if (assertion['earl:result']['earl:outcome'] !== 'pass') {
                violations.push(
                  `${document['earl:testSubject']?.url}: ${assertion['earl:test']?.['dct:title']} ` +
                    `(${assertion['earl:test']?.['earl:impact']}) ${assertion['earl:test']?.['dct:description'] ?? ''}`,
                )
              }
            }
          }
          resolve({outcome: report['earl:result']['earl:outcome'], violations, metadata: report['a11y-metadata']})
        } catch (cause) {
          reject(new Error(`Ace failed on ${file}: ${error?.message ?? ''}\n${stdout}\n${stderr}`, {cause}))
        }
      },
    )
  })
}

describe('toEpub: Ace by DAISY', () => {
  it('reports no violation for the canonical tree, its variants and every fixture', {timeout: 600_000}, async () => {
    if (!requireTool('Chromium (/usr/bin/chromium) for Ace', existsSync(CHROMIUM))) return
    const directory = await mkdtemp(join(tmpdir(), 'folio-ace-'))
    for (const {name, tree} of [...variantTrees(), ...goldTrees()]) {
      const file = join(directory, `${name}.epub`)
      await writeFile(file, (await toEpub(tree)).value)
      const result = await ace(file, join(directory, name))
      console.log(`Ace ${name}: ${result.outcome}, ${result.violations.length} violations`)
      expect(result.violations, name).toEqual([])
      expect(result.outcome, name).toBe('pass')
    }
  })
})
