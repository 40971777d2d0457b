import {type Zippable, zipSync} from 'fflate'

export interface ZipEntry {
  path: string
  data: Uint8Array
}

/**
 * Zip the edition's files deterministically: `mimetype` first and stored, then the entries in the order given,
 * every entry with one timestamp. The timestamp is built from local-time components because the zip format
 * stores local time: whatever the machine's time zone, the bytes are the same. Noon keeps it clear of any
 * daylight-saving jump.
 */
export function zipEpub(entries: ZipEntry[], date: {year: number; month: number; day: number}): Uint8Array {
  const year = Math.min(Math.max(date.year, 1980), 2099)
  const mtime = new Date(year, date.month - 1, date.day, 12, 0, 0)
  const files: Zippable = {
    mimetype: [new TextEncoder().encode('application/epub+zip'), {level: 0, mtime}],
  }
  for (const entry of entries) {
    if (entry.path === 'mimetype' || Object.hasOwn(files, entry.path)) {
      throw new Error(`Unexpected duplicate zip entry \`${entry.path}\`, expected unique paths`)
    }
    files[entry.path] = [entry.data, {level: 9, mtime}]
  }
  return zipSync(files)
}
