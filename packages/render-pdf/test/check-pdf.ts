/**
 * Check PDF files against the machine-checkable PDF/UA-1 rules:
 * `pnpm check-pdf <file.pdf>…`. Prints one line per failure (rule, page,
 * message) and a summary per file on stdout; exits 1 when any file fails.
 */
import {readFile} from 'node:fs/promises'
import {checkPdfUa, formatFailures} from './pdfua.ts'

const files = process.argv.slice(2)
if (files.length === 0) {
  process.stderr.write('Usage: check-pdf <file.pdf>…\n')
  process.exitCode = 2
}
for (const file of files) {
  try {
    const checked = await checkPdfUa(new Uint8Array(await readFile(file)))
    const rules = new Set(checked.failures.map((failure) => failure.rule))
    if (checked.failures.length > 0) process.stdout.write(`${formatFailures(checked.failures)}\n`)
    process.stdout.write(
      `${file}: ${checked.failures.length === 0 ? 'passes' : `fails ${rules.size} rules (${[...rules].join(', ')})`}; ${checked.pdf.getPageCount()} pages\n`,
    )
    if (checked.failures.length > 0) process.exitCode = 1
  } catch (error) {
    process.stdout.write(`${file}: cannot be read: ${(error as Error).message}\n`)
    process.exitCode = 1
  }
}
