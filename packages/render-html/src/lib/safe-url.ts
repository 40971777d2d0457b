const linkProtocols = new Set(['http:', 'https:', 'mailto:'])

// Browsers drop ASCII tab and newlines anywhere in a URL ("java\nscript:") and
// trim C0 controls and spaces at both ends: do the same before judging the scheme.
const stripped = /[\u0000-\u001F\u007F]/g

/**
 * The URL as it may appear in an `href`, or `undefined` when it is not an
 * absolute http, https or mailto URL. The result is the parsed, serialized URL
 * (so quotes, spaces and non-ASCII characters are percent-encoded).
 */
export function safeUrl(url: string): string | undefined {
  if (typeof url !== 'string') return undefined
  const cleaned = url.replace(stripped, '').trim()
  if (cleaned === '') return undefined
  let parsed: URL
  try {
    parsed = new URL(cleaned)
  } catch {
    return undefined
  }
  if (!linkProtocols.has(parsed.protocol)) return undefined
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return undefined
  return parsed.href
}

const imageData = /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=\s]+$/
const relativeFile = /^(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\s"'<>\\?#]+$/

/**
 * The `src` of an embedded image, or `undefined`: a base64 `data:` URI of a
 * raster image (never SVG, which can carry script), an http(s) URL, or a
 * relative file name that does not climb out of its folder.
 */
export function safeImageSource(url: string): string | undefined {
  if (typeof url !== 'string') return undefined
  const cleaned = url.trim()
  if (imageData.test(cleaned)) return cleaned.replace(/\s+/g, '')
  if (relativeFile.test(cleaned)) return cleaned
  const web = safeUrl(cleaned)
  return web?.startsWith('http') ? web : undefined
}
