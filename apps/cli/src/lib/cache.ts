import {readFile, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {writeAtomic} from './pipeline.js'
import type {FileResult} from './types.js'

/** The file in `--out` that remembers what each input was converted from. */
export const CACHE_FILE = '.folio-cache.json'

export interface CacheEntry {
  key: string
  outputs: string[]
}

export type Cache = Record<string, CacheEntry>

export async function readCache(out: string): Promise<Cache> {
  try {
    const parsed = JSON.parse(await readFile(join(out, CACHE_FILE), 'utf8')) as unknown
    return parsed && typeof parsed === 'object' ? (parsed as Cache) : {}
  } catch {
    return {}
  }
}

/** A file is fresh when its key matches and every output it made is still there. */
export async function isFresh(cache: Cache, input: string, key: string): Promise<boolean> {
  const entry = cache[input]
  if (!entry || entry.key !== key) return false
  const present = await Promise.all(
    entry.outputs.map((path) =>
      stat(path).then(
        () => true,
        () => false,
      ),
    ),
  )
  return present.every(Boolean)
}

export function remember(cache: Cache, result: FileResult): void {
  if (result.status === 'converted' && result.key) {
    cache[result.input] = {key: result.key, outputs: result.outputs.map((output) => output.path)}
  }
}

/**
 * Keeps the cache file in step with the run: written after every file, one
 * write at a time, so a run that is interrupted resumes where it stopped.
 */
export function cacheWriter(out: string, cache: Cache): {save: () => Promise<void>} {
  let last: Promise<void> = Promise.resolve()
  return {
    save() {
      const text = `${JSON.stringify(cache, null, 2)}\n`
      last = last.then(() => writeAtomic(join(out, CACHE_FILE), text))
      return last
    },
  }
}
