import {HtmlValidate} from 'html-validate'
import {describe, expect, it} from 'vitest'
import {toHtml} from '../src/index.js'
import {documents} from './fixtures/documents.js'

// The recommended rules, as the validator ships them, but one: `long-title`
// is a search-engine heuristic (titles over 70 characters get cut in results),
// and a report's title is what its publisher printed.
const validator = new HtmlValidate({extends: ['html-validate:recommended'], rules: {'long-title': 'off'}})

describe('html-validate', () => {
  for (const doc of documents()) {
    for (const fragment of [false, true]) {
      it(`${doc.name}${fragment ? ' (fragment)' : ''}: no errors`, async () => {
        const {value} = toHtml(doc.tree, {fragment})
        const report = await validator.validateString(value)
        const messages = report.results.flatMap((result) =>
          result.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.selector ?? ''} ${m.message}`),
        )
        expect(messages).toEqual([])
      })
    }
  }
})
