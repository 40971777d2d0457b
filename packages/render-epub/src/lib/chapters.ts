import type {Content, FootnoteDefinition, Root} from '@folio/ast'

/** The tree nodes of one content document: top-level nodes of the tree, in order. */
export interface Chapter {
  nodes: Root['children']
}

function each(node: Content, visit: (node: Content) => void): void {
  visit(node)
  if ('children' in node) for (const child of node.children) each(child, visit)
}

/**
 * Split the tree into chapters: one per top-level section. Flow content before the first section (an unheaded
 * introduction) opens the first chapter; flow content after a section stays with it; the report's own contents
 * page (`toc`) is data, not text: the edition's navigation replaces it. Top-level colophons are gathered apart.
 *
 * Footnote definitions kept at the top level of the tree (a report's endnotes) go with the chapter that first
 * refers to them, so a note is read next to the text that calls it. Definitions inside a section stay there.
 * Nodes are never copied: renderers may key data (section ids) on node identity.
 */
export function splitChapters(tree: Root): {chapters: Chapter[]; colophon: Root['children']} {
  const loose = new Map<string, FootnoteDefinition>()
  for (const child of tree.children) {
    if (child.type === 'footnoteDefinition' && !loose.has(child.identifier)) loose.set(child.identifier, child)
  }
  const chapters: Chapter[] = []
  const colophon: Root['children'] = []
  let lead: Root['children'] = []
  let inColophon = false
  const current = () => (inColophon ? colophon : (chapters.at(-1)?.nodes ?? lead))
  const placed = new Set<string>()
  for (const child of tree.children) {
    if (child.type === 'toc') continue
    // The colophon (a back page of contact lines) is back matter of its own, as in the HTML edition.
    inColophon = child.type === 'aside' && child.kind === 'colophon'
    if (child.type === 'footnoteDefinition' && loose.get(child.identifier) === child) {
      if (!placed.has(child.identifier)) {
        placed.add(child.identifier)
        current().push(child)
      }
      continue
    }
    if (child.type === 'section') {
      chapters.push({nodes: [...lead, child]})
      lead = []
    } else if (inColophon) {
      colophon.push(child)
    } else {
      current().push(child)
    }
    // Definitions this node refers to follow it into its chapter, unless already placed.
    const called: FootnoteDefinition[] = []
    each(child, (node) => {
      if (node.type !== 'footnoteReference' || placed.has(node.identifier)) return
      const definition = loose.get(node.identifier)
      if (definition) {
        placed.add(node.identifier)
        called.push(definition)
      }
    })
    current().push(...called)
  }
  if (lead.length > 0) {
    if (chapters.length > 0) chapters.at(-1)!.nodes.push(...lead)
    else chapters.push({nodes: lead})
  }
  return {chapters, colophon}
}
