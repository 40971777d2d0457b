import type {Root} from '@folio/ast'

type Report = (path: string, message: string) => void

const literals = new Set(['text', 'code'])
const leaves = new Set(['image', 'pageBreak', 'tocEntry', 'footnoteReference'])
const depthTypes = new Set(['section', 'heading', 'tocEntry'])

/**
 * A copy of the tree the renderer can walk whatever came in: children that
 * are not nodes are dropped, missing lists and strings are made empty, depths
 * are brought into 1–6. Each repair is reported with its path.
 */
export function repair(tree: Root, report: Report): Root {
  const fix = (value: unknown, path: string): Record<string, unknown> | undefined => {
    if (
      !value ||
      typeof value !== 'object' ||
      Array.isArray(value) ||
      typeof (value as {type?: unknown}).type !== 'string'
    ) {
      report(path, 'a value that is not a node')
      return undefined
    }
    const node: Record<string, unknown> = {...(value as Record<string, unknown>)}
    const type = node.type as string
    if (literals.has(type)) {
      if (typeof node.value !== 'string') {
        report(path, `\`${type}\` without a string \`value\``)
        node.value = node.value === undefined || node.value === null ? '' : String(node.value)
      }
      delete node.children
      return node
    }
    if (depthTypes.has(type)) {
      const depth = Number(node.depth)
      const fixed = Math.min(6, Math.max(1, Number.isFinite(depth) ? Math.round(depth) : 1))
      if (fixed !== node.depth) report(path, `\`${type}\` with depth \`${String(node.depth)}\``)
      node.depth = fixed
    }
    if (type === 'link' && typeof node.url !== 'string') {
      report(path, '`link` without a string `url`')
      node.url = ''
    }
    if (type === 'footnoteReference' || type === 'footnoteDefinition') {
      if (typeof node.identifier !== 'string') {
        report(path, `\`${type}\` without a string \`identifier\``)
        node.identifier = String(node.identifier ?? '')
      }
    }
    if (leaves.has(type)) return node
    if (!Array.isArray(node.children)) {
      report(path, `\`${type}\` without \`children\``)
      node.children = []
      return node
    }
    node.children = (node.children as unknown[])
      .map((child, index) => fix(child, `${path} > ${index}`))
      .filter((child): child is Record<string, unknown> => child !== undefined)
    return node
  }
  const root = fix(tree, 'root') as unknown as Root
  const meta = (tree.meta && typeof tree.meta === 'object' ? {...tree.meta} : {}) as Root['meta']
  if (!tree.meta || typeof tree.meta !== 'object') report('root', 'a root without `meta`')
  if (!Array.isArray(meta.authors)) {
    if (tree.meta) report('root', '`meta.authors` that is not a list')
    meta.authors = []
  }
  meta.authors = meta.authors.filter((author): author is string => typeof author === 'string')
  for (const field of ['title', 'subtitle', 'publisher', 'date', 'description'] as const) {
    if (meta[field] !== undefined && typeof meta[field] !== 'string') {
      report('root', `\`meta.${field}\` that is not a string`)
      delete meta[field]
    }
  }
  if (meta.translations !== undefined) {
    const valid = Array.isArray(meta.translations)
      ? meta.translations.filter((item) => item && typeof item.value === 'string' && typeof item.lang === 'string')
      : []
    if (!Array.isArray(meta.translations) || valid.length !== meta.translations.length)
      report('root', 'a malformed `meta.translations`')
    meta.translations = valid
  }
  root.meta = meta
  return root
}
