/**
 * Tiny, valid PDFs written byte by byte for the CLI tests.
 */

/** One PDF object: a dictionary or value, and an optional stream. */
export interface PdfObject {
  body: string
  stream?: Uint8Array
}

/**
 * Write objects 1..n with a correct cross-reference table. `root` is the
 * catalog's object number; `trailerExtra` adds keys to the trailer.
 */
export function writePdf(objects: PdfObject[], root = 1, trailerExtra = ''): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let length = chunks[0]?.length ?? 0
  const offsets: number[] = []
  const push = (chunk: Buffer) => {
    chunks.push(chunk)
    length += chunk.length
  }
  objects.forEach((object, index) => {
    offsets.push(length)
    if (object.stream) {
      push(
        Buffer.from(
          `${index + 1} 0 obj\n${object.body.replace(/>>\s*$/, ` /Length ${object.stream.length} >>`)}\nstream\n`,
          'latin1',
        ),
      )
      push(Buffer.from(object.stream))
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'))
    } else {
      push(Buffer.from(`${index + 1} 0 obj\n${object.body}\nendobj\n`, 'latin1'))
    }
  })
  const xref = length
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) tail += `${String(offset).padStart(10, '0')} 00000 n \n`
  tail += `trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`
  push(Buffer.from(tail, 'latin1'))
  return new Uint8Array(Buffer.concat(chunks))
}

const escapeText = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`)
/** A content stream drawing `lines` of Helvetica 11 pt from the top of a Letter page. */
export const textStream = (lines: string[]) =>
  new Uint8Array(
    Buffer.from(
      lines.map((line, i) => `BT /F1 11 Tf 72 ${720 - i * 16} Td (${escapeText(line)}) Tj ET`).join('\n'),
      'latin1',
    ),
  )

/** A page per entry of `pages`, each with its lines of text (an empty list gives a page without text, like a scan). */
export function makePdf(pages: string[][]): Uint8Array {
  const objects: PdfObject[] = [
    {body: '<< /Type /Catalog /Pages 2 0 R >>'},
    {body: ''},
    {body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'},
  ]
  const kids: number[] = []
  for (const lines of pages) {
    objects.push({body: '<< >>', stream: textStream(lines)})
    objects.push({
      body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`,
    })
    kids.push(objects.length)
  }
  objects[1] = {body: `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`}
  return writePdf(objects)
}

/** A plain report of `count` pages: a title, then paragraphs. */
export function makeReport(title: string, count = 2): Uint8Array {
  const pages: string[][] = []
  for (let page = 1; page <= count; page++) {
    pages.push([
      page === 1 ? title : 'The findings continue on this page with more prose',
      'Every sentence here is ordinary report text about public policy',
      'and its effects on the people who live with its consequences.',
    ])
  }
  return makePdf(pages)
}
