import type {Content, FlowContent} from '@folio/ast'
import {check, u} from '@folio/ast'
import {HtmlValidate} from 'html-validate'
import {describe, expect, it} from 'vitest'
import {toHast, toHtml, toMarkdown} from '../src/index.js'
import {generatedTree} from './fixtures/generate.js'

const validator = new HtmlValidate({extends: ['html-validate:recommended'], rules: {'long-title': 'off'}})

describe('generated trees', () => {
  it('render valid HTML and Markdown, without a crash, for 100 trees', async () => {
    const problems: string[] = []
    for (let seed = 1; seed <= 100; seed++) {
      const input = generatedTree(seed)
      const {value} = toHtml(input)
      toMarkdown(input)
      const report = await validator.validateString(value)
      for (const m of report.results.flatMap((result) => result.messages)) {
        problems.push(
          `seed ${seed} (tree ${check(input).length === 0 ? 'valid' : 'invalid'}): ${m.ruleId} ${m.message}`,
        )
      }
    }
    expect(problems).toEqual([])
  }, 120_000)

  it('survive nodes of unknown shape without a crash', () => {
    const odd = [
      {type: 'mystery'},
      {type: 'mystery', value: 'v'},
      {type: 'paragraph'},
      {type: 'link', children: [u.text('no url')]},
      {type: 'list', ordered: true, children: [{type: 'text', value: 'loose'}]},
      {type: 'section', depth: 9, children: []},
      {type: 'footnoteReference'},
      {type: 'pageBreak', page: 'x'},
    ] as unknown as Content[]
    for (const node of odd) {
      expect(() => toHast(node)).not.toThrow()
      expect(() => toHtml(u.root({lang: 'en'}, [node as FlowContent]))).not.toThrow()
      expect(() => toMarkdown(u.root({lang: 'en'}, [node as FlowContent]))).not.toThrow()
    }
  })
})
