import type {Meta} from '@folio/ast'
import type {Element as XastElement} from 'xast'
import {x} from 'xastscript'
import {type AccessibilityMetadata, CONFORMANCE} from './accessibility.js'
import {xmlFile} from './container.js'

export interface ManifestItem {
  id: string
  href: string
  mediaType: string
  properties?: string | undefined
  /** Place in the spine, in order; `undefined` keeps it out of the spine. */
  linear?: boolean | undefined
}

export interface PackageOptions {
  identifier: string
  title: string
  meta: Meta
  /** `dc:date`, W3CDTF. */
  date?: string | undefined
  /** `dcterms:modified`, `CCYY-MM-DDThh:mm:ssZ`. */
  modified: string
  accessibility: AccessibilityMetadata
  /** Language of the accessibility summary when it differs from the document's. */
  summaryLang?: string | undefined
  /** The print source of the page-list, named in `dc:source` refined as `source-of` `pagination`. */
  paginationSource?: string | undefined
  conformsTo: boolean
  items: ManifestItem[]
}

function meta(property: string, value: string, attributes: Record<string, string | undefined> = {}): XastElement {
  return x('meta', {property, ...attributes}, value)
}

function alternateScripts(metaData: Meta, field: 'title' | 'subtitle' | 'publisher', id: string): XastElement[] {
  return (metaData.translations ?? [])
    .filter((translation) => translation.field === field)
    .map((translation) =>
      meta('alternate-script', translation.value, {refines: `#${id}`, 'xml:lang': translation.lang}),
    )
}

/** The package document (`package.opf`): metadata with EPUB Accessibility 1.1 discovery metadata, manifest, spine. */
export function packageDocument(options: PackageOptions): string {
  const {meta: source, accessibility} = options
  const metadata: XastElement[] = [
    x('dc:identifier', {id: 'pub-id'}, options.identifier),
    x('dc:title', {id: 'title'}, options.title),
    meta('title-type', 'main', {refines: '#title'}),
    ...alternateScripts(source, 'title', 'title'),
  ]
  if (source.subtitle) {
    metadata.push(
      x('dc:title', {id: 'subtitle'}, source.subtitle),
      meta('title-type', 'subtitle', {refines: '#subtitle'}),
      ...alternateScripts(source, 'subtitle', 'subtitle'),
    )
  }
  metadata.push(x('dc:language', source.lang))
  source.authors.forEach((author, index) => {
    metadata.push(x('dc:creator', {id: `creator-${index + 1}`}, author))
  })
  if (source.publisher) {
    metadata.push(
      x('dc:publisher', {id: 'publisher'}, source.publisher),
      ...alternateScripts(source, 'publisher', 'publisher'),
    )
  }
  if (options.date) metadata.push(x('dc:date', options.date))
  if (source.description) metadata.push(x('dc:description', source.description))
  metadata.push(meta('dcterms:modified', options.modified))
  if (options.paginationSource) {
    metadata.push(x('dc:source', {id: 'print-source'}, options.paginationSource))
    metadata.push(meta('source-of', 'pagination', {refines: '#print-source'}))
  }
  for (const mode of accessibility.accessModes) metadata.push(meta('schema:accessMode', mode))
  for (const set of accessibility.accessModeSufficient) metadata.push(meta('schema:accessModeSufficient', set))
  for (const feature of accessibility.features) metadata.push(meta('schema:accessibilityFeature', feature))
  for (const hazard of accessibility.hazards) metadata.push(meta('schema:accessibilityHazard', hazard))
  metadata.push(
    meta(
      'schema:accessibilitySummary',
      accessibility.summary,
      options.summaryLang ? {'xml:lang': options.summaryLang} : {},
    ),
  )
  if (options.conformsTo) metadata.push(meta('dcterms:conformsTo', CONFORMANCE))

  const manifest = options.items.map((item) =>
    x('item', {id: item.id, href: item.href, 'media-type': item.mediaType, properties: item.properties}),
  )
  const spine = options.items
    .filter((item) => item.linear !== undefined)
    .map((item) => x('itemref', {idref: item.id, linear: item.linear ? undefined : 'no'}))

  const root = x(
    'package',
    {
      xmlns: 'http://www.idpf.org/2007/opf',
      version: '3.0',
      'unique-identifier': 'pub-id',
      'xml:lang': source.lang,
    },
    x('metadata', {'xmlns:dc': 'http://purl.org/dc/elements/1.1/'}, ...metadata),
    x('manifest', {}, ...manifest),
    x('spine', source.dir === 'rtl' ? {'page-progression-direction': 'rtl'} : {}, ...spine),
  )
  return xmlFile(root)
}
