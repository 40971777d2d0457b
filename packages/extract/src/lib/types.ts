import type {Diagnostic} from '@folio/ast'

/** A box in PDF points, top-down: x0 (left), y0 (top), x1 (right), y1 (bottom). */
export type BBox = [number, number, number, number]

export interface FontStyle {
  /** The real font name from the PDF (subset prefix removed), e.g. 'SourceSerif4-Bold'. */
  name: string
  /** The family derived from the name, e.g. 'Source Serif 4'. */
  family: string
  bold: boolean
  italic: boolean
  /** Weight 100–900 when known. */
  weight?: number
  monospace?: boolean
}

export interface Word {
  text: string
  bbox: BBox
  font: FontStyle
  /** Font size in points: hypot of the text matrix' second column. */
  size: number
  /** RGB hex such as '#1a1a1a' when known. */
  color?: string
  /** Marked-content id when the page is tagged. */
  mcid?: number
  /** Raised above the baseline (superscript footnote markers). */
  superscript?: boolean
  /** Follows the previous word of its line without a space (a font or size change inside a word). */
  attached?: boolean
  /** Painted inside an /Artifact marked-content sequence (tagged PDFs: headers, footers, decoration). */
  artifact?: boolean
  /** The word ended with a soft hyphen (shown as '-' in `text`): a hyphenation break, not a real hyphen. */
  softHyphen?: boolean
}

export interface Line {
  /** The words joined with the spaces the PDF implies. */
  text: string
  bbox: BBox
  words: Word[]
  /** Dominant font size of the line. */
  size: number
  /** Writing direction. */
  dir: 'ltr' | 'rtl'
  /**
   * Baseline y (top-down). For text that does not run left to right across the page (see
   * `angle`), the baseline's offset along the line's normal instead.
   */
  baseline: number
  /** Direction of the baseline in degrees clockwise on the displayed page, when not 0 (e.g. 90, 270 for vertical margin text). */
  angle?: number
}

export interface LinkAnnotation {
  bbox: BBox
  /** External target, as found (untrusted). */
  url?: string
  /** Internal target: 1-based page index. */
  destPage?: number
}

export interface ImageBox {
  bbox: BBox
  mcid?: number
}

/**
 * A drawn rectangle or straight line: table rulings, cell shading, the box around a
 * sidebar. Curves, diagonals and other drawings are not reported.
 */
export interface Graphic {
  /** 'rule': a straight line or a rectangle at most 2.5 pt thick; 'rect': a larger rectangle (corners may be rounded). */
  kind: 'rect' | 'rule'
  /** Painted extent, stroke width included. */
  bbox: BBox
  /** Fill colour (RGB hex) when filled with a known colour; white fills are not reported. */
  fill?: string
  /** Stroke colour (RGB hex) when stroked with a known colour. */
  stroke?: string
  /** Stroke width in points when stroked. */
  lineWidth?: number
  /** Marked-content id when the page is tagged. */
  mcid?: number
  /** Painted inside an /Artifact marked-content sequence. */
  artifact?: boolean
}

/** A node of the PDF's structure tree (tagged PDFs). */
export interface StructNode {
  /** Standard role after the RoleMap: 'H1', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Link', 'Figure', … */
  role: string
  alt?: string
  lang?: string
  /** Marked-content ids (on this page) that belong directly to this node. */
  mcids?: number[]
  children: StructNode[]
}

export interface LayoutPage {
  /** 1-based physical page index. */
  number: number
  /** The printed page label from /PageLabels when present. */
  label?: string
  width: number
  height: number
  rotation: number
  lines: Line[]
  links: LinkAnnotation[]
  images: ImageBox[]
  /**
   * Drawn rectangles and rules, in painting order, at most 5,000 a page (a
   * `graphics-capped` diagnostic says when more were left out). Absent in layouts
   * made before graphics were read.
   */
  graphics?: Graphic[]
  /** The page's structure tree when the PDF is tagged. */
  structTree?: StructNode
}

export interface OutlineItem {
  title: string
  /** 1-based target page when it resolves. */
  page?: number
  url?: string
  children: OutlineItem[]
}

export interface DocumentInfo {
  title?: string
  author?: string
  subject?: string
  keywords?: string
  creator?: string
  producer?: string
  /** Language from /Lang or XMP dc:language. */
  lang?: string
  /** ISO 8601. */
  created?: string
  modified?: string
}

export interface Layout {
  /** Base name of the input file when known. */
  file?: string
  pageCount: number
  info: DocumentInfo
  tagged: boolean
  encrypted: boolean
  outline: OutlineItem[]
  pages: LayoutPage[]
  diagnostics: Diagnostic[]
}
