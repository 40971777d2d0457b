/** Content-stream tokens: enough of the syntax to follow marked content and painting operators. */

export interface Token {
  type: 'op' | 'operand'
  value: string
}

const SPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIMITER = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/
const latin1 = new TextDecoder('latin1')

function word(bytes: Uint8Array, start: number, end: number): string {
  return latin1.decode(bytes.subarray(start, end))
}

/** Every token of a content stream, in order; never loops on damaged syntax (each step advances). */
export function* tokens(bytes: Uint8Array): Generator<Token> {
  const length = bytes.length
  let index = 0
  while (index < length) {
    const byte = bytes[index] ?? 0
    if (SPACE.has(byte)) {
      index++
    } else if (byte === 0x25) {
      // % comment to the end of the line
      while (index < length && bytes[index] !== 0x0a && bytes[index] !== 0x0d) index++
    } else if (byte === 0x28) {
      // (literal string), balanced parentheses, backslash escapes
      const start = index
      let depth = 0
      for (; index < length; index++) {
        const c = bytes[index]
        if (c === 0x5c) index++
        else if (c === 0x28) depth++
        else if (c === 0x29 && --depth === 0) break
      }
      index = Math.min(index + 1, length)
      yield {type: 'operand', value: word(bytes, start, index)}
    } else if (byte === 0x3c && bytes[index + 1] === 0x3c) {
      index += 2
      yield {type: 'operand', value: '<<'}
    } else if (byte === 0x3e && bytes[index + 1] === 0x3e) {
      index += 2
      yield {type: 'operand', value: '>>'}
    } else if (byte === 0x3c) {
      const end = bytes.indexOf(0x3e, index)
      const stop = end < 0 ? length : end + 1
      yield {type: 'operand', value: word(bytes, index, stop)}
      index = stop
    } else if (byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d || byte === 0x29 || byte === 0x3e) {
      index++
      yield {type: 'operand', value: String.fromCharCode(byte)}
    } else if (byte === 0x2f) {
      const start = index++
      while (index < length && !SPACE.has(bytes[index] ?? 0) && !DELIMITER.has(bytes[index] ?? 0)) index++
      yield {type: 'operand', value: word(bytes, start, index)}
    } else {
      const start = index
      while (index < length && !SPACE.has(bytes[index] ?? 0) && !DELIMITER.has(bytes[index] ?? 0)) index++
      if (index === start) index++
      const text = word(bytes, start, index)
      if (NUMBER.test(text) || text === 'true' || text === 'false' || text === 'null') {
        yield {type: 'operand', value: text}
      } else if (text === 'ID') {
        // Inline image data: skip to EI standing alone.
        let end = index
        for (; end + 1 < length; end++) {
          if (
            bytes[end] === 0x45 &&
            bytes[end + 1] === 0x49 &&
            SPACE.has(bytes[end - 1] ?? 0x20) &&
            (end + 2 >= length || SPACE.has(bytes[end + 2] ?? 0x20))
          )
            break
        }
        index = Math.min(end + 2, length)
        yield {type: 'op', value: 'EI'}
      } else {
        yield {type: 'op', value: text}
      }
    }
  }
}

/** Operators that paint: text showing, path painting, XObjects, shadings, inline images. */
export const painting: ReadonlySet<string> = new Set([
  'Tj',
  'TJ',
  "'",
  '"',
  'f',
  'F',
  'f*',
  'S',
  's',
  'B',
  'B*',
  'b',
  'b*',
  'Do',
  'sh',
  'EI',
])
