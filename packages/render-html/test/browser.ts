import {existsSync} from 'node:fs'
import type {Browser} from 'playwright-core'

export const chromiumPath = process.env.FOLIO_CHROMIUM ?? '/usr/bin/chromium'

/**
 * Whether the browser tests can run. In CI a missing Chromium is a failure
 * (the test says so); elsewhere the tests are skipped with the reason shown.
 */
export function browserAvailability(): {run: boolean; reason: string} {
  if (existsSync(chromiumPath)) return {run: true, reason: ''}
  const reason = `Chromium not found at ${chromiumPath} (install the Debian package chromium)`
  if (process.env.CI) return {run: true, reason}
  return {run: false, reason}
}

export async function launch(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Unexpected missing browser: ${chromiumPath}, expected Debian's chromium (CI requires it)`)
  }
  const {chromium} = await import('playwright-core')
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
