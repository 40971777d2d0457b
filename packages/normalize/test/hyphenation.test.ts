import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {normalize} from '../src/index.js'
import {collectVocabulary, HyphenationJudge} from '../src/lib/hyphenation.js'
import {bodyText, corpusDir, layoutOf, requireCorpus} from './helpers.js'

describe('HyphenationJudge (English)', () => {
  const judge = new HyphenationJudge({lang: 'en'})

  it('joins a word the typesetter split ("in-" + "cluding")', () => {
    expect(judge.decide('in', 'cluding')).toEqual({join: true, word: 'including', reason: 'word-list-word'})
    expect(judge.decide('com', 'peting').word).toBe('competing')
    expect(judge.decide('prima', 'ry').word).toBe('primary')
  })

  it('keeps the hyphen of compounds of two words', () => {
    expect(judge.decide('decision', 'making')).toMatchObject({join: false, word: 'decision-making'})
    expect(judge.decide('two', 'faced')).toMatchObject({join: false, word: 'two-faced'})
  })

  it("judges a break inside a hyphenated compound by the compound's last part", () => {
    expect(judge.decide('Analyst-in', 'charge')).toMatchObject({join: false, word: 'Analyst-in-charge'})
    expect(judge.decide('state-of-the', 'art')).toMatchObject({join: false, word: 'state-of-the-art'})
    expect(judge.decide('multi-stake', 'holder')).toMatchObject({join: true, word: 'multi-stakeholder'})
    expect(judge.decide('cost-effec', 'tive')).toMatchObject({join: true, word: 'cost-effective'})
    expect(judge.decide('long-stand', 'ing')).toMatchObject({join: true, word: 'long-standing'})
  })

  it('keeps the hyphen before a capitalized part', () => {
    expect(judge.decide('Sino', 'Russo')).toMatchObject({join: false, word: 'Sino-Russo', reason: 'capitalized-part'})
    expect(judge.decide('Israeli', 'Palestinian').word).toBe('Israeli-Palestinian')
    expect(judge.decide('Al', 'Aqsa').word).toBe('Al-Aqsa')
  })

  it('keeps the hyphen next to digits', () => {
    expect(judge.decide('COVID', '19').word).toBe('COVID-19')
    expect(judge.decide('2020', '2021').word).toBe('2020-2021')
  })

  it('carries punctuation through the decision', () => {
    expect(judge.decide('(in', 'cluding),').word).toBe('(including),')
    expect(judge.decide('“decision', 'making”').word).toBe('“decision-making”')
  })

  it('joins on hyphenation patterns when the word list does not know the word', () => {
    expect(judge.decide('Wash', 'ington')).toMatchObject({join: true, reason: 'pattern-break'})
  })

  it('joins a soft hyphen always', () => {
    expect(judge.decide('for', 'mation', '\u00ad')).toMatchObject({join: true, word: 'formation'})
  })

  it('treats words in capitals by their letters, not their case', () => {
    expect(judge.decide('GOVERN', 'MENT')).toMatchObject({join: true, word: 'GOVERNMENT'})
  })
})

describe('document vocabulary', () => {
  it('prefers the form the document itself uses', () => {
    const vocabulary = collectVocabulary([
      'the policy-makers met the Israel delegation',
      'policy-makers said so; Israel agreed',
    ])
    const judge = new HyphenationJudge({lang: 'en', vocabulary})
    expect(judge.decide('policy', 'makers')).toMatchObject({join: false, reason: 'document-compound'})
    expect(judge.decide('Isra', 'el')).toMatchObject({join: true, word: 'Israel', reason: 'document-word'})
  })

  it('does not count a hyphenated line end as a compound', () => {
    const vocabulary = collectVocabulary(['a word split in-', 'cluding more'])
    expect(vocabulary.compounds.size).toBe(0)
  })

  it('joins a proper name split inside by its use elsewhere, where patterns would not', () => {
    const without = new HyphenationJudge({lang: 'en'})
    expect(without.decide('Isra', 'el').join).toBe(false)
  })
})

describe('other languages', () => {
  it('uses the French list, not the English one', () => {
    const judge = new HyphenationJudge({lang: 'fr'})
    expect(judge.decide('trans', 'port')).toMatchObject({join: true, word: 'transport'})
    expect(judge.decide('chauf', 'fage')).toMatchObject({join: true, reason: 'word-list-word'})
  })
  it('uses German patterns where the German list does not know the word (its nouns)', () => {
    const judge = new HyphenationJudge({lang: 'de-DE'})
    expect(judge.decide('verwal', 'tung')).toMatchObject({join: true, reason: 'pattern-break'})
    expect(judge.decide('verw', 'altung')).toMatchObject({join: false, reason: 'no-pattern-break'})
    expect(judge.decide('Wärmepla', 'nung')).toMatchObject({join: true, word: 'Wärmeplanung'})
  })
})

describe('German word list', () => {
  const judge = new HyphenationJudge({lang: 'de'})
  it('joins words the list knows whole, where the patterns would not break them there', () => {
    expect(judge.decide('beige', 'bracht')).toMatchObject({join: true, word: 'beigebracht', reason: 'word-list-word'})
    expect(judge.decide('mit', 'bringen')).toMatchObject({join: true, word: 'mitbringen'})
  })
  it('keeps the hyphen of coordinated adjectives, whose parts are words of their own', () => {
    expect(judge.decide('deutsch', 'französischen')).toMatchObject({
      join: false,
      word: 'deutsch-französischen',
      reason: 'word-list-compound',
    })
    expect(judge.decide('öffentlich', 'rechtliche').word).toBe('öffentlich-rechtliche')
  })
  it('closes other compounds of two known words, as German writes them', () => {
    expect(judge.decide('hoch', 'brisanten')).toMatchObject({join: true, word: 'hochbrisanten'})
    expect(judge.decide('Fernwärme', 'netz')).toMatchObject({join: true, word: 'Fernwärmenetz'})
  })
  it('keeps the hyphen before a capitalised part and after an abbreviation', () => {
    expect(judge.decide('Wärme', 'Planung')).toMatchObject({
      join: false,
      word: 'Wärme-Planung',
      reason: 'capitalized-part',
    })
    expect(judge.decide('PDF', 'basiert')).toMatchObject({join: false, word: 'PDF-basiert', reason: 'acronym-part'})
  })
  it('keeps a suspended hyphen before "und" or "oder", even after a word the document never uses alone', () => {
    expect(judge.decide('Ein', 'und')).toMatchObject({word: 'Ein- und', reason: 'suspended-hyphen', space: true})
    expect(judge.decide('Gebäude', 'oder')).toMatchObject({word: 'Gebäude- oder', space: true})
    // Not before other short words that end a broken word.
    expect(judge.decide('Pho', 'to')).toMatchObject({join: true, word: 'Photo'})
  })
})

describe('French word list', () => {
  const judge = new HyphenationJudge({lang: 'fr-FR'})
  it('keeps compounds the list spells with a hyphen', () => {
    expect(judge.decide('soixante', 'cinq')).toMatchObject({
      join: false,
      word: 'soixante-cinq',
      reason: 'word-list-compound',
    })
    expect(judge.decide('porte', 'parole').word).toBe('porte-parole')
  })
  it('joins words the list knows whole', () => {
    expect(judge.decide('lo', 'gement')).toMatchObject({join: true, word: 'logement', reason: 'word-list-word'})
  })
})

describe('prefixes before the same vowel', () => {
  const judge = new HyphenationJudge({lang: 'en'})
  it('keeps the hyphen of de-escalation and re-enter, which the word list also knows whole', () => {
    expect(judge.decide('de', 'escalation')).toMatchObject({join: false, reason: 'doubled-vowel'})
    expect(judge.decide('re', 'enter').word).toBe('re-enter')
  })
  it('still joins a word the document itself writes whole', () => {
    const vocabulary = collectVocabulary(['cooperation between the parties'])
    expect(new HyphenationJudge({lang: 'en', vocabulary}).decide('co', 'operation').word).toBe('cooperation')
  })
})

describe('suspended hyphens', () => {
  it('keep the hyphen and the space before a conjunction', () => {
    expect(new HyphenationJudge({lang: 'en'}).decide('pre', 'and')).toEqual({
      join: false,
      word: 'pre- and',
      reason: 'suspended-hyphen',
      space: true,
    })
    const vocabulary = collectVocabulary(['die Wärme der Netze'])
    expect(new HyphenationJudge({lang: 'de', vocabulary}).decide('Wärme', 'und').word).toBe('Wärme- und')
  })
  it('join a word that only ends in a conjunction', () => {
    expect(new HyphenationJudge({lang: 'en'}).decide('pri', 'or')).toMatchObject({join: true, word: 'prior'})
  })
})

describe.skipIf(!requireCorpus())('German line ends on a real chapter (skipped: no ../shared/corpus)', () => {
  it('pdfua German chapter: every line-end hyphen joins a word or stands before a capitalised part', async () => {
    const layout = await layoutOf(join(corpusDir, 'pdfua-reference-barrierefreie-pdf-chapter-de-tagged.pdf'))
    const {tree, diagnostics} = normalize(layout)
    expect(tree.meta.lang).toMatch(/^de/)
    const decisions = diagnostics.filter((diagnostic) => diagnostic.ruleId.startsWith('hyphen-'))
    expect(decisions.length).toBeGreaterThan(80)
    const reasons = (ruleId: string) =>
      decisions
        .filter((diagnostic) => diagnostic.ruleId === ruleId)
        .map((diagnostic) => /\(([a-z-]+)\)$/.exec(diagnostic.message)?.[1])
    expect(reasons('hyphen-kept')).toEqual(['capitalized-part'])
    expect(reasons('hyphen-joined')).toContain('word-list-word')
    const body = bodyText(tree)
    expect(body).toContain('beigebracht')
    expect(body).toContain('PDF-Dokumenten')
    expect(body).not.toMatch(/beige-bracht/)
  })
})
