import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {collectVocabulary, HyphenationJudge} from '../src/index.js'

const here = dirname(fileURLToPath(import.meta.url))
const seedPath = join(here, '../../../../shared/seed/000_d8513d24d2415756.txt')
const present = existsSync(seedPath)
// The seed text lives beside the checkout; where it is absent the test skips with a reason.
if (!present) console.warn(`skipping seed hyphenation test: no seed text at ${seedPath}`)
const require = createRequire(import.meta.url)
const {hyphenateSync} = require('hyphen/en-us') as {
  hyphenateSync: (text: string, options: {hyphenChar: string; minWordLength: number}) => string
}

/**
 * Sets the seed report as a typesetter would, breaking every word at every
 * point the patterns allow, and asks the judge about each break: words must
 * join, the report's own compounds must keep their hyphen.
 */
describe.skipIf(!present)('hyphenation over the seed report (skipped: no ../shared/seed)', () => {
  const text = present ? readFileSync(seedPath, 'utf8').replace(/\[([^\]]+)\]\(#\)/g, '$1') : ''
  const tokens = text.split(/\s+/).filter(Boolean)
  // The vocabulary as normalize gathers it: from lines, here the seed's own lines.
  const judge = new HyphenationJudge({lang: 'en', vocabulary: collectVocabulary(text.split('\n'))})

  it('keeps every compound of the report whole', () => {
    const wrong: string[] = []
    let checked = 0
    for (const token of tokens) {
      const core = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
      if (!/^\p{L}+(?:-\p{L}+)+$/u.test(core)) continue
      const parts = core.split('-')
      for (let index = 1; index < parts.length; index++) {
        const left = parts.slice(0, index).join('-')
        const right = parts.slice(index).join('-')
        const decision = judge.decide(left, right)
        checked++
        if (decision.join) wrong.push(`${left}-/${right} → ${decision.word} (${decision.reason})`)
      }
    }
    expect(checked).toBeGreaterThan(15)
    expect(wrong).toEqual([])
  })

  it('keeps compounds whole from case and the word list alone, without evidence from the document', () => {
    const alone = new HyphenationJudge({lang: 'en'})
    const wrong: string[] = []
    for (const token of tokens) {
      const core = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
      if (!/^\p{L}+-\p{L}+$/u.test(core)) continue
      const [left, right] = core.split('-') as [string, string]
      const decision = alone.decide(left, right)
      if (decision.join) wrong.push(`${left}-/${right} → ${decision.word} (${decision.reason})`)
    }
    expect(wrong).toEqual([])
  })

  it('joins every word the typesetter could have split', () => {
    const wrong: string[] = []
    let checked = 0
    const seen = new Set<string>()
    for (const token of tokens) {
      const core = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
      if (!/^\p{L}+$/u.test(core) || seen.has(core)) continue
      seen.add(core)
      const parts = hyphenateSync(core, {hyphenChar: '|', minWordLength: 5}).split('|')
      for (let index = 1; index < parts.length; index++) {
        const left = parts.slice(0, index).join('')
        const right = parts.slice(index).join('')
        const decision = judge.decide(left, right)
        checked++
        if (!decision.join) wrong.push(`${left}-/${right} → ${decision.word} (${decision.reason})`)
      }
    }
    expect(checked).toBeGreaterThan(1000)
    expect(wrong).toEqual([])
  })
})
