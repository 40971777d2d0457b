/** Page sizes in points. */
export const pageSizes = {
  A4: [595.28, 841.89],
  Letter: [612, 792],
} as const

export type PageSize = keyof typeof pageSizes

/** Where text goes on a page, in points from the top-left corner. */
export interface Geometry {
  width: number
  height: number
  /** Left edge of the text block. */
  left: number
  /** Width of the text block: the measure. */
  measure: number
  /** Top of the text block. */
  top: number
  /** Space below the text block. */
  bottom: number
}

/** The type scale: sizes and leading of the text and the headings. */
export interface Typography {
  size: number
  leading: number
  /** Lines of the following block a heading keeps with it. */
  keepLines: number
  headings: Record<1 | 2 | 3 | 4 | 5 | 6, {size: number; leading: number; before: number; after: number}>
  noteSize: number
  noteLeading: number
  /** Sidebars and call-outs: a size below the running text, so a box's bold title reads as its own, not a heading. */
  asideSize: number
  asideLeading: number
  color: string
  muted: string
  linkColor: string
  /** Baseline of a line, from the top of its line box. */
  ascent(leading: number): number
}

export const typography: Typography = {
  size: 10.5,
  leading: 15.5,
  keepLines: 3,
  headings: {
    1: {size: 19, leading: 24, before: 26, after: 10},
    2: {size: 14.5, leading: 19, before: 20, after: 7},
    3: {size: 12, leading: 16.5, before: 16, after: 5},
    4: {size: 10.5, leading: 15.5, before: 14, after: 3},
    5: {size: 10.5, leading: 15.5, before: 12, after: 2},
    6: {size: 10.5, leading: 15.5, before: 12, after: 2},
  },
  noteSize: 8.5,
  noteLeading: 12,
  asideSize: 9,
  asideLeading: 13.25,
  color: '#1a1a1a',
  muted: '#555555',
  linkColor: '#1a4f8b',
  ascent: (leading) => leading * 0.72,
}

/**
 * The text block of a page size: a measure of about 34 ems (65–70 characters
 * of the text face, a comfortable line for reading), centred, with room above
 * for the running head and below for the folio.
 */
export function geometryOf(size: PageSize): Geometry {
  const [width, height] = pageSizes[size]
  const measure = Math.min(width - 2 * 72, 34 * typography.size)
  return {width, height, left: Math.round((width - measure) / 2), measure, top: 78, bottom: 74}
}
