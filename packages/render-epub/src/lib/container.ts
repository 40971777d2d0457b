import type {Root as XastRoot} from 'xast'
import {toXml} from 'xast-util-to-xml'
import {x} from 'xastscript'

/** Serialize a xast element as a standalone XML file with a declaration. */
export function xmlFile(root: import('xast').Element): string {
  const tree: XastRoot = {
    type: 'root',
    children: [
      {type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"'},
      {type: 'text', value: '\n'},
      root,
    ],
  }
  return `${toXml(tree, {closeEmptyElements: true, tightClose: true})}\n`
}

/** `META-INF/container.xml`: where the package document is. */
export function containerXml(packagePath: string): string {
  return xmlFile(
    x(
      'container',
      {version: '1.0', xmlns: 'urn:oasis:names:tc:opendocument:xmlns:container'},
      x('rootfiles', {}, x('rootfile', {'full-path': packagePath, 'media-type': 'application/oebps-package+xml'})),
    ),
  )
}
