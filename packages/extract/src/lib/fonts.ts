import type {FontStyle} from './types.js'

/** Remove a subset tag such as 'ABCDEF+'. */
export function stripSubset(name: string): string {
  return name.replace(/^[A-Z]{6}\+/, '')
}

/** Split 'BoldItalic', 'BdCn20', 'ReguItal' into style tokens. */
function tokens(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .split(/[\s_,.-]+/)
    .filter(Boolean)
}

const WEIGHT_TOKENS: Record<string, number> = {
  thin: 100,
  hairline: 100,
  extralight: 200,
  ultralight: 200,
  light: 300,
  lt: 300,
  lite: 300,
  book: 400,
  bk: 400,
  regular: 400,
  regu: 400,
  reg: 400,
  rg: 400,
  roman: 400,
  roma: 400,
  normal: 400,
  plain: 400,
  medium: 500,
  md: 500,
  med: 500,
  semibold: 600,
  demibold: 600,
  demi: 600,
  semibd: 600,
  sembd: 600,
  smbd: 600,
  sb: 600,
  bold: 700,
  bd: 700,
  // URW's "Medi" is the bold of its Times/Palatino clones (NimbusRomNo9L-Medi).
  medi: 700,
  extrabold: 800,
  ultrabold: 800,
  xbold: 800,
  heavy: 800,
  hv: 800,
  black: 900,
  blk: 900,
  ultra: 900,
  fat: 900,
  extrablack: 950,
  ultrablack: 950,
}

const ITALIC_TOKENS = new Set([
  'italic',
  'ital',
  'it',
  'obl',
  'oblique',
  'slanted',
  'sl',
  'inclined',
  'kursiv',
  'cursive',
])

/** Style words that may be glued to a family name without a separator ('HelveticaBold'). */
const GLUED_STYLE = new Set([
  'bold',
  'italic',
  'oblique',
  'black',
  'light',
  'medium',
  'semibold',
  'heavy',
  'thin',
  'regular',
])

/** Marks of PostScript names that are not part of the family ('TimesNewRomanPSMT'). */
const GLUED_SUFFIX = /(PSMT|PS|MT)$/

/** TeX's Computer Modern / EC names encode their style in the name. */
const TEX_FONT = /^(CM|EC|TC|SF)(R|BX|B|TI|SL|SS|SSBX|SSI|MI|TT|SY|EX|CSC|BXTI|U|FI|FIB|DUNH)(\d+)$/i

interface Parsed {
  family: string
  styleTokens: string[]
}

function parse(name: string): Parsed {
  const base = stripSubset(name)
  const sep = Math.max(base.lastIndexOf('-'), base.lastIndexOf(','))
  if (sep > 0) {
    return {family: humanize(base.slice(0, sep).replace(GLUED_SUFFIX, '')), styleTokens: tokens(base.slice(sep + 1))}
  }
  const tex = TEX_FONT.exec(base)
  if (tex) return {family: base, styleTokens: []}
  const stripped = base.replace(GLUED_SUFFIX, '')
  const parts = tokens(stripped)
  const style: string[] = []
  while (parts.length > 1 && GLUED_STYLE.has(parts[parts.length - 1]!.toLowerCase())) style.unshift(parts.pop()!)
  return {family: humanize(style.length > 0 ? parts.join('') : stripped), styleTokens: style}
}

/** 'SourceSerif4' → 'Source Serif 4', 'HelveticaNeueLTStd' → 'Helvetica Neue LT Std'. */
function humanize(family: string): string {
  return family
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The family of a PostScript font name, e.g. 'SourceSerif4-BoldIt' → 'Source Serif 4'. */
export function familyOf(name: string): string {
  return parse(name).family
}

/** Weight 100–900 from the style part of a font name, when it says. */
export function weightOf(name: string): number | undefined {
  const base = stripSubset(name)
  const tex = TEX_FONT.exec(base)
  if (tex) return /^(BX|B|SSBX|BXTI|FIB)$/i.test(tex[2] ?? '') ? 700 : 400
  const style = parse(name).styleTokens.map((t) => t.toLowerCase())
  const joined = style.join('')
  for (const compound of [
    'extrablack',
    'ultrablack',
    'extrabold',
    'ultrabold',
    'semibold',
    'demibold',
    'extralight',
    'ultralight',
  ]) {
    if (joined.includes(compound)) return Math.min(900, WEIGHT_TOKENS[compound]!)
  }
  let weight: number | undefined
  for (const t of style) {
    const w = WEIGHT_TOKENS[t]
    // The strongest weight word wins ('Medium Bold' style names are rare but exist).
    if (w !== undefined && (weight === undefined || w > weight || weight === 400)) weight = Math.min(900, w)
  }
  return weight
}

function italicOf(name: string): boolean {
  const base = stripSubset(name)
  const tex = TEX_FONT.exec(base)
  if (tex) return /^(TI|SL|SSI|MI|BXTI|FI)$/i.test(tex[2] ?? '')
  return parse(name).styleTokens.some((t) => ITALIC_TOKENS.has(t.toLowerCase()))
}

function monospaceOf(name: string): boolean {
  const base = stripSubset(name)
  const tex = TEX_FONT.exec(base)
  if (tex) return /^TT$/i.test(tex[2] ?? '')
  return /mono|courier|consol|typewriter|^lmmono|^ocr|code(?!x)|^inconsolata|^menlo|^monaco/i.test(base)
}

/**
 * The style of a font from its real name and what pdf.js knows of it. Names are the surer
 * source: pdf.js' flags are only set for a few standard fonts.
 */
export function fontStyle(
  rawName: string | undefined,
  hints: {bold?: boolean; black?: boolean; italic?: boolean} = {},
): FontStyle {
  const name = stripSubset(rawName ?? '').trim() || 'Unknown'
  let weight = weightOf(name)
  if (hints.black) weight = Math.max(weight ?? 0, 900)
  else if (hints.bold) weight = Math.max(weight ?? 0, 700)
  const italic = Boolean(hints.italic) || italicOf(name)
  const family = familyOf(name) || name
  const result: FontStyle = {name, family, bold: (weight ?? 400) >= 600, italic}
  if (weight !== undefined) result.weight = weight
  if (monospaceOf(name)) result.monospace = true
  return result
}
