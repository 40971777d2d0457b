import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {unzipSync} from 'fflate'

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
    execFile('java', ['-jar', EPUBCHECK_JAR, file], {maxBuffer: 16 * 1024 * 1024}, (_error, stdout, stderr) => {
      resolve(`${stdout}\n${stderr}`)
    })
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
