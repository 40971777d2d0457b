/** What the edition holds, counted from the content documents actually written. */
export interface EditionInventory {
  title: string
  /** Top-level sections (chapters). */
  sections: number
  /** Sections below the top level. */
  subsections: number
  /** Headings of all ranks in the content documents. */
  headings: number
  pages: number
  footnotes: number
  tables: number
  images: number
  imagesWithAlt: number
  lists: number
  /** Any ARIA roles in the content (DPUB-ARIA page breaks, footnotes …). */
  aria: boolean
  /** The file name of the source PDF. */
  sourceName?: string | undefined
}

export interface AccessibilityMetadata {
  accessModes: string[]
  accessModeSufficient: string[]
  features: string[]
  hazards: string[]
  summary: string
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/**
 * EPUB Accessibility 1.1 discovery metadata, derived from what the edition holds rather than declared once for all:
 * a feature is listed only when the content has it.
 */
export function accessibilityMetadata(inventory: EditionInventory): AccessibilityMetadata {
  const hasImages = inventory.images > 0
  const allImagesDescribed = inventory.imagesWithAlt === inventory.images
  const accessModes = hasImages ? ['textual', 'visual'] : ['textual']
  const accessModeSufficient = allImagesDescribed ? ['textual'] : ['textual,visual']
  const features: string[] = []
  if (inventory.headings > 0) features.push('structuralNavigation')
  features.push('tableOfContents', 'readingOrder')
  if (inventory.pages > 0) features.push('printPageNumbers')
  if (hasImages && allImagesDescribed) features.push('alternativeText')
  if (inventory.aria) features.push('ARIA')
  features.push('displayTransformability')

  const parts: string[] = [
    `This EPUB 3 edition of “${inventory.title}” is reflowable text converted from the original PDF` +
      `${inventory.sourceName ? ` (${inventory.sourceName})` : ''}, in its reading order.`,
  ]
  if (inventory.sections > 0) {
    const sub =
      inventory.subsections > 0 ? ` (with ${plural(inventory.subsections, 'sub-section', 'sub-sections')})` : ''
    parts.push(
      `Its ${plural(inventory.sections, 'section', 'sections')}${sub} are marked up with headings ` +
        'and listed in a nested table of contents.',
    )
  } else {
    parts.push('It has no headed sections; the table of contents leads to the start of the text.')
  }
  if (inventory.pages > 0) {
    parts.push(
      `A page list marks where ${plural(inventory.pages, 'page', 'pages')} of the print edition begin, ` +
        'so that readers can cite and find the original page numbers.',
    )
  }
  if (inventory.footnotes > 0) {
    parts.push(`${plural(inventory.footnotes, 'note is', 'notes are')} linked to and from the text.`)
  }
  if (inventory.lists > 0) parts.push('Lists are marked up as lists.')
  if (inventory.tables > 0) {
    parts.push(`${plural(inventory.tables, 'table has', 'tables have')} header cells where the original had them.`)
  }
  if (hasImages) {
    parts.push(
      allImagesDescribed
        ? inventory.images === 1
          ? 'Its image has a text alternative.'
          : `All ${inventory.images} images have text alternatives.`
        : `${inventory.images - inventory.imagesWithAlt} of the ${plural(inventory.images, 'image', 'images')} ` +
            'have no text alternative.',
    )
  } else {
    parts.push('It contains no images.')
  }
  parts.push('Text size, font and colours can be changed by the reader; there is no audio, video or flashing content.')
  return {accessModes, accessModeSufficient, features, hazards: ['none'], summary: parts.join(' ')}
}

/** The conformance statement of EPUB Accessibility 1.1. */
export const CONFORMANCE = 'EPUB Accessibility 1.1 - WCAG 2.1 Level AA'
