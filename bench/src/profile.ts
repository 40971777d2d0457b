/**
 * Summarize a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with the
 * most self time, and self time per package (Folio package, dependency or Node).
 * Usage: node dist/profile.js <file.cpuprofile | dir> [top] [pattern for the inclusive list]
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

interface ProfileNode {
  id: number
  callFrame: {functionName: string; url: string; lineNumber: number}
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

const [target, topArg = '25', pattern = '(packages|apps)/'] = process.argv.slice(2)
if (!target) throw new Error('Usage: profile <file.cpuprofile | dir> [top]')
const top = Number(topArg)
const files = statSync(target).isDirectory()
  ? readdirSync(target)
      .filter((name) => name.endsWith('.cpuprofile'))
      .map((name) => join(target, name))
  : [target]

/** Where a script belongs: a Folio package, a dependency, or Node itself. */
function owner(url: string): string {
  if (!url) return '(native / gc / idle)'
  const pkg = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg?.[1]) return pkg[1]
  const folio = /\/(packages|apps)\/([^/]+)\//.exec(url)
  if (folio?.[2]) return `@folio/${folio[2]}`
  if (url.startsWith('node:')) return 'node'
  return url
}

const selfByFunction = new Map<string, number>()
const totalByFunction = new Map<string, number>()
const selfByOwner = new Map<string, number>()
let total = 0
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const label = (node: ProfileNode) => {
    const {functionName, url, lineNumber} = node.callFrame
    const short = url.replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^.*\/work\/main\//, '')
    return `${functionName || '(anonymous)'}  ${short}:${lineNumber + 1}`
  }
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i] ?? -1)
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000
    if (!node) continue
    const {functionName, url} = node.callFrame
    if (functionName === '(idle)' || functionName === '(program)') continue
    const key = label(node)
    // Inclusive time: every function on the stack, once per sample.
    const seen = new Set<string>()
    for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)
      if (!frame) break
      const name = label(frame)
      if (seen.has(name) || !frame.callFrame.url) continue
      seen.add(name)
      totalByFunction.set(name, (totalByFunction.get(name) ?? 0) + delta)
    }
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + delta)
    const who = functionName === '(garbage collector)' ? '(gc)' : owner(url)
    selfByOwner.set(who, (selfByOwner.get(who) ?? 0) + delta)
    total += delta
  }
}

const print = (title: string, map: Map<string, number>, limit: number) => {
  process.stdout.write(`\n${title}\n`)
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${key}\n`)
  }
}
process.stdout.write(`${files.length} profile(s), ${total.toFixed(0)} ms of samples (idle excluded)\n`)
print('Self time by owner', selfByOwner, 15)
print('Self time by function', selfByFunction, top)
const chosen = new RegExp(pattern)
const inclusive = new Map([...totalByFunction].filter(([key]) => chosen.test(key)))
print(`Total (inclusive) time of functions matching /${pattern}/`, inclusive, top)
