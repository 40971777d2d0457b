import type {Diagnostic} from '@folio/ast'
import type {StructNode} from './types.js'

/** The slice of a pdf.js page proxy this module uses. */
export interface StructPageLike {
  getStructTree(): Promise<unknown>
}

const MAX_DEPTH = 200

/** pdf.js names marked content "p<ref>R_mc<mcid>"; keep the MCID. */
function mcidOf(id: unknown): number | undefined {
  if (typeof id !== 'string') return undefined
  const m = /_mc(\d+)$/.exec(id)
  return m ? Number(m[1]) : undefined
}

function convert(raw: unknown, depth: number): StructNode | undefined {
  if (!raw || typeof raw !== 'object' || depth > MAX_DEPTH) return undefined
  const node = raw as Record<string, unknown>
  const result: StructNode = {role: typeof node['role'] === 'string' ? node['role'] : 'Root', children: []}
  if (typeof node['alt'] === 'string' && node['alt'].trim() !== '') result.alt = node['alt']
  if (typeof node['lang'] === 'string' && node['lang'] !== '') result.lang = node['lang']
  const mcids: number[] = []
  for (const child of Array.isArray(node['children']) ? node['children'] : []) {
    if (!child || typeof child !== 'object') continue
    const c = child as Record<string, unknown>
    if (c['type'] === 'content') {
      const mcid = mcidOf(c['id'])
      if (mcid !== undefined) mcids.push(mcid)
      continue
    }
    if (c['type'] === 'object' || c['type'] === 'annotation') continue
    const sub = convert(child, depth + 1)
    if (sub) result.children.push(sub)
  }
  if (mcids.length > 0) result.mcids = mcids
  return result
}

/** The page's structure tree, roles already mapped through the RoleMap by pdf.js. */
export async function readStructTree(
  page: StructPageLike,
  diagnostics: Diagnostic[],
  number: number,
): Promise<StructNode | undefined> {
  try {
    const raw = await page.getStructTree()
    return raw ? convert(raw, 0) : undefined
  } catch (error) {
    diagnostics.push({
      ruleId: 'damaged-structure-tree',
      source: 'folio-extract',
      severity: 'info',
      message: `Unexpected unreadable structure tree on page ${number}, expected a tagged page (${(error as Error)?.message}); the tags were skipped`,
      place: {page: number},
    })
    return undefined
  }
}
