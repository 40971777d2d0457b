import type {Content} from '@folio/ast'

/**
 * Move a page break that falls inside a word ("in" ⟨page 4⟩ "cluding", as a
 * tree does after joining a hyphenated word across pages) to the end of that
 * word, so that the word stays whole for screen readers, search and copy. The
 * marker moves by at most one word; the tree itself is not changed.
 */
export function wholeWords<T extends Content>(children: T[]): T[] {
  if (!children.some((child) => child.type === 'pageBreak')) return children
  const out: Content[] = [...children]
  for (let index = 1; index < out.length - 1; index++) {
    const before = out[index - 1]
    const marker = out[index]
    const after = out[index + 1]
    if (marker?.type !== 'pageBreak' || before?.type !== 'text' || after?.type !== 'text') continue
    if (!/\S$/u.test(before.value) || !/^\S/u.test(after.value)) continue
    const cut = after.value.search(/\s/u)
    if (cut === -1) {
      out.splice(index, 2, after, marker)
    } else {
      const head = {...after, value: after.value.slice(0, cut)}
      const tail = {...after, value: after.value.slice(cut)}
      out.splice(index, 2, head, marker, tail)
    }
    index++
  }
  return out as T[]
}
