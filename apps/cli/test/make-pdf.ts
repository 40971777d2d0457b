/**
 * Tiny, valid PDFs written byte by byte for the CLI tests: a page per entry of
 * `pages`, each with its lines of Helvetica text (an empty list gives a page
 * without text, like a scan).
 */
export function makePdf(pages: string[][]): Uint8Array {
  const objects: string[] = []
  const add = (body: string) => {
    objects.push(body)
    return objects.length
  }
  const catalog = add('')
  const pageTree = add('')
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  const kids: number[] = []
  for (const lines of pages) {
    const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`)
    const content = lines.map((line, i) => `BT /F1 11 Tf 72 ${720 - i * 16} Td (${escape(line)}) Tj ET`).join('\n')
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`)
    kids.push(
      add(
        `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    )
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`
  objects[pageTree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
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
