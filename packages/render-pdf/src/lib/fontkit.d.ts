declare module 'fontkit' {
  interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean
    unitsPerEm: number
  }
  export function create(buffer: Uint8Array): Font
}
