import {createHash} from 'node:crypto'
import type {Root} from '@folio/ast'
import {v5 as uuidV5} from 'uuid'

/** The name space of Folio's edition identifiers (a fixed, random UUID). */
const FOLIO_NAMESPACE = 'a3c4e0b2-5f1d-4c8e-9b7a-2d6f0e9c1b35'

/**
 * A stable identifier for the edition: a name-based UUID (RFC 9562, version 5) of a hash of the tree.
 * The same tree always gives the same identifier; any change in content or metadata gives another.
 * Positions are left out so that re-extracting the same PDF with another tool version that only moves
 * boxes does not change the identity of the text.
 */
export function identifierFor(tree: Root): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value)))
  return `urn:uuid:${uuidV5(hash.digest('hex'), FOLIO_NAMESPACE)}`
}
