import type {Content, Root} from './types.js'
import {AST_VERSION} from './version.js'

export interface TreeProblem {
  /** Path of child indices from the root, e.g. `root > 2 (section) > 0 (heading)`. */
  path: string
  message: string
}

export class TreeAssertionError extends Error {
  readonly problems: TreeProblem[]
  constructor(problems: TreeProblem[]) {
    const first = problems[0]
    super(first ? `${first.message} at ${first.path}` : 'Invalid tree')
    this.name = 'TreeAssertionError'
    this.problems = problems
  }
}

const flow = new Set([
  'paragraph',
  'list',
  'blockquote',
  'aside',
  'code',
  'figure',
  'table',
  'footnoteDefinition',
  'pageBreak',
])
const phrasing = new Set(['text', 'strong', 'emphasis', 'link', 'footnoteReference', 'span', 'pageBreak'])
const literals = new Set(['text', 'code'])
const voids = new Set(['pageBreak', 'tocEntry', 'footnoteReference', 'image'])

/** Which child types each parent type allows. */
const allowed: Record<string, (type: string, index: number) => boolean> = {
  root: (t) => flow.has(t) || t === 'section' || t === 'toc',
  section: (t, i) => (i === 0 ? t === 'heading' : flow.has(t) || t === 'section'),
  heading: (t) => phrasing.has(t),
  paragraph: (t) => phrasing.has(t),
  caption: (t) => phrasing.has(t),
  tableCell: (t) => phrasing.has(t),
  strong: (t) => phrasing.has(t),
  emphasis: (t) => phrasing.has(t),
  span: (t) => phrasing.has(t),
  link: (t) => phrasing.has(t) && t !== 'link',
  list: (t) => t === 'listItem',
  listItem: (t) => flow.has(t),
  blockquote: (t) => flow.has(t),
  aside: (t) => flow.has(t),
  footnoteDefinition: (t) => flow.has(t) && t !== 'footnoteDefinition',
  table: (t) => t === 'tableRow',
  tableRow: (t) => t === 'tableCell',
  toc: (t) => t === 'tocEntry',
  figure: (t, i) => (i === 0 ? t === 'image' || t === 'table' : t === 'caption'),
}

const isDepth = (d: unknown): boolean => typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 6

/** Check a tree against the spec in README.md; returns every problem found. */
export function check(tree: Root): TreeProblem[] {
  const problems: TreeProblem[] = []
  const definitions = new Map<string, number>()
  const references: Array<{id: string; path: string}> = []
  let lastPage = 0

  const report = (path: string, message: string) => problems.push({path, message})

  if (tree?.type !== 'root') {
    return [{path: 'root', message: `Unexpected node \`${String(tree?.type)}\`, expected \`root\``}]
  }
  const major = AST_VERSION.split('.')[0]
  if (typeof tree.version !== 'string' || tree.version.split('.')[0] !== major) {
    report('root', `Unexpected version \`${String(tree.version)}\`, expected ${major}.x`)
  }
  if (!tree.meta || typeof tree.meta.lang !== 'string' || tree.meta.lang === '') {
    report('root', 'Unexpected missing `meta.lang`, expected a BCP 47 tag')
  }
  if (!Array.isArray(tree.meta?.authors)) report('root', 'Unexpected `meta.authors`, expected an array')

  const visit = (node: Content, path: string, parentSectionDepth: number) => {
    const type = node.type
    if (literals.has(type)) {
      if (typeof (node as {value?: unknown}).value !== 'string')
        report(path, `Unexpected non-string value in \`${type}\``)
      if ('children' in node) report(path, `Unexpected children in literal \`${type}\``)
      return
    }
    if (voids.has(type)) {
      if ('children' in node) report(path, `Unexpected children in \`${type}\``)
    } else if (!Array.isArray((node as {children?: unknown}).children)) {
      report(path, `Unexpected missing children in \`${type}\`, expected an array`)
      return
    }
    if ('value' in node && !literals.has(type)) report(path, `Unexpected value in parent \`${type}\``)

    switch (node.type) {
      case 'section': {
        if (!isDepth(node.depth)) report(path, `Unexpected section depth \`${node.depth}\`, expected 1-6`)
        if (node.depth !== parentSectionDepth + 1) {
          report(path, `Unexpected section depth ${node.depth}, expected ${parentSectionDepth + 1}`)
        }
        const first = node.children[0]
        if (first?.type === 'heading' && first.depth !== node.depth) {
          report(`${path} > 0 (heading)`, `Unexpected heading depth ${first.depth}, expected ${node.depth}`)
        }
        break
      }
      case 'heading':
      case 'tocEntry':
        if (!isDepth(node.depth)) report(path, `Unexpected depth \`${node.depth}\`, expected 1-6`)
        break
      case 'list':
        if (typeof node.ordered !== 'boolean') report(path, 'Unexpected `ordered`, expected a boolean')
        if (node.start !== undefined && !node.ordered) report(path, 'Unexpected `start` on an unordered list')
        break
      case 'footnoteDefinition':
        if (definitions.has(node.identifier)) report(path, `Unexpected duplicate footnote \`${node.identifier}\``)
        definitions.set(node.identifier, 1)
        break
      case 'footnoteReference':
        references.push({id: node.identifier, path})
        break
      case 'pageBreak':
        if (!Number.isInteger(node.page) || node.page < 1) report(path, `Unexpected page \`${node.page}\``)
        else if (node.page <= lastPage) report(path, `Unexpected page ${node.page}, expected a page after ${lastPage}`)
        else lastPage = node.page
        if (typeof node.label !== 'string') report(path, 'Unexpected missing page label')
        break
      case 'link':
        if (typeof node.url !== 'string') report(path, 'Unexpected missing `url` on link')
        break
      default:
        break
    }

    if (!('children' in node)) return
    const accepts = allowed[type]
    if (!accepts) {
      report(path, `Unexpected node type \`${type}\``)
      return
    }
    const depth = node.type === 'section' ? node.depth : parentSectionDepth
    if (node.type === 'section' && node.children.length === 0)
      report(path, 'Unexpected empty section, expected a heading first')
    node.children.forEach((child, index) => {
      const childPath = `${path} > ${index} (${child?.type})`
      if (!child || typeof child.type !== 'string') {
        report(childPath, 'Unexpected child without a type')
        return
      }
      if (!accepts(child.type, index)) {
        report(childPath, `Unexpected \`${child.type}\` in \`${type}\``)
      }
      visit(child, childPath, depth)
    })
  }

  visit(tree, 'root', 0)
  for (const ref of references) {
    if (!definitions.has(ref.id)) report(ref.path, `Unexpected footnote reference \`${ref.id}\` without a definition`)
  }
  return problems
}

/** Throw a `TreeAssertionError` when `tree` breaks the spec. */
export function assert(tree: Root): asserts tree is Root {
  const problems = check(tree)
  if (problems.length > 0) throw new TreeAssertionError(problems)
}
