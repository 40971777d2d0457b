import type {FontStyle} from './types.js'

const WEIGHTS: Array<[RegExp, number]> = [
  [/(ultra|extra)[-\s]?black|heavy|fat/i, 900],
  [/black/i, 900],
  [/(ultra|extra)[-\s]?bold|xbold/i, 800],
  [/semi[-\s]?bold|demi[-\s]?bold|demi\b|demi$|sembd|smbd|semibd/i, 600],
  [/bold|bd\b|\bbd$|-b$|,b$/i, 700],
  [/medium|\bmed\b|-md$/i, 500],
  [/(ultra|extra)[-\s]?light|thin|hairline/i, 200],
  [/light|\blt\b|-lt$/i, 300],
  [/book|regular|roman|normal|\breg\b/i, 400],
]

const STYLE_WORDS =
  /[-,_ ]?(ultra|extra|semi|demi)?(bold|black|heavy|light|medium|regular|roman|book|normal|thin|italic|oblique|it|bd|bdit|boldit|boldital|ital|md|lt|mt|ps|psmt|cond|condensed)$/i

/** Font flags from the PDF font descriptor (ISO 32000 9.8.2). */
export interface FontFlags {
  fixedPitch?: boolean
  italic?: boolean
  forceBold?: boolean
}

/** Remove a subset tag such as 'ABCDEF+'. */
export function stripSubset(name: string): string {
  return name.replace(/^[A-Z]{6}\+/, '')
}

/** Split a PostScript font name into its family, e.g. 'SourceSerif4-BoldIt' → 'Source Serif 4'. */
export function familyOf(name: string): string {
  let base = stripSubset(name)
  const dash = base.indexOf('-')
  const comma = base.indexOf(',')
  const cut = [dash, comma].filter((i) => i > 0)
  if (cut.length > 0) base = base.slice(0, Math.min(...cut))
  // Trailing style words glued on without a separator (e.g. 'TimesNewRomanPSMT', 'ArialMT').
  let previous = ''
  while (previous !== base) {
    previous = base
    const stripped = base.replace(STYLE_WORDS, '')
    if (stripped.length >= 3) base = stripped
  }
  return base
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The style part of a PostScript name: what follows the family ('Bold', 'BoldItalic', …). */
function styleOf(name: string): string {
  const base = stripSubset(name)
  const match = /[-,](.*)$/.exec(base)
  if (match?.[1]) return match[1]
  return base
}

/** Weight 100–900 from the style part of a font name. */
export function weightOf(name: string): number | undefined {
  const style = styleOf(name)
  for (const [re, weight] of WEIGHTS) if (re.test(style)) return weight
  return undefined
}

/** The style of a font from its real name, its flags and what pdf.js knows of it. */
export function fontStyle(
  rawName: string | undefined,
  hints: {bold?: boolean; black?: boolean; italic?: boolean; monospace?: boolean; flags?: FontFlags} = {},
): FontStyle {
  const name = stripSubset(rawName ?? '').trim() || 'Unknown'
  const style = styleOf(name)
  let weight = weightOf(name)
  if (hints.black) weight = Math.max(weight ?? 0, 900)
  else if (hints.bold || hints.flags?.forceBold) weight = Math.max(weight ?? 0, 700)
  const italic = Boolean(
    hints.italic || hints.flags?.italic || /italic|oblique|slanted|\bit\b|-it$|bdit|it$/i.test(style),
  )
  const family = familyOf(name) || name
  const result: FontStyle = {name, family, bold: (weight ?? 400) >= 600, italic}
  if (weight !== undefined) result.weight = weight
  const monospace = Boolean(hints.monospace || hints.flags?.fixedPitch || /mono|courier|consol|code/i.test(name))
  if (monospace) result.monospace = true
  return result
}
