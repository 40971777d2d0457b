import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {create} from 'fontkit'

/** A face in one of the four styles of running text. */
export type Style = 'regular' | 'bold' | 'italic' | 'boldItalic'

/** The families a document is set in: a text face, a wide-coverage fallback, Arabic script and monospace. */
export type Family = 'text' | 'fallback' | 'arabic' | 'emoji' | 'mono'

/** What the renderer asks of a font file: whether it has a glyph for a character. */
export interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean
}

export interface Face {
  /** Name pdfkit registers the face under. */
  name: string
  path: string
  /** The font file (TTF), read once. */
  data: Uint8Array
  /** Glyph coverage, from fontkit. */
  font: GlyphCoverage
}

const require = createRequire(import.meta.url)

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`))
}

function packageFile(name: string, entry: string, file: string): string {
  // Some font packages export no package.json; resolve their main entry instead.
  try {
    return join(packageDir(name), file)
  } catch {
    return join(dirname(require.resolve(`${name}/${entry}`)), file)
  }
}

const files: Record<Family, Record<Style, string>> = {
  text: {
    regular: packageFile('source-serif', 'package.json', 'TTF/SourceSerif4-Regular.ttf'),
    bold: packageFile('source-serif', 'package.json', 'TTF/SourceSerif4-Bold.ttf'),
    italic: packageFile('source-serif', 'package.json', 'TTF/SourceSerif4-It.ttf'),
    boldItalic: packageFile('source-serif', 'package.json', 'TTF/SourceSerif4-BoldIt.ttf'),
  },
  fallback: {
    regular: packageFile('dejavu-fonts-ttf', 'package.json', 'ttf/DejaVuSans.ttf'),
    bold: packageFile('dejavu-fonts-ttf', 'package.json', 'ttf/DejaVuSans-Bold.ttf'),
    italic: packageFile('dejavu-fonts-ttf', 'package.json', 'ttf/DejaVuSans-Oblique.ttf'),
    boldItalic: packageFile('dejavu-fonts-ttf', 'package.json', 'ttf/DejaVuSans-BoldOblique.ttf'),
  },
  arabic: {
    regular: packageFile(
      '@expo-google-fonts/noto-naskh-arabic',
      'index.js',
      '400Regular/NotoNaskhArabic_400Regular.ttf',
    ),
    bold: packageFile('@expo-google-fonts/noto-naskh-arabic', 'index.js', '700Bold/NotoNaskhArabic_700Bold.ttf'),
    italic: packageFile(
      '@expo-google-fonts/noto-naskh-arabic',
      'index.js',
      '400Regular/NotoNaskhArabic_400Regular.ttf',
    ),
    boldItalic: packageFile('@expo-google-fonts/noto-naskh-arabic', 'index.js', '700Bold/NotoNaskhArabic_700Bold.ttf'),
  },
  emoji: {
    regular: packageFile('@expo-google-fonts/noto-emoji', 'index.js', '400Regular/NotoEmoji_400Regular.ttf'),
    bold: packageFile('@expo-google-fonts/noto-emoji', 'index.js', '700Bold/NotoEmoji_700Bold.ttf'),
    italic: packageFile('@expo-google-fonts/noto-emoji', 'index.js', '400Regular/NotoEmoji_400Regular.ttf'),
    boldItalic: packageFile('@expo-google-fonts/noto-emoji', 'index.js', '700Bold/NotoEmoji_700Bold.ttf'),
  },
  mono: {
    regular: packageFile('dejavu-fonts-ttf', 'package.json', 'ttf/DejaVuSansMono.ttf'),
    bold: packageFile('dejavu-fonts-ttf', 'package.json', 'ttf/DejaVuSansMono-Bold.ttf'),
    italic: packageFile('dejavu-fonts-ttf', 'package.json', 'ttf/DejaVuSansMono-Oblique.ttf'),
    boldItalic: packageFile('dejavu-fonts-ttf', 'package.json', 'ttf/DejaVuSansMono-BoldOblique.ttf'),
  },
}

const cache = new Map<string, Face>()

/** The face of a family in a style, loaded once per process. */
export function face(family: Family, style: Style): Face {
  const path = files[family][style]
  let found = cache.get(path)
  if (!found) {
    const data = new Uint8Array(readFileSync(path))
    found = {name: `${family}-${style}`, path, data, font: create(data)}
    cache.set(path, found)
  }
  // Faces without italics reuse the upright file, and so its one embedding.
  return found
}

const arabicScript = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u
const hebrewScript = /[\u0590-\u05FF\uFB1D-\uFB4F]/u

/** Whether a code point belongs to a right-to-left script. */
export function isRtl(char: string): boolean {
  return arabicScript.test(char) || hebrewScript.test(char)
}

/** Whether a code point is Arabic script. */
export function isArabic(char: string): boolean {
  return arabicScript.test(char)
}

/** Whether a character takes the font of its neighbours (spaces, punctuation, digits). */
export function isNeutral(char: string): boolean {
  return /[\s\p{P}\p{N}\p{Mn}\u200d]/u.test(char) && !isRtl(char)
}
