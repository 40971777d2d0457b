import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {UsageError} from './inputs.js'

/** Defaults a project can keep in `folio.config.json` or under `folio` in package.json. */
export interface FileConfig {
  to?: string[] | string
  pageSize?: 'A4' | 'Letter'
  lang?: string
  password?: string
  concurrency?: number
  timeout?: number
  maxMemory?: number
}

const known = new Set(['to', 'pageSize', 'lang', 'password', 'concurrency', 'timeout', 'maxMemory'])

async function readJson(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return undefined
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new UsageError(`Unexpected invalid JSON in \`${path}\`: ${(error as Error).message}`)
  }
}

/** Read the configuration from `cwd`: `folio.config.json` first, then package.json's `folio` key. */
export async function loadConfig(cwd: string, explicit?: string): Promise<FileConfig> {
  const path = explicit ? join(cwd, explicit) : join(cwd, 'folio.config.json')
  let config = await readJson(path)
  if (config === undefined && explicit) throw new UsageError(`Unexpected missing config file \`${explicit}\``)
  if (config === undefined) {
    const pkg = (await readJson(join(cwd, 'package.json'))) as {folio?: unknown} | undefined
    config = pkg?.folio
  }
  if (config === undefined) return {}
  if (!config || typeof config !== 'object' || Array.isArray(config)) {
    throw new UsageError('Unexpected folio configuration, expected an object')
  }
  for (const key of Object.keys(config)) {
    if (!known.has(key))
      throw new UsageError(`Unexpected configuration key \`${key}\`, expected one of ${[...known].join(', ')}`)
  }
  return config as FileConfig
}
