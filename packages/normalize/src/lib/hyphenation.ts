import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

/** Why a line-end hyphen was joined or kept; reported in the diagnostic. */
export type HyphenReason =
  | 'soft-hyphen'
  | 'digits'
  | 'capitalized-part'
  | 'acronym-part'
  | 'document-compound'
  | 'document-word'
  | 'doubled-vowel'
  | 'suspended-hyphen'
  | 'word-list-word'
  | 'word-list-compound'
  | 'pattern-break'
  | 'no-pattern-break'

export interface HyphenDecision {
  /** True when the parts are one word split by the line end ("in-" + "cluding"). */
  join: boolean
  /** The word as it reads after the decision: "including" or "decision-making". */
  word: string
  reason: HyphenReason
  /** A suspended hyphen ("pre- and post-war", "Wärme- und Kältenetze") keeps the space after it. */
  space?: boolean
}

/** Conjunctions after a suspended hyphen, in the languages Folio reads. */
const conjunctions = new Set([
  'and',
  'or',
  'to',
  'nor',
  'und',
  'oder',
  'bis',
  'sowie',
  'bzw',
  'et',
  'ou',
  'y',
  'o',
  'e',
])
/** German ones: no German word is broken before them ("Ein- und Ausgang", "Gebäude- oder"). */
const germanConjunctions = new Set(['und', 'oder', 'bis', 'sowie', 'bzw'])

/** Counts of the words the document uses, gathered before any decision. */
export interface DocumentVocabulary {
  /** Lower-cased words seen whole inside lines (not at a line end). */
  words: Map<string, number>
  /** Lower-cased hyphenated compounds seen inside lines, e.g. "decision-making". */
  compounds: Map<string, number>
}

export interface HyphenationOptions {
  /** BCP 47 language of the document; selects patterns and word list. */
  lang: string
  vocabulary?: DocumentVocabulary
}

type Hyphenator = (text: string, options: {hyphenChar: string; minWordLength: number}) => string

const patternModules: Record<string, string> = {
  en: 'hyphen/en-us',
  'en-us': 'hyphen/en-us',
  'en-gb': 'hyphen/en-gb',
  fr: 'hyphen/fr',
  de: 'hyphen/de',
  es: 'hyphen/es',
  it: 'hyphen/it',
  nl: 'hyphen/nl',
  pt: 'hyphen/pt',
}

const hyphenatorCache = new Map<string, Hyphenator | null>()
function hyphenatorFor(lang: string): Hyphenator | null {
  const key = lang.toLowerCase()
  const cached = hyphenatorCache.get(key)
  if (cached !== undefined) return cached
  const moduleId = patternModules[key] ?? patternModules[key.split('-')[0] ?? '']
  let result: Hyphenator | null = null
  if (moduleId) {
    const loaded = require(moduleId) as {hyphenateSync: Hyphenator}
    result = loaded.hyphenateSync
  }
  hyphenatorCache.set(key, result)
  return result
}

/** A word list: a sorted array searched by halves, so that loading it costs no index. */
export interface WordList {
  has(word: string): boolean
}

class SortedWords implements WordList {
  readonly #words: string[]
  constructor(words: string[]) {
    this.#words = words
  }
  has(word: string): boolean {
    const words = this.#words
    let low = 0
    let high = words.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const candidate = words[middle]!
      if (candidate === word) return true
      if (candidate < word) low = middle + 1
      else high = middle - 1
    }
    return false
  }
}

const wordLists = new Map<string, WordList>()

/**
 * Word-list packages by language; French lists hyphenated compounds too ("soixante-cinq").
 * The German list is lower-cased and its nouns lost their capital letter ("ärme" for
 * "Wärme"): it serves as a list of the words German writes in lower case (verbs,
 * adjectives, particles), which are the ones a line-end decision needs.
 */
const wordListModules: Record<string, string> = {
  en: 'an-array-of-english-words',
  fr: 'an-array-of-french-words',
  de: 'an-array-of-german-words',
}

/** Endings a word list may lack on its words ("alliances" → "alliance", "französischen" → "französisch"). */
const inflections: Record<string, string[]> = {
  en: ['s', 'es', 'ed'],
  fr: ['s', 'es', 'ed'],
  de: ['e', 'en', 'er', 'es', 'em', 'n', 's'],
}

/**
 * German adjectives that head a coordinating compound ("deutsch-französisch",
 * "öffentlich-rechtlich", "sozial-ökologisch"); other German compounds close up
 * ("hochbrisant", "Fernwärmenetz"), so two known parts alone prove nothing.
 */
const germanAdjective = /(?:sch|lich|ig|al|ell|iv|är|ar|ös|os|bar|sam|haft|los)$/u

function isSorted(words: string[]): boolean {
  for (let index = 1; index < words.length; index++) if (words[index - 1]! > words[index]!) return false
  return true
}

/** The maintained word list for the language, loaded on first use and only for it (English, French, German). */
function wordListFor(lang: string): WordList | null {
  const base = lang.toLowerCase().split('-')[0] ?? ''
  const moduleId = wordListModules[base]
  if (!moduleId) return null
  let list = wordLists.get(base)
  if (!list) {
    const words = require(moduleId) as string[]
    list = isSorted(words) ? new SortedWords(words) : new Set(words)
    wordLists.set(base, list)
  }
  return list
}

const letters = /\p{L}/u
const upperStart = /^\p{Lu}/u
const allUpper = /^[\p{Lu}\p{M}]+$/u
const digit = /\p{Nd}/u

/** Hyphen characters a line may end with, a soft hyphen included. */
export const LINE_END_HYPHENS = ['-', '\u2010', '\u00ad']

/** Splits a token into leading punctuation, the word core and trailing punctuation. */
export function splitPunctuation(token: string): [string, string, string] {
  const match = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(token)
  if (!match) return ['', token, '']
  return [match[1] ?? '', match[2] ?? '', match[3] ?? '']
}

/**
 * Decides whether a hyphen at a line or page end joins two parts of one word
 * or belongs to a compound, from the evidence available for the language.
 */
export class HyphenationJudge {
  readonly lang: string
  readonly #base: string
  readonly #vocabulary: DocumentVocabulary
  #words: WordList | null | undefined
  readonly #hyphenate: Hyphenator | null

  constructor(options: HyphenationOptions) {
    this.lang = options.lang
    this.#base = options.lang.toLowerCase().split('-')[0] ?? ''
    this.#vocabulary = options.vocabulary ?? {words: new Map(), compounds: new Map()}
    this.#hyphenate = hyphenatorFor(options.lang)
  }

  /**
   * `left` is the line's last token without its hyphen ("in", "(decision"),
   * `right` the next line's first token ("cluding,", "making").
   */
  decide(left: string, right: string, hyphen = '-'): HyphenDecision {
    const [, leftCore] = splitPunctuation(left)
    const [, rightCore] = splitPunctuation(right)
    const joined = left + right
    const kept = `${left}-${right}`
    const join = (reason: HyphenReason): HyphenDecision => ({join: true, word: joined, reason})
    const keep = (reason: HyphenReason): HyphenDecision => ({join: false, word: kept, reason})

    if (hyphen === '\u00ad') return join('soft-hyphen')
    if (conjunctions.has(rightCore.toLowerCase()) && rightCore === right && this.#suspends(leftCore, rightCore)) {
      return {join: false, word: `${left}- ${right}`, reason: 'suspended-hyphen', space: true}
    }
    if (!letters.test(leftCore) || !letters.test(rightCore) || digit.test(leftCore) || digit.test(rightCore)) {
      return keep('digits')
    }
    const shouting = allUpper.test(leftCore) && allUpper.test(rightCore)
    if (!shouting && upperStart.test(rightCore)) return keep('capitalized-part')
    // An abbreviation before a word in lower case is a compound, never a split word: "PDF-basiert", "NATO-led".
    const lastPart = leftCore.split(/[-/]/).pop() ?? ''
    if (!shouting && lastPart.length >= 2 && allUpper.test(lastPart)) return keep('acronym-part')

    const whole = (leftCore + rightCore).toLowerCase()
    const compound = `${leftCore}-${rightCore}`.toLowerCase()
    const seenWhole = this.#vocabulary.words.get(whole) ?? 0
    const seenCompound = this.#vocabulary.compounds.get(compound) ?? 0
    if (seenCompound > seenWhole) return keep('document-compound')
    if (seenWhole > seenCompound) return join('document-word')
    // A short prefix ending in the vowel the next part begins with takes a hyphen: de-escalate, re-enter.
    const lastLetter = leftCore.slice(-1).toLowerCase()
    if (leftCore.length <= 5 && /[aeiou]/.test(lastLetter) && rightCore.charAt(0).toLowerCase() === lastLetter) {
      return keep('doubled-vowel')
    }

    if (this.#words === undefined) this.#words = wordListFor(this.lang)
    const words = this.#words
    if (words) {
      const endings = inflections[this.#base] ?? []
      if (words.has(compound)) return keep('word-list-compound')
      if (isKnown(words, whole, endings)) return join('word-list-word')
      // In a compound being written ("Analyst-in-", "state-of-the-"), the break follows its last part.
      const part = leftCore.includes('-') ? (leftCore.split('-').pop() ?? '').toLowerCase() : ''
      if (part) {
        if (isKnown(words, part + rightCore.toLowerCase(), endings)) return join('word-list-word')
        if (part.length > 1 && isKnown(words, part, endings) && isKnown(words, rightCore.toLowerCase(), endings)) {
          return keep('word-list-compound')
        }
      }
      const leftLower = leftCore.toLowerCase()
      const rightLower = rightCore.toLowerCase()
      const heads = this.#base !== 'de' || germanAdjective.test(leftLower)
      if (leftLower.length > 1 && heads && isKnown(words, leftLower, endings) && isKnown(words, rightLower, endings)) {
        return keep('word-list-compound')
      }
    }
    if (this.#patternAllows(leftCore, rightCore)) return join('pattern-break')
    return keep('no-pattern-break')
  }

  /**
   * A suspended hyphen follows a word of its own ("Wärme- und") and makes no word with what follows ("Pri-or").
   * German breaks no word before a whole "und", "oder" or "bis": there, only a known whole word joins.
   */
  #suspends(leftCore: string, rightCore: string): boolean {
    if (this.#words === undefined) this.#words = wordListFor(this.lang)
    const whole = (leftCore + rightCore).toLowerCase()
    const left = leftCore.toLowerCase()
    const endings = inflections[this.#base] ?? []
    const known = (word: string) =>
      (this.#vocabulary.words.get(word) ?? 0) > 0 || (this.#words ? isKnown(this.#words, word, endings) : false)
    if (known(whole)) return false
    return (this.#base === 'de' && germanConjunctions.has(rightCore.toLowerCase())) || known(left)
  }

  #patternAllows(leftCore: string, rightCore: string): boolean {
    const hyphenate = this.#hyphenate
    if (!hyphenate) return false
    const marked = hyphenate((leftCore + rightCore).toLowerCase(), {hyphenChar: '|', minWordLength: 4})
    let offset = 0
    for (const part of marked.split('|')) {
      offset += part.length
      if (offset === leftCore.length) return true
      if (offset > leftCore.length) return false
    }
    return false
  }
}

/** A word is known when the list has it or it with a plain ending taken off ("alliances" → "alliance"). */
function isKnown(words: WordList, word: string, endings: string[]): boolean {
  if (words.has(word)) return true
  return endings.some(
    (ending) => word.length > ending.length + 2 && word.endsWith(ending) && words.has(word.slice(0, -ending.length)),
  )
}

/** Gathers the document's vocabulary from lines, leaving out each line's last token. */
export function collectVocabulary(lines: Iterable<string>): DocumentVocabulary {
  const words = new Map<string, number>()
  const compounds = new Map<string, number>()
  for (const text of lines) {
    const tokens = text.split(/\s+/).filter(Boolean)
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] ?? ''
      const isLast = index === tokens.length - 1
      const core = splitPunctuation(token)[1].toLowerCase()
      if (!core) continue
      if (core.includes('-')) {
        if (isLast && /-$/.test(token)) continue
        compounds.set(core, (compounds.get(core) ?? 0) + 1)
        continue
      }
      words.set(core, (words.get(core) ?? 0) + 1)
    }
  }
  return {words, compounds}
}
