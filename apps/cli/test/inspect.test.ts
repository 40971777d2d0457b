import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'

const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)))
const report = join(root, 'fixtures/reports/dfi-2023-delta-irrigation/dfi-2023-delta-irrigation.pdf')
const encrypted = join(root, 'packages/extract/test/fixtures/encrypted-aes256-password-folio-user.pdf')
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function folio(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, CI: 'true'}})
  return {code: run.status, stdout: run.stdout, stderr: run.stderr}
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'folio-inspect-'))
}

interface Box {
  kind: string
  order?: number
  page: number
  top: number
  height: number
  title: string
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
}

/** The outlined boxes of the page, with the page they are drawn on. */
function boxes(html: string): Box[] {
  const out: Box[] = []
  for (const section of html.split('<section class="page"').slice(1)) {
    const page = Number(/data-page="(\d+)"/.exec(section)?.[1])
    const pattern =
      /<div class="box [^"]*" data-kind="(\w+)"(?: data-order="(\d+)")? style="[^"]*?top:([\d.-]+)%(?:;width:[\d.-]+%)?(?:;height:([\d.-]+)%)?" title="([^"]*)">/g
    for (const match of section.matchAll(pattern)) {
      const box: Box = {
        kind: match[1]!,
        page,
        top: Number(match[3]),
        height: Number(match[4] ?? 0),
        title: unescapeHtml(match[5]!),
      }
      if (match[2] !== undefined) box.order = Number(match[2])
      out.push(box)
    }
  }
  return out
}

function headingsOf(node: {type: string; children?: unknown[]; value?: string}, out: string[] = []): string[] {
  const text = (n: {value?: string; children?: unknown[]}): string =>
    n.value ?? (n.children ?? []).map((child) => text(child as typeof n)).join('')
  if (node.type === 'heading') out.push(text(node).replace(/\s+/g, ' ').trim())
  else for (const child of node.children ?? []) headingsOf(child as typeof node, out)
  return out
}

describe('folio inspect', () => {
  let dir: string
  let html: string
  let run: ReturnType<typeof folio>

  beforeAll(() => {
    dir = workspace()
    run = folio(['inspect', report, '--out', 'out'], dir)
    html = readFileSync(join(dir, 'out', 'dfi-2023-delta-irrigation.inspect.html'), 'utf8')
  })

  it('writes one page named after the PDF, and says so on stderr', () => {
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/dfi-2023-delta-irrigation\.inspect\.html \(5 pages, \d+ blocks\)/)
    expect(readdirSync(join(dir, 'out'))).toEqual(['dfi-2023-delta-irrigation.inspect.html'])
  })

  it('holds one PNG image per page, each with a page heading', () => {
    const images = [...html.matchAll(/<img src="data:image\/png;base64,([A-Za-z0-9+/=]+)"[^>]* alt="([^"]+)"/g)]
    expect(images).toHaveLength(5)
    images.forEach((image, index) => {
      expect(Buffer.from(image[1]!, 'base64').subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
      expect(image[2]).toBe(`Page ${index + 1} of dfi-2023-delta-irrigation.pdf as printed`)
    })
    for (let page = 1; page <= 5; page++)
      expect(html).toMatch(new RegExp(`<h2 id="page-${page}-title">Page ${page}\\b`))
    expect(html).not.toMatch(/(?:src|href)="(?!data:image\/png)/)
  })

  it('outlines the blocks by kind and explains every kind in a legend', () => {
    const kinds = new Set(boxes(html).map((box) => box.kind))
    for (const kind of ['heading', 'paragraph', 'listItem', 'footnote', 'toc', 'quote', 'artifact', 'pageBreak']) {
      expect(kinds, kind).toContain(kind)
    }
    for (const name of ['Heading', 'Paragraph', 'List item', 'Footnote', 'Artifact', 'Contents (toc)', 'Page break']) {
      expect(html).toMatch(
        new RegExp(
          `<li><span class="swatch [^"]+"[^>]*></span><span><span class="kind"[^>]*>${name.replace(/[()]/g, '\\$&')}</span>`,
        ),
      )
    }
  })

  it('numbers the blocks 1…n in the reading order of the tree', () => {
    const all = boxes(html)
    const orders = [...new Set(all.flatMap((box) => (box.order === undefined ? [] : [box.order])))].sort(
      (a, b) => a - b,
    )
    expect(orders[0]).toBe(1)
    expect(orders).toEqual(orders.map((_, index) => index + 1))
    // Headings in numbered order are the headings of the JSON edition, in tree order.
    const convert = folio(['convert', report, '--out', 'json', '--to', 'json'], dir)
    expect(convert.code).toBe(0)
    const tree = JSON.parse(readFileSync(join(dir, 'json', 'dfi-2023-delta-irrigation.json'), 'utf8'))
    const expected = headingsOf(tree)
    expect(expected.length).toBeGreaterThan(3)
    const firstBoxes = new Map<number, Box>()
    for (const box of all) if (box.kind === 'heading' && !firstBoxes.has(box.order!)) firstBoxes.set(box.order!, box)
    const shown = [...firstBoxes.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, box]) => box.title.replace(/^\d+\. Heading H\d: /, ''))
    expect(shown).toEqual(expected)
    // A page begins where its page break stands in the order: later pages, later numbers.
    const breaks = all.filter((box) => box.kind === 'pageBreak')
    expect(breaks.map((box) => box.page)).toEqual([1, 2, 3, 4, 5])
    expect(breaks.map((box) => box.order)).toEqual([...breaks.map((box) => box.order!)].sort((a, b) => a - b))
  })

  it('draws artifacts in the head and foot bands and blocks on the pages they came from', () => {
    const all = boxes(html)
    const artifacts = all.filter((box) => box.kind === 'artifact')
    expect(artifacts.length).toBeGreaterThanOrEqual(8)
    for (const box of artifacts) expect(box.top < 12 || box.top + box.height > 88, box.title).toBe(true)
    // Footnote definitions of this report are on its last page; the contents on page 2.
    expect(new Set(all.filter((box) => box.kind === 'footnote').map((box) => box.page))).toEqual(new Set([5]))
    expect(new Set(all.filter((box) => box.kind === 'toc').map((box) => box.page))).toEqual(new Set([2]))
  })

  it('outlines a block that runs on in the next column or page once per run', () => {
    const paragraphs = boxes(html).filter((box) => box.kind === 'paragraph')
    const byOrder = new Map<number, Box[]>()
    for (const box of paragraphs) byOrder.set(box.order!, [...(byOrder.get(box.order!) ?? []), box])
    const runs = [...byOrder.values()]
    // Runs onto the next page, and on into the next column of one page.
    expect(runs.some((list) => new Set(list.map((box) => box.page)).size === 2)).toBe(true)
    expect(runs.some((list) => list.length === 2 && list[0]!.page === list[1]!.page)).toBe(true)
    // No box is the union of lines from two columns or two pages.
    for (const box of paragraphs) expect(box.height, box.title).toBeLessThan(40)
    expect(html).toMatch(/class="box k-paragraph cont"/)
  })

  it('writes the same bytes twice', () => {
    const again = folio(['inspect', report, '--out', 'again'], dir)
    expect(again.code).toBe(0)
    const second = readFileSync(join(dir, 'again', 'dfi-2023-delta-irrigation.inspect.html'), 'utf8')
    expect(second === html).toBe(true)
  })

  it('shows only the pages asked for', () => {
    const some = folio(['inspect', report, '--out', 'some', '--pages', '3-4', '--scale', '0.5'], dir)
    expect(some.code).toBe(0)
    const page = readFileSync(join(dir, 'some', 'dfi-2023-delta-irrigation.inspect.html'), 'utf8')
    expect([...page.matchAll(/<section class="page"[^>]* data-page="(\d+)"/g)].map((m) => m[1])).toEqual(['3', '4'])
    expect(page.match(/<img /g)).toHaveLength(2)
    expect(page).toMatch(/<img [^>]*width="297" height="420"/)
  })

  it('opens an encrypted PDF with --password only', () => {
    const locked = folio(['inspect', encrypted, '--out', 'locked'], dir)
    expect(locked.code).toBe(1)
    expect(locked.stderr).toContain('encrypted-aes256-password-folio-user.pdf')
    expect(locked.stderr).toMatch(/encrypted PDF/)
    expect(existsSync(join(dir, 'locked'))).toBe(false)
    const opened = folio(['inspect', encrypted, '--out', 'opened', '--password', 'folio-user'], dir)
    expect(opened.code).toBe(0)
    expect(readdirSync(join(dir, 'opened'))).toEqual(['encrypted-aes256-password-folio-user.inspect.html'])
  })
})

describe('folio inspect on bad input', () => {
  it('exits 1 on a file that is no PDF, names it, and writes nothing', () => {
    const dir = workspace()
    writeFileSync(join(dir, 'notes.pdf'), '<html><body>not a pdf</body></html>')
    const {code, stdout, stderr} = folio(['inspect', 'notes.pdf', '--out', 'out'], dir)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain('notes.pdf')
    expect(stderr).toMatch(/expected a PDF/)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(dir, 'out'))).toBe(false)
    expect(readdirSync(dir)).toEqual(['notes.pdf'])
  })

  it.each([
    [['inspect', 'notes.pdf'], /--out/],
    [['inspect', '--out', 'out'], /missing input/],
    [['inspect', 'a.pdf', 'b.pdf', '--out', 'out'], /second input/],
    [['inspect', 'missing.pdf', '--out', 'out'], /missing\.pdf.*no such file/],
    [['inspect', 'notes.pdf', '--out', 'out', '--pages', '3-1'], /--pages/],
    [['inspect', 'notes.pdf', '--out', 'out', '--scale', '0'], /--scale/],
    [['inspect', 'notes.pdf', '--out', 'out', '--to', 'html'], /--to.*folio inspect --help/],
  ])('usage error %j exits 2', (args, message) => {
    const dir = workspace()
    writeFileSync(join(dir, 'notes.pdf'), 'not a pdf')
    const {code, stderr} = folio(args, dir)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })
})

describe('folio inspect --help', () => {
  it('documents its options', () => {
    const {code, stdout} = folio(['inspect', '--help'], root)
    expect(code).toBe(0)
    for (const option of ['--out', '--password', '--pages', '--scale']) expect(stdout).toContain(option)
  })

  it('is listed by folio --help beside convert', () => {
    const {code, stdout} = folio(['--help'], root)
    expect(code).toBe(0)
    expect(stdout).toMatch(/convert/)
    expect(stdout).toMatch(/inspect/)
  })
})
