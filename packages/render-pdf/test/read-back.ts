/**
 * Read a tagged PDF back through its structure tree: each element's text
 * from the marked content it owns (pdf.js), in the tree's order.
 */
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {CheckResult, StructElement} from '@folio/check'
import {PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef} from 'pdf-lib'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'

const require = createRequire(import.meta.url)
const standardFontDataUrl = `${pathToFileURL(join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')).href}/`

/** Baselines (y, from the bottom) of the text of every marked-content sequence, keyed `page:mcid`. */
export const baselines = new WeakMap<Map<string, string>, Map<string, number[]>>()
/** Where the text items of every marked-content sequence start (x, y), keyed `page:mcid`. */
export const origins = new WeakMap<Map<string, string>, Map<string, Array<[number, number]>>>()

/** Text of every marked-content sequence, keyed `page:mcid`. */
export async function markedText(data: Uint8Array): Promise<Map<string, string>> {
  const task = getDocument({data: data.slice(), standardFontDataUrl, useSystemFonts: false})
  const document = await task.promise
  const texts = new Map<string, string>()
  const ys = new Map<string, number[]>()
  baselines.set(texts, ys)
  const xy = new Map<string, Array<[number, number]>>()
  origins.set(texts, xy)
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      const content = await page.getTextContent({includeMarkedContent: true})
      const stack: Array<string | undefined> = []
      for (const item of content.items) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
            const mcid = item.type === 'beginMarkedContentProps' && item.id ? /_mc(\d+)$/.exec(item.id)?.[1] : undefined
            stack.push(mcid === undefined ? stack.at(-1) : `${number}:${mcid}`)
          } else if (item.type === 'endMarkedContent') {
            stack.pop()
          }
          continue
        }
        const key = stack.at(-1)
        if (!key) continue
        texts.set(key, (texts.get(key) ?? '') + item.str + (item.hasEOL ? ' ' : ''))
        if (item.str.trim()) {
          ys.set(key, [...(ys.get(key) ?? []), item.transform[5] ?? 0])
          xy.set(key, [...(xy.get(key) ?? []), [item.transform[4] ?? 0, item.transform[5] ?? 0]])
        }
      }
    }
  } finally {
    await task.destroy()
  }
  return texts
}

export interface Block {
  role: string
  text: string
  /** Link targets inside the block, in order. */
  links: string[]
  /** Languages of spans inside the block. */
  langs: string[]
}

const blockRoles = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'Lbl', 'Caption', 'Title', 'Code', 'TH', 'TD'])

/** Flatten the structure tree into blocks (headings, paragraphs, list labels, table cells) with their text. */
export function blocks(checked: CheckResult, texts: Map<string, string>): Block[] {
  const out: Block[] = []
  const text = (node: StructElement, block: Block): string => {
    const actual = node.actualText
    const lang = node.lang
    if (lang && node.role === 'Span') block.langs.push(lang)
    let value = ''
    for (const child of node.children) {
      if ('mcid' in child) value += texts.get(`${child.page}:${child.mcid}`) ?? ''
      else if ('annotation' in child) {
        const target = child.annotation.uri
        if (target && block.links.at(-1) !== target) block.links.push(target)
      } else value += text(child, block)
    }
    return actual ?? value
  }
  const visit = (node: StructElement) => {
    if (blockRoles.has(node.role)) {
      const block: Block = {role: node.role, text: '', links: [], langs: []}
      block.text = text(node, block).replace(/\s+/g, ' ').trim()
      out.push(block)
      return
    }
    for (const child of node.children) if ('role' in child) visit(child)
  }
  for (const root of checked.structure) visit(root)
  return out
}

/** A table of the structure tree: its kids' roles in order, and each row's cells with their `/Scope`. */
export interface TaggedTable {
  kids: string[]
  rows: Array<Array<{role: string; scope?: string}>>
}

/** Every Table element of a tagged PDF, in the tree's order, read with pdf-lib (attributes included). */
export async function taggedTables(data: Uint8Array): Promise<TaggedTable[]> {
  const pdf = await PDFDocument.load(data, {updateMetadata: false})
  const look = (value: PDFObject | undefined): PDFObject | undefined =>
    value instanceof PDFRef ? pdf.context.lookup(value) : value
  const name = (value: PDFObject | undefined): string | undefined => {
    const found = look(value)
    return found instanceof PDFName ? found.decodeText() : undefined
  }
  const kidsOf = (element: PDFDict): PDFDict[] => {
    const k = look(element.get(PDFName.of('K')))
    const list = k instanceof PDFArray ? k.asArray().map(look) : [k]
    return list.filter((kid): kid is PDFDict => kid instanceof PDFDict && kid.get(PDFName.of('S')) !== undefined)
  }
  const scopeOf = (element: PDFDict): string | undefined => {
    const a = look(element.get(PDFName.of('A')))
    const dicts = a instanceof PDFArray ? a.asArray().map(look) : [a]
    for (const dict of dicts) {
      if (dict instanceof PDFDict && name(dict.get(PDFName.of('O'))) === 'Table') {
        return name(dict.get(PDFName.of('Scope')))
      }
    }
    return undefined
  }
  const role = (element: PDFDict) => name(element.get(PDFName.of('S'))) ?? ''
  const tables: TaggedTable[] = []
  const visit = (element: PDFDict) => {
    if (role(element) !== 'Table') {
      for (const kid of kidsOf(element)) visit(kid)
      return
    }
    const kids = kidsOf(element)
    const rows = kids
      .filter((kid) => role(kid) === 'TR')
      .map((row) =>
        kidsOf(row).map((cell) => {
          const scope = scopeOf(cell)
          return scope === undefined ? {role: role(cell)} : {role: role(cell), scope}
        }),
      )
    tables.push({kids: kids.map(role), rows})
  }
  const root = look(pdf.catalog.get(PDFName.of('StructTreeRoot')))
  if (root instanceof PDFDict) {
    const k = look(root.get(PDFName.of('K')))
    for (const kid of k instanceof PDFArray ? k.asArray().map(look) : [k]) if (kid instanceof PDFDict) visit(kid)
  }
  return tables
}
