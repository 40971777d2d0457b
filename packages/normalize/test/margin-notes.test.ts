import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {corpusDir, layoutOf, nodes, requireCorpus, text} from './helpers.js'

const corpus = requireCorpus()

describe.skipIf(!corpus)('notes set in the margin beside the text', () => {
  it('worldbank handbook: side notes become notes, and the lines beside them stay whole', async () => {
    const layout = await layoutOf(join(corpusDir, 'worldbank-dime-data-for-development-impact-handbook.pdf'))
    const {tree} = normalize(layout)
    const all = nodes(tree)
    const definitions = all.filter((node) => node.type === 'footnoteDefinition')
    const paragraphs = all.filter(
      (node) =>
        node.type === 'paragraph' && !all.some((d) => d.type === 'footnoteDefinition' && d.children?.includes(node)),
    )
    const body = paragraphs.map(text).join('\n')
    // Page 30 (printed 29) sets five notes in its margin, on the rows of the lines that call them.
    for (const url of ['https://www.rstudio.com', 'https://atom.io', 'https://www.sublimetext.com/']) {
      expect(body).not.toMatch(new RegExp(`${url.replace(/[./]/g, '\\$&')}(?![\\w/])`))
      expect(definitions.some((definition) => text(definition).includes(url))).toBe(true)
    }
    // A note of two lines stays one note, out of the lines beside it.
    expect(
      definitions.some((definition) => /dimewiki\.worldbank\.org\/\s?wiki\/Collaboration_Tools/.test(text(definition))),
    ).toBe(true)
    expect(body).toMatch(/When it comes to collaboration software,\s?(?:66)? the two most common softwares in use/)
    // The body line beside a note runs on into the next one.
    expect(body).toMatch(/If you are working in R, RStudio is great\.(?:63)? For Stata, the built-in do-file editor/)
    expect(body).toMatch(/LATEX is a document preparation system that can create both text documents/)
  })
})
