import type {List} from './types.js'

const romans: Array<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
]

function roman(value: number): string {
  let rest = value
  let out = ''
  for (const [amount, digits] of romans) {
    while (rest >= amount) {
      out += digits
      rest -= amount
    }
  }
  return out
}

function alpha(value: number): string {
  let rest = value
  let out = ''
  while (rest > 0) {
    rest--
    out = String.fromCharCode(97 + (rest % 26)) + out
    rest = Math.floor(rest / 26)
  }
  return out
}

/**
 * The printed label of the `index`-th item (from 0) of an ordered list: its
 * number in the style and punctuation of the list's marker ('1.', 'a)',
 * '(iv)', 'B.'), counted from `start`; `1.`-style when the marker shows no
 * style. Unordered lists have no number: `undefined`.
 */
export function listItemLabel(list: List, index: number): string | undefined {
  if (!list.ordered) return undefined
  const value = (list.start ?? 1) + index
  const match = /^(\(?)([0-9]+|[ivxlcdm]+|[IVXLCDM]+|[a-z]|[A-Z])([.)]?)$/.exec(list.marker?.trim() ?? '')
  if (!match) return `${value}.`
  const [, open = '', kind = '1', close = ''] = match
  const isRoman = /^[ivxlcdm]+$/i.test(kind) && (kind.length > 1 || /^i$/i.test(kind))
  let number: string
  if (/^[0-9]+$/.test(kind)) number = String(value)
  else if (isRoman) number = roman(value)
  else number = alpha(value)
  return `${open}${kind === kind.toUpperCase() && !/^[0-9]+$/.test(kind) ? number.toUpperCase() : number}${close}`
}
