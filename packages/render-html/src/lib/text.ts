// Characters that may not appear in an HTML document: C0 controls other than
// tab, newline, form feed and carriage return; DEL and C1 controls; noncharacters.
const forbidden = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const embeddings = new Set(['\u202A', '\u202B', '\u202D', '\u202E']) // LRE RLE LRO RLO
const isolates = new Set(['\u2066', '\u2067', '\u2068']) // LRI RLI FSI
const popDirectional = '\u202C'
const popIsolate = '\u2069'
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/

export interface CleanText {
  value: string
  /** Characters removed because HTML forbids them. */
  removed: number
  /** Bidi controls added or removed so that the text's own embeddings end within it. */
  balanced: boolean
}

/**
 * Make text from a PDF safe to place in HTML: drop characters HTML forbids,
 * replace lone surrogates, and close any bidi embedding, override or isolate
 * the text opens, so that a stray U+202E cannot reorder what follows it
 * (stray closers are dropped for the same reason).
 */
export function cleanText(input: string): CleanText {
  let removed = 0
  let value = (typeof input === 'string' ? input : input == null ? '' : String(input)).replace(forbidden, () => {
    removed++
    return ''
  })
  value = value.replace(loneSurrogate, '\uFFFD')
  if (!bidiControl.test(value)) return {value, removed, balanced: false}

  const stack: string[] = []
  let out = ''
  let balanced = false
  for (const char of value) {
    if (embeddings.has(char) || isolates.has(char)) {
      stack.push(char)
      out += char
    } else if (char === popDirectional) {
      // A PDF closes the innermost embedding, but never across an isolate.
      const top = stack.at(-1)
      if (top !== undefined && embeddings.has(top)) {
        stack.pop()
        out += char
      } else balanced = true
    } else if (char === popIsolate) {
      const index = stack.findLastIndex((c) => isolates.has(c))
      if (index === -1) {
        balanced = true
        continue
      }
      // PDI also closes the embeddings opened inside the isolate.
      while (stack.length > index + 1) {
        stack.pop()
        out += popDirectional
        balanced = true
      }
      stack.pop()
      out += char
    } else out += char
  }
  while (stack.length > 0) {
    const open = stack.pop() as string
    out += isolates.has(open) ? popIsolate : popDirectional
    balanced = true
  }
  return {value: out, removed, balanced}
}
