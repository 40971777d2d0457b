import {createHash} from 'node:crypto'
import {stat} from 'node:fs/promises'
import {basename, extname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'

export interface Input {
  /** Absolute path of the PDF. */
  path: string
  /** Path relative to the root it was found under; mirrored under --out. */
  relative: string
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

const isPdf = (path: string) => extname(path).toLowerCase() === '.pdf'

/**
 * Expand files, directories (recursively, `.pdf` files) and globs into a
 * sorted, de-duplicated list. A directory or a glob keeps the tree below its
 * root; a file named directly lands at the top of `--out`.
 */
export async function expandInputs(patterns: string[], cwd: string): Promise<Input[]> {
  const found = new Map<string, Input>()
  const add = (path: string, rel: string) => {
    if (!found.has(path)) found.set(path, {path, relative: rel})
  }
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern)
    const info = await stat(absolute).catch(() => undefined)
    if (info?.isFile()) {
      add(absolute, basename(absolute))
    } else if (info?.isDirectory()) {
      const files = await glob('**/*.[pP][dD][fF]', {cwd: absolute, absolute: true, followSymbolicLinks: false})
      for (const file of files) add(resolve(file), relative(absolute, file))
    } else if (isDynamicPattern(pattern)) {
      const files = await glob(pattern, {cwd, absolute: true, followSymbolicLinks: false})
      const base = resolve(cwd, globBase(pattern))
      for (const file of files.filter(isPdf)) add(resolve(file), relative(base, file))
    } else {
      throw new UsageError(`Unexpected input \`${pattern}\`: no such file or directory`)
    }
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** The static directory prefix of a glob: `reports/2024/*.pdf` → `reports/2024`. */
function globBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/)
  const fixed: string[] = []
  for (const part of parts) {
    if (isDynamicPattern(part)) break
    fixed.push(part)
  }
  if (fixed.length === parts.length) fixed.pop()
  return fixed.join('/') || '.'
}

/**
 * Where a file's editions go: `<out>/<relative dir>/<basename>`, never
 * outside `out` whatever the names hold.
 */
export function outputBase(out: string, input: Input): string {
  const rel = input.relative.slice(0, input.relative.length - extname(input.relative).length)
  const target = resolve(out, rel)
  const root = resolve(out)
  if (isAbsolute(rel) || (target !== root && !target.startsWith(root + sep))) {
    return join(root, basename(rel))
  }
  return target
}

/** Parse `--shard i/n` (1-based). */
export function parseShard(value: string): {index: number; count: number} {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Unexpected --shard \`${value}\`, expected i/n with 1 <= i <= n`)
  }
  return {index, count}
}

/**
 * The inputs of shard `index` of `count`: a file's shard comes from a hash of
 * its relative path, so it stays put when other files come and go, and the
 * shards together cover every file exactly once.
 */
export function shard(inputs: Input[], spec: {index: number; count: number}): Input[] {
  return inputs.filter((input) => {
    const hash = createHash('sha256').update(input.relative).digest()
    return hash.readUInt32BE(0) % spec.count === spec.index - 1
  })
}
