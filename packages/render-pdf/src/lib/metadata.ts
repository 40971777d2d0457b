import type {Meta} from '@folio/ast'

/** A date of the document (YYYY, YYYY-MM, YYYY-MM-DD or a full ISO 8601 time) as a UTC date, or undefined. */
export function parseDate(value: string | undefined): Date | undefined {
  if (!value || typeof value !== 'string') return undefined
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim())
  if (match) {
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1)))
    return Number.isNaN(date.getTime()) ? undefined : date
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date
}

/** The document's date as printed on the title page, in its language. */
export function formatDate(value: string, lang: string): string {
  const date = parseDate(value)
  if (!date) return value
  const parts = value.trim().split('-').length
  const options: Intl.DateTimeFormatOptions =
    parts >= 3
      ? {dateStyle: 'long', timeZone: 'UTC'}
      : parts === 2
        ? {year: 'numeric', month: 'long', timeZone: 'UTC'}
        : {year: 'numeric', timeZone: 'UTC'}
  try {
    return new Intl.DateTimeFormat(lang, options).format(date)
  } catch {
    return value
  }
}

function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

function xmpDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`
}

/** The XMP packet's descriptions: Dublin Core, XMP basic and PDF properties. */
export function xmpDescriptions(
  meta: Meta,
  title: string,
  dates: {created?: Date | undefined; modified?: Date | undefined},
  producer: string,
): string {
  const lang = escapeXml(meta.lang)
  const basic = [
    dates.created ? `<xmp:CreateDate>${xmpDate(dates.created)}</xmp:CreateDate>` : '',
    dates.modified ? `<xmp:ModifyDate>${xmpDate(dates.modified)}</xmp:ModifyDate>` : '',
    dates.modified ? `<xmp:MetadataDate>${xmpDate(dates.modified)}</xmp:MetadataDate>` : '',
    `<xmp:CreatorTool>${escapeXml(producer)}</xmp:CreatorTool>`,
  ].join('')
  const creators = meta.authors.map((author) => `<rdf:li>${escapeXml(author)}</rdf:li>`).join('')
  const dc = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(title)}</rdf:li></rdf:Alt></dc:title>`,
    creators ? `<dc:creator><rdf:Seq>${creators}</rdf:Seq></dc:creator>` : '',
    meta.description
      ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(meta.description)}</rdf:li></rdf:Alt></dc:description>`
      : '',
    meta.publisher
      ? `<dc:publisher><rdf:Bag><rdf:li>${escapeXml(meta.publisher)}</rdf:li></rdf:Bag></dc:publisher>`
      : '',
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
  ].join('')
  return [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${basic}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc}</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"><pdf:Producer>${escapeXml(producer)}</pdf:Producer></rdf:Description>`,
  ].join('\n')
}
