import type {Diagnostic} from '@folio/ast'
import type {DocumentInfo, OutlineItem} from './types.js'
import {cleanText} from './unicode.js'

/** The slice of a pdf.js document proxy this module uses. */
export interface DocLike {
  numPages: number
  getMetadata(): Promise<{info: unknown; metadata: {get(name: string): unknown} | null}>
  getOutline(): Promise<unknown[] | null>
  getPageLabels(): Promise<string[] | null>
  getMarkInfo(): Promise<unknown>
  getDestination(id: string): Promise<unknown[] | null>
  getPageIndex(ref: {num: number; gen: number}): Promise<number>
}

export interface DocumentFacts {
  info: DocumentInfo
  tagged: boolean
  encrypted: boolean
  outline: OutlineItem[]
  labels: string[] | undefined
}

const SOURCE = 'folio-extract'
const MAX_OUTLINE_ITEMS = 10_000

/** Parse a PDF date ("D:YYYYMMDDHHmmSSOHH'mm'") to ISO 8601 in UTC. */
export function pdfDateToIso(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  // Some producers write ISO 8601 (XMP style) into the info dictionary.
  if (/^\d{4}-\d{2}/.test(value.trim())) return isoFromXmp(value)
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz+-])?\s*(\d{2})?'?(\d{2})?'?/.exec(
    value.trim(),
  )
  if (!m) return isoFromXmp(value)
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  if (!Number.isFinite(utc)) return undefined
  let offset = 0
  if (sign === '+' || sign === '-') offset = (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) * 60_000
  const date = new Date(utc - offset)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace('.000Z', 'Z')
}

function isoFromXmp(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$/.test(value.trim()))
    return undefined
  const date = new Date(value.trim())
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace('.000Z', 'Z')
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const t = cleanText(value).replace(/\s+/g, ' ').trim()
    return t === '' ? undefined : t
  }
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((v): v is string => v !== undefined)
    return parts.length > 0 ? parts.join(', ') : undefined
  }
  return undefined
}

/** Resolve an explicit or named destination to a 1-based page number. */
export async function destinationPage(
  doc: Pick<DocLike, 'getDestination' | 'getPageIndex'>,
  dest: unknown,
): Promise<number | undefined> {
  try {
    let explicit = dest
    if (typeof dest === 'string') explicit = await doc.getDestination(dest)
    if (!Array.isArray(explicit) || explicit.length === 0) return undefined
    const target = explicit[0]
    if (typeof target === 'number' && Number.isInteger(target)) return target + 1
    if (target && typeof target === 'object' && 'num' in target) {
      return (await doc.getPageIndex(target as {num: number; gen: number})) + 1
    }
  } catch {
    return undefined
  }
  return undefined
}

async function readOutline(doc: DocLike, items: unknown[], budget: {left: number}): Promise<OutlineItem[]> {
  const out: OutlineItem[] = []
  for (const raw of items) {
    if (budget.left-- <= 0) break
    if (!raw || typeof raw !== 'object') continue
    const item = raw as Record<string, unknown>
    const node: OutlineItem = {title: text(item['title']) ?? '', children: []}
    const page = await destinationPage(doc, item['dest'])
    if (page !== undefined) node.page = page
    const url =
      typeof item['url'] === 'string'
        ? item['url']
        : typeof item['unsafeUrl'] === 'string'
          ? item['unsafeUrl']
          : undefined
    if (url) node.url = url
    if (Array.isArray(item['items']) && item['items'].length > 0)
      node.children = await readOutline(doc, item['items'], budget)
    out.push(node)
  }
  return out
}

/** Document-level facts: info + XMP, tagged and encrypted flags, outline, page labels. */
export async function readDocumentFacts(doc: DocLike, diagnostics: Diagnostic[]): Promise<DocumentFacts> {
  const info: DocumentInfo = {}
  let encrypted = false
  let tagged = false
  try {
    const md = await doc.getMetadata()
    const dict = (md.info ?? {}) as Record<string, unknown>
    const xmp = md.metadata
    const x = (key: string): unknown => {
      try {
        return xmp?.get(key) ?? undefined
      } catch {
        return undefined
      }
    }
    encrypted = dict['EncryptFilterName'] !== null && dict['EncryptFilterName'] !== undefined
    const pick = (...values: unknown[]): string | undefined => {
      for (const v of values) {
        const t = text(v)
        if (t !== undefined) return t
      }
      return undefined
    }
    const set = <K extends keyof DocumentInfo>(key: K, value: DocumentInfo[K] | undefined): void => {
      if (value !== undefined) info[key] = value
    }
    set('title', pick(dict['Title'], x('dc:title')))
    set('author', pick(dict['Author'], x('dc:creator')))
    set('subject', pick(dict['Subject'], x('dc:description')))
    set('keywords', pick(dict['Keywords'], x('pdf:keywords')))
    set('creator', pick(dict['Creator'], x('xmp:creatortool')))
    set('producer', pick(dict['Producer'], x('pdf:producer')))
    set('lang', pick(dict['Language'], x('dc:language')))
    set('created', pdfDateToIso(dict['CreationDate']) ?? isoFromXmp(x('xmp:createdate')))
    set('modified', pdfDateToIso(dict['ModDate']) ?? isoFromXmp(x('xmp:modifydate')))
  } catch (error) {
    diagnostics.push({
      ruleId: 'damaged-metadata',
      source: SOURCE,
      severity: 'info',
      message: `Unexpected unreadable document information, expected an info dictionary or XMP (${(error as Error)?.message}); metadata was skipped`,
    })
  }
  try {
    const mark = await doc.getMarkInfo()
    if (mark instanceof Map) tagged = mark.get('Marked') === true
    else if (mark && typeof mark === 'object') tagged = (mark as Record<string, unknown>)['Marked'] === true
  } catch {
    tagged = false
  }
  let outline: OutlineItem[] = []
  try {
    const raw = await doc.getOutline()
    if (raw) outline = await readOutline(doc, raw, {left: MAX_OUTLINE_ITEMS})
  } catch (error) {
    diagnostics.push({
      ruleId: 'damaged-outline',
      source: SOURCE,
      severity: 'info',
      message: `Unexpected unreadable outline, expected bookmarks (${(error as Error)?.message}); the outline was skipped`,
    })
  }
  let labels: string[] | undefined
  try {
    const raw = await doc.getPageLabels()
    if (raw && raw.length === doc.numPages) labels = raw.map((l) => (typeof l === 'string' ? l : ''))
  } catch (error) {
    diagnostics.push({
      ruleId: 'damaged-page-labels',
      source: SOURCE,
      severity: 'info',
      message: `Unexpected unreadable page labels, expected a /PageLabels number tree (${(error as Error)?.message}); labels were skipped`,
    })
  }
  return {info, tagged, encrypted, outline, labels}
}
