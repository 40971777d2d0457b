import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {unzipSync} from 'fflate'
import {byName, parseXml, textOf} from './xml.js'

export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar'

/** Whether a tool is there; in CI a missing tool is a failure, elsewhere a visible skip. */
export function requireTool(name: string, present: boolean): boolean {
  if (present) return true
  if (process.env['CI']) throw new Error(`${name} is required in CI but was not found`)
  console.warn(`Skipping: ${name} not found (install it to run this test)`)
  return false
}

function javaPresent(): boolean {
  const path = process.env['PATH'] ?? ''
  return path.split(':').some((directory) => existsSync(join(directory, 'java')))
}

export const hasEpubcheck = () =>
  requireTool('epubcheck (java + /usr/share/java/epubcheck.jar)', javaPresent() && existsSync(EPUBCHECK_JAR))

export interface EpubcheckReport {
  name: string
  fatals: number
  errors: number
  warnings: number
  output: string
}

function runEpubcheck(file: string): Promise<string> {
  return new Promise((resolve) => {
    // A short-lived JVM: the client compiler alone and the serial collector halve the CPU time of a run.
    const flags = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']
    execFile(
      'java',
      [...flags, '-jar', EPUBCHECK_JAR, file],
      {maxBuffer: 16 * 1024 * 1024},
      (_error, stdout, stderr) => {
        resolve(`${stdout}\n${stderr}`)
      },
    )
  })
}

/**
 * Validate EPUBs with epubcheck. Its command line takes one publication per run, so the files are checked two
 * at a time (one JVM each) to keep the total short.
 */
export async function epubcheck(epubs: Array<{name: string; value: Uint8Array}>): Promise<EpubcheckReport[]> {
  const directory = await mkdtemp(join(tmpdir(), 'folio-epubcheck-'))
  const files = await Promise.all(
    epubs.map(async (epub, index) => {
      const file = join(directory, `${index}-${epub.name.replace(/[^a-z0-9-]+/gi, '-')}.epub`)
      await writeFile(file, epub.value)
      return file
    }),
  )
  const reports: EpubcheckReport[] = new Array(epubs.length)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const index = next++
      const output = await runEpubcheck(files[index]!)
      const summary = /Messages:\s*(\d+) fatals?\s*\/\s*(\d+) errors?\s*\/\s*(\d+) warnings?/.exec(output)
      reports[index] = {
        name: epubs[index]!.name,
        fatals: summary ? Number(summary[1]) : Number.NaN,
        errors: summary ? Number(summary[2]) : Number.NaN,
        warnings: summary ? Number(summary[3]) : Number.NaN,
        output: output.trim(),
      }
    }
  }
  await Promise.all([worker(), worker()])
  return reports
}

/** The files of an EPUB, in archive order. */
export function unzip(value: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(value)))
}

export function fileText(files: Map<string, Uint8Array>, path: string): string {
  const data = files.get(path)
  if (!data) throw new Error(`No ${path} in the EPUB`)
  return new TextDecoder().decode(data)
}

export function opf(files: Map<string, Uint8Array>) {
  return parseXml(fileText(files, 'EPUB/package.opf'))
}

export function metaValues(files: Map<string, Uint8Array>, property: string): string[] {
  return byName(opf(files), 'meta')
    .filter((meta) => meta.attributes['property'] === property)
    .map((meta) => textOf(meta))
}

export function spineFiles(files: Map<string, Uint8Array>): string[] {
  const pkg = opf(files)
  const hrefs = new Map(byName(pkg, 'item').map((item) => [item.attributes['id'], item.attributes['href']]))
  return byName(pkg, 'itemref').map((ref) => `EPUB/${hrefs.get(ref.attributes['idref'])}`)
}

/** Content documents: the spine less the title page and the navigation. */
export function contentFiles(files: Map<string, Uint8Array>): string[] {
  return spineFiles(files).filter((path) => path !== 'EPUB/title.xhtml' && path !== 'EPUB/nav.xhtml')
}

export const CHROMIUM = '/usr/bin/chromium'
const require = createRequire(import.meta.url)
const ACE = join(dirname(require.resolve('@daisy/ace-cli/package.json')), 'bin', 'ace.js')

export const hasChromium = () => requireTool('Chromium (/usr/bin/chromium) for Ace', existsSync(CHROMIUM))

interface AceAssertion {
  'earl:result': {'earl:outcome': string}
  'earl:test'?: {'dct:title': string; 'earl:impact': string; 'dct:description'?: string}
  'earl:testSubject'?: {url: string}
  assertions?: AceAssertion[]
}

/** Ace by DAISY on one EPUB, with Debian's Chromium and no network: its JSON report. */
export function ace(file: string, out: string): Promise<{outcome: string; violations: string[]; metadata: unknown}> {
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
