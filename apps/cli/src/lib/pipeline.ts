import {createHash} from 'node:crypto'
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {basename, dirname} from 'node:path'
import {performance} from 'node:perf_hooks'
import type {Content, Diagnostic, Root} from '@folio/ast'
import {toJson} from '@folio/ast'
import {extract} from '@folio/extract'
import {normalize} from '@folio/normalize'
import {toEpub} from '@folio/render-epub'
import {toHtml, toMarkdown} from '@folio/render-html'
import {toPdf} from '@folio/render-pdf'
import type {ConvertOptions, Edition, FileResult, OutputFile, Task} from './types.js'

const extensions: Record<Edition, string> = {html: '.html', epub: '.epub', pdf: '.pdf', md: '.md', json: '.json'}

/** A stable hash of what a conversion depends on: the source bytes, the options and the tool's version. */
export function cacheKey(data: Uint8Array, options: ConvertOptions, version: string): string {
  const hash = createHash('sha256')
  hash.update(data)
  hash.update(JSON.stringify({...options, to: [...options.to].sort(), version}))
  return hash.digest('hex')
}

function count(tree: Root): NonNullable<FileResult['found']> {
  const found = {sections: 0, headings: 0, paragraphs: 0, listItems: 0, links: 0, footnotes: 0}
  const visit = (node: Content) => {
    if (node.type === 'section') found.sections++
    else if (node.type === 'heading') found.headings++
    else if (node.type === 'paragraph') found.paragraphs++
    else if (node.type === 'listItem') found.listItems++
    else if (node.type === 'link') found.links++
    else if (node.type === 'footnoteDefinition') found.footnotes++
    if ('children' in node) for (const child of node.children) visit(child)
  }
  visit(tree)
  return found
}

async function render(
  edition: Edition,
  tree: Root,
  options: ConvertOptions,
): Promise<{value: Uint8Array | string; diagnostics: Diagnostic[]}> {
  switch (edition) {
    case 'html':
      return toHtml(tree)
    case 'md':
      return toMarkdown(tree)
    case 'json':
      return {value: toJson(tree), diagnostics: []}
    case 'epub':
      return toEpub(tree)
    case 'pdf':
      return toPdf(tree, options.pageSize ? {pageSize: options.pageSize} : {})
  }
}

/** Write to a temporary name beside the target, then rename: a crash never leaves half a file. */
export async function writeAtomic(path: string, value: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`
  try {
    await writeFile(temporary, value)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}

function errorOf(error: unknown): {code: string; message: string} {
  if (error instanceof Error) {
    const code = (error as {code?: unknown}).code
    return {code: typeof code === 'string' ? code : 'internal', message: error.message}
  }
  return {code: 'internal', message: String(error)}
}

/**
 * Convert one PDF into its editions. Every edition is rendered in memory
 * first, so a failure in any stage leaves no output file at all.
 */
export async function convertFile(task: Task, version: string): Promise<FileResult> {
  const timings: Record<string, number> = {}
  const diagnostics: Diagnostic[] = []
  const time = async <T>(stage: string, run: () => Promise<T> | T): Promise<T> => {
    const start = performance.now()
    try {
      return await run()
    } finally {
      timings[stage] = Math.round((performance.now() - start) * 100) / 100
    }
  }
  const result: FileResult = {input: task.display, status: 'failed', timings, outputs: [], diagnostics}
  try {
    const data = new Uint8Array(await readFile(task.input))
    result.key = cacheKey(data, task.options, version)
    const file = basename(task.input)
    const layout = await time('extract', () =>
      extract(data, task.options.password === undefined ? {file} : {file, password: task.options.password}),
    )
    result.pages = layout.pageCount
    diagnostics.push(...layout.diagnostics)
    if (layout.pages.every((page) => page.lines.length === 0)) {
      throw Object.assign(
        new Error(`Unexpected PDF without text \`${file}\` (image-only or empty pages), expected a text layer`),
        {code: 'no-text'},
      )
    }
    const fatal = layout.diagnostics.find((d) => d.severity === 'fatal')
    if (fatal) throw Object.assign(new Error(`${fatal.message} in \`${file}\``), {code: fatal.ruleId})
    const {tree, diagnostics: found} = await time('normalize', () =>
      normalize(layout, task.options.lang === undefined ? {} : {lang: task.options.lang}),
    )
    diagnostics.push(...found)
    result.found = count(tree)

    const rendered: Array<{edition: Edition; value: Uint8Array | string}> = []
    for (const edition of task.options.to) {
      const output = await time(edition, () => render(edition, tree, task.options))
      diagnostics.push(...output.diagnostics)
      rendered.push({edition, value: output.value})
    }

    await time('write', async () => {
      await mkdir(dirname(task.outBase), {recursive: true})
      for (const {edition, value} of rendered) {
        const path = task.outBase + extensions[edition]
        await writeAtomic(path, value)
        const bytes = typeof value === 'string' ? Buffer.byteLength(value) : value.byteLength
        const sha256 = createHash('sha256').update(value).digest('hex')
        result.outputs.push({edition, path, bytes, sha256} satisfies OutputFile)
      }
    })
    result.status = 'converted'
  } catch (error) {
    result.error = errorOf(error)
  }
  return result
}
