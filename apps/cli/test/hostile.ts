import {deflateSync} from 'node:zlib'
import type {PdfObject} from './make-pdf.js'
import {textStream, writePdf} from './make-pdf.js'

const prose = [
  'Regional cooperation on water policy has grown over the past decade,',
  'as ministries share data on rainfall, rivers and the wells that farmers use.',
  'This brief reviews what the agreements achieved and what they left undone.',
]

/**
 * A one-page text PDF with optional extras: catalog entries, annotations,
 * page-dictionary entries and extra objects (numbered from 6).
 */
export function textPdf(
  options: {
    lines?: string[]
    catalog?: string
    annots?: string[]
    page?: string
    extra?: PdfObject[]
    mediaBox?: string
    /** Content-stream operators painted after the text. */
    drawing?: string
  } = {},
): Uint8Array {
  const annots = options.annots ?? []
  const text = textStream(options.lines ?? prose)
  const content = options.drawing
    ? new Uint8Array(Buffer.concat([text, Buffer.from(`\n${options.drawing}`, 'latin1')]))
    : text
  const objects: PdfObject[] = [
    {body: `<< /Type /Catalog /Pages 2 0 R ${options.catalog ?? ''} >>`},
    {body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'},
    {
      body: `<< /Type /Page /Parent 2 0 R /MediaBox ${options.mediaBox ?? '[0 0 612 792]'} /Resources << /Font << /F1 4 0 R >> ${options.page ?? ''} >> /Contents 5 0 R ${annots.length ? `/Annots [${annots.join(' ')}]` : ''} >>`,
    },
    {body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'},
    {body: '<< >>', stream: content},
    ...(options.extra ?? []),
  ]
  return writePdf(objects)
}

/** A seeded pseudo-random generator (mulberry32), so every fuzz case can be replayed. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Flip `count` random bytes of `data` (seeded). */
export function flipBytes(data: Uint8Array, seed: number, count: number): Uint8Array {
  const next = random(seed)
  const copy = data.slice()
  for (let i = 0; i < count; i++) {
    const at = Math.floor(next() * copy.length)
    copy[at] = Math.floor(next() * 256)
  }
  return copy
}

/** Every class of bad input the CLI must survive, by file name. */
export function hostileInputs(good: Uint8Array): Record<string, Uint8Array> {
  const cases: Record<string, Uint8Array> = {}
  for (const fraction of [0.1, 0.5, 0.9])
    cases[`truncated-${fraction * 100}.pdf`] = good.subarray(0, Math.floor(good.length * fraction))
  for (const seed of [1, 2, 3]) cases[`flipped-${seed}.pdf`] = flipBytes(good, seed, 40)
  const text = Buffer.from(good).toString('latin1')
  cases['broken-xref.pdf'] = new Uint8Array(
    Buffer.from(text.replace(/startxref\n\d+/, 'startxref\n999999').replace(/ 00000 n /g, ' 00000 x '), 'latin1'),
  )
  cases['empty-file.pdf'] = new Uint8Array()
  cases['not-a-pdf.pdf'] = new Uint8Array(Buffer.from('<html><body>not a pdf</body></html>'))
  cases['zero-pages.pdf'] = writePdf([
    {body: '<< /Type /Catalog /Pages 2 0 R >>'},
    {body: '<< /Type /Pages /Kids [] /Count 0 >>'},
  ])
  cases['page-tree-loop.pdf'] = writePdf([
    {body: '<< /Type /Catalog /Pages 2 0 R >>'},
    {body: '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>'},
    {body: '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>'},
  ])
  cases['huge-page.pdf'] = textPdf({mediaBox: '[0 0 14400 14400]'})
  cases['absurd-page.pdf'] = textPdf({mediaBox: '[0 0 1e30 -1e30]'})
  cases['deeply-nested.pdf'] = textPdf({page: `/Deep ${'['.repeat(20_000)}${']'.repeat(20_000)}`})
  const pixels = 5000 * 3500 * 3
  cases['big-image.pdf'] = textPdf({
    page: '/XObject << /Im1 6 0 R >>',
    extra: [
      {
        body: '<< /Type /XObject /Subtype /Image /Width 5000 /Height 3500 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode >>',
        stream: new Uint8Array(deflateSync(Buffer.alloc(pixels, 0x7f))),
      },
    ],
  })
  // A page of hatching: a quarter of a million tiny filled squares and a lattice of rules over the text.
  const squares: string[] = ['0.5 g']
  for (let index = 0; index < 250_000; index++) squares.push(`${index % 500} ${(index / 500) | 0} 0.8 0.8 re f`)
  for (let x = 0; x <= 612; x += 2) squares.push(`${x} 0 m ${x} 792 l S`)
  cases['many-paths.pdf'] = textPdf({drawing: squares.join('\n')})
  cases['javascript-actions.pdf'] = textPdf({
    catalog:
      '/OpenAction << /S /JavaScript /JS (app.alert\\("folio-pwned-open"\\)) >> /Names << /JavaScript << /Names [(x) 6 0 R] >> >>',
    annots: ['7 0 R'],
    extra: [
      {body: '<< /S /JavaScript /JS (app.alert\\("folio-pwned-names"\\)) >>'},
      {body: '<< /Type /Annot /Subtype /Link /Rect [72 700 300 730] /A << /S /Launch /F (calc.exe) >> >>'},
    ],
  })
  cases['hostile-links.pdf'] = textPdf({
    lines: ['Click the script link here and the data link and the file link too.', ...prose],
    annots: ['6 0 R', '7 0 R', '8 0 R'],
    extra: [
      {
        body: '<< /Type /Annot /Subtype /Link /Rect [72 716 150 730] /A << /S /URI /URI (javascript:alert\\("folio-pwned-link"\\)) >> >>',
      },
      {
        body: '<< /Type /Annot /Subtype /Link /Rect [150 716 260 730] /A << /S /URI /URI (data:text/html,<script>folio-pwned-data</script>) >> >>',
      },
      {body: '<< /Type /Annot /Subtype /Link /Rect [260 716 400 730] /A << /S /URI /URI (file:///etc/passwd) >> >>'},
    ],
  })
  cases['markup-in-text.pdf'] = textPdf({
    lines: ['<script>alert("folio-pwned-text")</script> and <img src=x onerror=alert(1)> in the prose', ...prose],
  })
  return cases
}

/** `count` pages, the first with text and the rest empty, sharing one content stream. */
export function manyPages(count: number): Uint8Array {
  const objects: PdfObject[] = [
    {body: '<< /Type /Catalog /Pages 2 0 R >>'},
    {body: ''},
    {body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'},
    {body: '<< >>', stream: textStream(prose)},
    {body: '<< >>', stream: new Uint8Array()},
  ]
  const kids: number[] = []
  for (let page = 0; page < count; page++) {
    objects.push({
      body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${page === 0 ? 4 : 5} 0 R >>`,
    })
    kids.push(objects.length)
  }
  objects[1] = {body: `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${count} >>`}
  return writePdf(objects)
}
